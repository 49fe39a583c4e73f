import type { StuckApplication } from '../../../protocol/quarantine.js';
import type { ClerkTexts } from '../texts.js';

export interface StuckApplicationsProps {
  t: ClerkTexts;
  items: readonly StuckApplication[];
}

/**
 * Applications for the clerk's offices that a terminal could not deliver, per office and
 * terminal, with the hub's reason. Only the envelope is known here: the sealed answers stay on
 * the terminal until a retry succeeds.
 */
export function StuckApplications({ t, items }: StuckApplicationsProps) {
  if (items.length === 0) return null;
  const byOffice = new Map<string, StuckApplication[]>();
  for (const item of items) {
    const office = item.officeId ?? '';
    byOffice.set(office, [...(byOffice.get(office) ?? []), item]);
  }
  const when = new Intl.DateTimeFormat(t.locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="clerk-stuck" aria-labelledby="clerk-stuck-heading">
      <h2 id="clerk-stuck-heading">{t.stuck.heading(items.length)}</h2>
      <p>{t.stuck.intro}</p>
      {[...byOffice].map(([office, stuck]) => (
        <div key={office} data-office={office}>
          <h3>{t.stuck.office(office || t.stuck.unknownOffice)}</h3>
          <ul>
            {stuck.map((item) => (
              <li key={`${item.terminalId}-${item.submissionId}`} data-submission={item.submissionId}>
                <strong>{t.stuck.onTerminal(item.terminalName, item.terminalId)}</strong>{' '}
                {t.stuck.form(item.formId, item.formVersion)} – {item.reason}{' '}
                <span className="clerk-stuck__meta">
                  ({t.stuck.since(when.format(new Date(item.quarantinedAt)))}
                  {item.retryRequestedAt ? `; ${t.stuck.retryRequested}` : ''})
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
