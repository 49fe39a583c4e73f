import { CommandKind, type FleetTerminal } from '../../../protocol/fleet.js';
import { formatDateTime } from '../../shared/ui/index.js';
import type { FleetTexts } from '../texts.js';
import { FleetTable } from './FleetTable.js';

export interface TerminalTableProps {
  t: FleetTexts;
  terminals: readonly FleetTerminal[];
  total: number;
  onCommand: (terminalId: string, kind: CommandKind) => void;
}

const when = (iso: string | null, never: string) => (iso ? formatDateTime(iso) : never);
const megabytes = (bytes: number | null) => (bytes === null ? '–' : `${(bytes / 1_048_576).toFixed(1)} MB`);
const hours = (seconds: number | null) => (seconds === null ? '–' : `${(seconds / 3600).toFixed(1)} h`);

export function TerminalTable({ t, terminals, total, onCommand }: TerminalTableProps) {
  return (
    <FleetTable
      caption={t.table.caption(terminals.length, total)}
      columns={[
        t.table.id,
        t.table.state,
        t.table.app,
        t.table.config,
        t.table.lastSeen,
        t.table.lastSync,
        t.table.outbox,
        t.table.quarantined,
        t.table.storage,
        t.table.uptime,
        t.table.lastError,
        t.table.actions,
      ]}
    >
      {terminals.map((terminal) => (
        <tr key={terminal.id} data-terminal={terminal.id}>
          <th scope="row">
            {terminal.id}
            <span className="fleet-table__name">{terminal.name}</span>
          </th>
          <td>
            <span className={`fleet-state fleet-state--${terminal.state}`}>{t.states[terminal.state]}</span>
          </td>
          <td>{terminal.appVersion ?? '–'}</td>
          <td>
            {terminal.configVersion ?? '–'} ({terminal.assignedVersion ?? '–'})
          </td>
          <td>{when(terminal.lastSeenAt, t.table.never)}</td>
          <td>{when(terminal.lastSyncAt, t.table.never)}</td>
          <td>{terminal.outboxDepth ?? '–'}</td>
          <td>{terminal.quarantined ?? '–'}</td>
          <td>{megabytes(terminal.storageBytes)}</td>
          <td>{hours(terminal.uptimeSeconds)}</td>
          <td className="fleet-table__error">{terminal.lastError ?? ''}</td>
          <td className="fleet-table__actions">
            {terminal.state !== 'revoked' &&
              CommandKind.options.map((kind) => (
                <button
                  key={kind}
                  type="button"
                  className="pop-button pop-button--secondary fleet-command"
                  aria-label={t.commands.send(t.commands.kinds[kind], terminal.id)}
                  onClick={() => onCommand(terminal.id, kind)}
                >
                  {t.commands.kinds[kind]}
                </button>
              ))}
          </td>
        </tr>
      ))}
    </FleetTable>
  );
}
