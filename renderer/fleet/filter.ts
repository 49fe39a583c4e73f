import type { FleetAlert, FleetTerminal } from '../../protocol/fleet.js';

export interface TerminalFilter {
  search: string;
  state: FleetTerminal['state'] | 'all';
  alertsOnly: boolean;
}

export const NO_FILTER: TerminalFilter = { search: '', state: 'all', alertsOnly: false };

/** The terminals the table shows: a pure function, so the filters are easy to trust. */
export function filterTerminals(
  terminals: readonly FleetTerminal[],
  alerts: readonly FleetAlert[],
  filter: TerminalFilter,
): FleetTerminal[] {
  const needle = filter.search.trim().toLowerCase();
  const alerted = new Set(alerts.map((a) => a.terminalId));
  return terminals.filter(
    (t) =>
      (filter.state === 'all' || t.state === filter.state) &&
      (!filter.alertsOnly || alerted.has(t.id)) &&
      (needle === '' || t.id.toLowerCase().includes(needle) || t.name.toLowerCase().includes(needle)),
  );
}
