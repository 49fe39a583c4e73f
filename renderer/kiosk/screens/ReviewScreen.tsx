import { isAnswerless, isVisible } from '../../../protocol/forms.js';
import { Button, StatusMessage } from '../../shared/ui/index.js';
import { AnswerView } from '../components/AnswerView.js';
import type { AnswerValue } from '../components/FormField.js';
import { Localized, localized } from '../i18n/Localized.js';
import type { Texts } from '../i18n/texts.js';
import type { DraftAttachment, StoredForm } from '../storage/index.js';

export interface ReviewScreenProps {
  t: Texts;
  locale: string;
  form: StoredForm;
  answers: Record<string, AnswerValue>;
  /** The draft's photos and scans, listed under their fields. */
  attachments?: readonly DraftAttachment[] | undefined;
  busy: boolean;
  failure: string | null;
  /** A problem that does not stop the citizen (e.g. the draft could not be saved), or null. */
  notice?: string | null;
  onEdit(stepIndex: number): void;
  onSubmit(): void;
  onBack(): void;
}

/** Everything the citizen entered, step by step, before it is sent. */
export function ReviewScreen({
  t,
  locale,
  form,
  answers,
  attachments = [],
  busy,
  failure,
  notice = null,
  onEdit,
  onSubmit,
  onBack,
}: ReviewScreenProps) {
  const total = form.ui.steps.length + 1;
  return (
    <main className="kiosk-page kiosk-review">
      <p className="kiosk-form__title" {...localized(form.title, locale)} />
      <div className="kiosk-progress">
        <span>{t.stepOf(total, total)}</span>
        <progress max={total} value={total} aria-label={t.stepOf(total, total)} />
      </div>
      <h1>{t.review}</h1>
      <p>{t.reviewIntro}</p>
      {notice && !failure && <StatusMessage tone="warning">{notice}</StatusMessage>}
      {form.ui.steps.map((step, index) => (
        <section key={step.id} className="kiosk-review__step">
          <div className="kiosk-review__heading">
            <h2 {...localized(step.title, locale)} />
            {/*
              The name "Change: <step>" is hidden text, not aria-label, so the step's title can carry
              lang; the visible word is left out of the name once, so it is not read twice.
            */}
            <Button onClick={() => onEdit(index)}>
              <span aria-hidden="true">{t.change}</span>
              <span className="pop-visually-hidden">
                {t.change}: <Localized text={step.title} locale={locale} />
              </span>
            </Button>
          </div>
          <dl>
            {step.fields
              .filter((name) => form.ui.fields[name]?.widget !== 'note')
              .map((name) => {
                const ui = form.ui.fields[name];
                const label = localized(ui?.label ?? { de: name }, locale);
                // A field its condition hides is neither asked for nor sent, so it is not listed.
                if (ui && !isVisible(ui, answers)) return null;
                if (ui && isAnswerless(ui.widget)) {
                  const files = attachments.filter((a) => a.fieldId === name);
                  const lacking = files.length < (ui.minCount ?? 0);
                  return (
                    <div key={name} className="kiosk-review__row">
                      <dt {...label} />
                      <dd>
                        {files.length === 0 ? '–' : files.map((f) => f.name).join(', ')}
                        {lacking && (
                          <p className="pop-field__error">{t.attachments.missing(ui.minCount ?? 1)}</p>
                        )}
                      </dd>
                    </div>
                  );
                }
                return (
                  <div key={name} className="kiosk-review__row">
                    <dt {...label} />
                    <dd>
                      <AnswerView ui={ui} value={answers[name]} locale={locale} t={t} answers={answers} />
                    </dd>
                  </div>
                );
              })}
          </dl>
        </section>
      ))}
      {failure && <StatusMessage tone="error">{failure}</StatusMessage>}
      <div className="kiosk-actions">
        <Button size="large" onClick={onBack}>
          {t.back}
        </Button>
        <Button variant="primary" size="large" busy={busy} onClick={onSubmit}>
          {t.submit}
        </Button>
      </div>
    </main>
  );
}
