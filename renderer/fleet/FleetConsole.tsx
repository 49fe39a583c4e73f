import { useState } from 'react';
import type { CommandKind } from '../../protocol/fleet.js';
import { Button, StatusMessage } from '../shared/ui/index.js';
import { fleetApi } from './api.js';
import { BarChart } from './components/BarChart.js';
import { FilterBar } from './components/FilterBar.js';
import { AlertList, CommandList } from './components/Lists.js';
import { QuarantineList } from './components/QuarantineList.js';
import { TerminalTable } from './components/TerminalTable.js';
import { filterTerminals, NO_FILTER } from './filter.js';
import type { FleetData } from './hooks/useFleetData.js';
import type { FleetTexts } from './texts.js';

export interface FleetConsoleProps {
  t: FleetTexts;
  data: Extract<FleetData, { status: 'ready' }>;
  onChanged: () => void;
  onLogout: () => void;
}

export function FleetConsole({ t, data, onChanged, onLogout }: FleetConsoleProps) {
  const [filter, setFilter] = useState(NO_FILTER);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const { overview, stats, commands, quarantine } = data;
  const shown = filterTerminals(overview.terminals, overview.alerts, filter);

  const send = (terminalId: string, kind: CommandKind) => {
    fleetApi.sendCommand(terminalId, kind).then(
      () => {
        setNotice({ tone: 'success', text: t.commands.sent(t.commands.kinds[kind], terminalId) });
        onChanged();
      },
      (error: unknown) => setNotice({ tone: 'error', text: String((error as Error).message) }),
    );
  };

  const retry = (terminalId: string, submissionId: string) => {
    fleetApi.retryQuarantined(terminalId, submissionId).then(
      () => {
        setNotice({ tone: 'success', text: t.quarantine.retrySent(terminalId) });
        onChanged();
      },
      (error: unknown) => setNotice({ tone: 'error', text: String((error as Error).message) }),
    );
  };

  return (
    <>
      <header className="fleet-header">
        <span className="fleet-header__brand">{t.brand}</span>
        <span className="fleet-header__app">{t.title}</span>
        <Button onClick={onLogout}>{t.logout}</Button>
      </header>
      <main className="fleet-main">
        <h1>{t.title}</h1>
        {data.stale && <StatusMessage tone="warning">{t.refreshFailed}</StatusMessage>}
        {notice && <StatusMessage tone={notice.tone}>{notice.text}</StatusMessage>}
        <AlertList t={t} alerts={overview.alerts} />
        <FilterBar t={t} filter={filter} onChange={setFilter} />
        <TerminalTable t={t} terminals={shown} total={overview.terminals.length} onCommand={send} />
        <QuarantineList
          t={t}
          items={quarantine}
          onRetry={(item) => retry(item.terminalId, item.submissionId)}
        />
        <div className="fleet-charts">
          <BarChart
            title={t.charts.sessions}
            labels={stats.days.map((d) => d.slice(8, 10))}
            values={stats.sessionsPerDay}
            emptyText={t.charts.noData}
          />
          <BarChart
            title={t.charts.uptime}
            labels={stats.uptimePerTerminal.map((u) => u.terminalId)}
            values={stats.uptimePerTerminal.map((u) => u.percent)}
            unit=" %"
            max={100}
            emptyText={t.charts.noData}
          />
        </div>
        <CommandList t={t} commands={commands} />
      </main>
    </>
  );
}
