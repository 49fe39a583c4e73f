import { isAnswerless, isVisible } from '../../../protocol/forms.js';
import { INTL_LOCALES, localize, type Locale } from '../../../protocol/i18n.js';
import { Button, StatusMessage } from '../../shared/ui/index.js';
import { AnswerView } from '../components/AnswerView.js';
import type { AnswerValue } from '../components/FormField.js';
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
  const intlLocale = INTL_LOCALES[locale as Locale] ?? locale;
  return (
    <main className="kiosk-page kiosk-review">
      <p className="kiosk-form__title">{localize(form.title, locale).text}</p>
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
            <h2>{localize(step.title, locale).text}</h2>
            <Button
              onClick={() => onEdit(index)}
              aria-label={`${t.change}: ${localize(step.title, locale).text}`}
            >
              {t.change}
            </Button>
          </div>
          <dl>
            {step.fields
              .filter((name) => form.ui.fields[name]?.widget !== 'note')
              .map((name) => {
                const ui = form.ui.fields[name];
                const label = localize(ui?.label ?? { de: name }, locale).text;
                if (ui && isAnswerless(ui.widget)) {
                  // A photo field its condition hides is neither asked for nor sent.
                  if (!isVisible(ui, answers)) return null;
                  const files = attachments.filter((a) => a.fieldId === name);
                  const lacking = files.length < (ui.minCount ?? 0);
                  return (
                    <div key={name} className="kiosk-review__row">
                      <dt>{label}</dt>
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
                    <dt>{label}</dt>
                    <dd>
                      <AnswerView ui={ui} value={answers[name]} locale={intlLocale} t={t} />
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
