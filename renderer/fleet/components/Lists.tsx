import type { FleetAlert, FleetCommand } from '../../../protocol/fleet.js';
import { formatDateTime } from '../../shared/ui/index.js';
import type { FleetTexts } from '../texts.js';

export function AlertList({ t, alerts }: { t: FleetTexts; alerts: readonly FleetAlert[] }) {
  return (
    <section aria-labelledby="fleet-alerts" className="fleet-panel">
      <h2 id="fleet-alerts">
        {t.alerts.heading} ({alerts.length})
      </h2>
      {alerts.length === 0 ? (
        <p>{t.alerts.none}</p>
      ) : (
        <ul className="fleet-alerts">
          {alerts.map((alert) => (
            <li
              key={`${alert.terminalId}-${alert.kind}-${alert.at}`}
              className={`fleet-alert fleet-alert--${alert.kind}`}
            >
              <strong>
                {alert.terminalId}: {t.alerts.kinds[alert.kind]}
              </strong>{' '}
              <span>{alert.message}</span> <time dateTime={alert.at}>{formatDateTime(alert.at)}</time>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function CommandList({ t, commands }: { t: FleetTexts; commands: readonly FleetCommand[] }) {
  return (
    <section aria-labelledby="fleet-commands" className="fleet-panel">
      <h2 id="fleet-commands">{t.commands.heading}</h2>
      {commands.length === 0 ? (
        <p>{t.commands.none}</p>
      ) : (
        <ul className="fleet-commands">
          {commands.map((c) => (
            <li key={c.id} data-command-status={c.status}>
              <strong>
                {c.terminalId}: {t.commands.kinds[c.kind]}
              </strong>{' '}
              – {t.commands.statuses[c.status]}{' '}
              <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
              {c.result && <pre className="fleet-commands__result">{c.result.slice(0, 2000)}</pre>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
