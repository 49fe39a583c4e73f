import { useState, type FormEvent } from 'react';
import type { StuckApplication } from '../../../protocol/quarantine.js';
import { Button, Field } from '../../shared/ui/index.js';
import type { ClerkTexts } from '../texts.js';

export interface StuckApplicationsProps {
  t: ClerkTexts;
  items: readonly StuckApplication[];
  /** The office decides an item can never be delivered (reason at least 10 characters). */
  onDiscard(item: StuckApplication, reason: string): Promise<void>;
}

/**
 * Applications for the clerk's offices that a terminal could not deliver, per office and
 * terminal, with the hub's reason. Only the envelope is known here: the sealed answers stay on
 * the terminal until a retry succeeds — or until the office orders it deleted, with a reason
 * the hub keeps in its audit trail.
 */
export function StuckApplications({ t, items, onDiscard }: StuckApplicationsProps) {
  if (items.length === 0) return null;
  const byOffice = new Map<string, StuckApplication[]>();
  for (const item of items) {
    const office = item.officeId ?? '';
    byOffice.set(office, [...(byOffice.get(office) ?? []), item]);
  }
  const officeName = (office: string, stuck: readonly StuckApplication[]) =>
    stuck.find((item) => item.officeName)?.officeName ?? (office || t.stuck.unknownOffice);
  const when = new Intl.DateTimeFormat(t.locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="clerk-stuck" aria-labelledby="clerk-stuck-heading">
      <h2 id="clerk-stuck-heading">{t.stuck.heading(items.length)}</h2>
      <p>{t.stuck.intro}</p>
      {[...byOffice].map(([office, stuck]) => (
        <div key={office} data-office={office}>
          <h3>{t.stuck.office(officeName(office, stuck))}</h3>
          <ul>
            {stuck.map((item) => (
              <li key={`${item.terminalId}-${item.submissionId}`} data-submission={item.submissionId}>
                <strong>{t.stuck.onTerminal(item.terminalName, item.terminalId)}</strong>{' '}
                {t.stuck.form(item.formTitle ?? item.formId, item.formVersion)} – {item.reason}{' '}
                <span className="clerk-stuck__meta">
                  ({t.stuck.since(when.format(new Date(item.quarantinedAt)))}
                  {item.retryRequestedAt ? `; ${t.stuck.retryRequested}` : ''})
                </span>
                {item.discardRequestedAt ? (
                  <p className="clerk-stuck__meta">
                    {t.stuck.discardRequested(
                      when.format(new Date(item.discardRequestedAt)),
                      item.discardReason ?? '',
                    )}
                  </p>
                ) : item.heldBy === 'hub' ? null : (
                  <DiscardForm t={t} item={item} onDiscard={onDiscard} />
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function DiscardForm({
  t,
  item,
  onDiscard,
}: {
  t: ClerkTexts;
  item: StuckApplication;
  onDiscard: StuckApplicationsProps['onDiscard'];
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!open) return <Button onClick={() => setOpen(true)}>{t.stuck.discard}</Button>;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 10) return setProblem(t.stuck.discardTooShort);
    setBusy(true);
    setProblem(null);
    try {
      await onDiscard(item, reason.trim());
    } catch (error) {
      setProblem(t.stuck.discardFailed(error instanceof Error ? error.message : String(error)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="clerk-stuck__discard" noValidate onSubmit={(event) => void submit(event)}>
      <p>{t.stuck.discardExplain}</p>
      <Field label={t.stuck.discardReason} error={problem ?? undefined}>
        {(control) => (
          <textarea
            {...control}
            className="pop-input"
            rows={2}
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </Field>
      <Button variant="danger" type="submit" busy={busy}>
        {t.stuck.discardConfirm}
      </Button>{' '}
      <Button onClick={() => setOpen(false)}>{t.stuck.discardCancel}</Button>
    </form>
  );
}
