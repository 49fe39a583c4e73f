import type { StuckApplication } from '../../../protocol/quarantine.js';
import { formatDateTime } from '../../shared/ui/index.js';
import type { FleetTexts } from '../texts.js';
import { FleetTable } from './FleetTable.js';

export interface QuarantineListProps {
  t: FleetTexts;
  items: readonly StuckApplication[];
  onRetry: (item: StuckApplication) => void;
}

/**
 * Applications the hub refused for good, per terminal, with the reason and a retry after a fix;
 * one the responsible office ordered deleted says so until the terminal has deleted it.
 */
export function QuarantineList({ t, items, onRetry }: QuarantineListProps) {
  const byTerminal = new Map<string, StuckApplication[]>();
  for (const item of items)
    byTerminal.set(item.terminalId, [...(byTerminal.get(item.terminalId) ?? []), item]);
  return (
    <section aria-labelledby="fleet-quarantine" className="fleet-panel">
      <h2 id="fleet-quarantine">
        {t.quarantine.heading} ({items.length})
      </h2>
      {items.length === 0 ? (
        <p>{t.quarantine.none}</p>
      ) : (
        <>
          <p>{t.quarantine.intro}</p>
          {[...byTerminal].map(([terminalId, stuck]) => (
            <FleetTable
              key={terminalId}
              data-quarantine-terminal={terminalId}
              caption={t.quarantine.terminal(stuck[0]?.terminalName ?? terminalId, terminalId, stuck.length)}
              columns={[
                t.quarantine.submission,
                t.quarantine.form,
                t.quarantine.office,
                t.quarantine.reason,
                t.quarantine.since,
                t.table.actions,
              ]}
            >
              {stuck.map((item) => (
                <tr key={item.submissionId} data-submission={item.submissionId}>
                  <th scope="row">
                    <code>{item.submissionId}</code>
                  </th>
                  <td>
                    {item.formId} v{item.formVersion}
                  </td>
                  <td>{item.officeId ?? t.quarantine.unknownOffice}</td>
                  <td className="fleet-table__error">{item.reason}</td>
                  <td>
                    <time dateTime={item.quarantinedAt}>{formatDateTime(item.quarantinedAt)}</time>
                  </td>
                  <td className="fleet-table__actions">
                    {item.discardRequestedAt ? (
                      // The office's decision, not the provider's: shown, not undone here.
                      <span>{t.quarantine.discardRequested(item.discardReason ?? '')}</span>
                    ) : item.heldBy === 'hub' ? (
                      // The hub could not deliver it onward: nothing for the terminal to resend.
                      <span>{t.quarantine.heldByHub}</span>
                    ) : item.retryRequestedAt ? (
                      <span>{t.quarantine.retryRequested}</span>
                    ) : (
                      <button
                        type="button"
                        className="pop-button pop-button--secondary fleet-command"
                        aria-label={t.quarantine.retryLabel(item.submissionId, terminalId)}
                        onClick={() => onRetry(item)}
                      >
                        {t.quarantine.retry}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </FleetTable>
          ))}
        </>
      )}
    </section>
  );
}
