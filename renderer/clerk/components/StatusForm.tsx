import { useState, type FormEvent } from 'react';
import { SubmissionStatus, type StatusUpdate } from '../../../protocol/submission.js';
import { Button, Field, StatusMessage } from '../../shared/ui/index.js';
import type { ClerkTexts } from '../texts.js';

export interface StatusFormProps {
  t: ClerkTexts;
  initial: StatusUpdate;
  onSave(update: StatusUpdate): Promise<void>;
}

/** The status and short message the citizen sees with the tracking code. */
export function StatusForm({ t, initial, onSave }: StatusFormProps) {
  const [update, setUpdate] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setOutcome(null);
    try {
      await onSave(update);
      setOutcome({ ok: true, text: t.statusForm.saved });
    } catch (error) {
      setOutcome({
        ok: false,
        text: t.statusForm.failed(error instanceof Error ? error.message : String(error)),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="clerk-status-form" aria-labelledby="clerk-status-heading">
      <h2 id="clerk-status-heading" className="clerk-detail__subheading">
        {t.statusForm.heading}
      </h2>
      <p>{t.statusForm.intro}</p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Field label={t.statusForm.status}>
          {(control) => (
            <select
              {...control}
              className="pop-input"
              value={update.status}
              onChange={(event) =>
                setUpdate({ ...update, status: SubmissionStatus.parse(event.target.value) })
              }
            >
              {SubmissionStatus.options.map((status) => (
                <option key={status} value={status}>
                  {t.status[status]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.statusForm.message}>
          {(control) => (
            <textarea
              {...control}
              className="pop-input"
              rows={3}
              maxLength={500}
              value={update.message}
              onChange={(event) => setUpdate({ ...update, message: event.target.value })}
            />
          )}
        </Field>
        {outcome && <StatusMessage tone={outcome.ok ? 'success' : 'error'}>{outcome.text}</StatusMessage>}
        <Button variant="primary" type="submit" busy={busy}>
          {t.statusForm.save}
        </Button>
      </form>
    </section>
  );
}
