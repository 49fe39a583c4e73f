import { isVisible, soleNestedGroup, type FieldUi, type FormAnswer } from '../../../protocol/forms.js';
import { INTL_LOCALES, type Locale } from '../../../protocol/i18n.js';
import { Localized, localized } from '../i18n/Localized.js';
import type { Texts } from '../i18n/texts.js';
import { yesNoText } from './fields/yes-no.js';

export interface AnswerViewProps {
  ui: FieldUi | undefined;
  value: FormAnswer | undefined;
  /** The citizen's language ("tr"): picks option labels; dates and numbers use its Intl tag. */
  locale: string;
  t: Texts;
  /** All answers of the form: an answer its condition now hides is not listed (nor sent). */
  answers?: Record<string, unknown> | undefined;
}

/**
 * An answer as the citizen reads it on the review: Ja/Nein, option labels, groups as nested lists
 * in the form's order. A group that holds only another group is one list, as on its step.
 */
export function AnswerView({ ui, value, locale, t, answers }: AnswerViewProps) {
  if (value === undefined || value === '') return <>{t.notAnswered}</>;
  if (typeof value === 'boolean') return <>{yesNoText(ui, value, t)}</>;
  if (Array.isArray(value)) {
    return (
      <ol className="kiosk-review__list">
        {value.map((item, index) => (
          <li key={index}>
            <AnswerView ui={ui?.item} value={item} locale={locale} t={t} />
          </li>
        ))}
      </ol>
    );
  }
  if (typeof value === 'object') {
    const sole = ui ? soleNestedGroup(ui) : undefined;
    const only = Object.keys(value);
    if (sole && only.length === 1 && only[0] === sole.name) {
      return <AnswerView ui={sole.ui} value={value[sole.name]} locale={locale} t={t} answers={answers} />;
    }
    const order = Object.keys(ui?.fields ?? {});
    const names = [...order.filter((n) => n in value), ...only.filter((n) => !order.includes(n))];
    return (
      <dl className="kiosk-review__nested">
        {names.map((name) => {
          const child = ui?.fields?.[name];
          if (child && answers && !isVisible(child, answers)) return null;
          return (
            <div key={name} className="kiosk-review__row">
              <dt {...localized(child?.label ?? { de: name }, locale)} />
              <dd>
                <AnswerView ui={child} value={value[name]} locale={locale} t={t} answers={answers} />
              </dd>
            </div>
          );
        })}
      </dl>
    );
  }
  const option = ui?.options?.find((o) => o.value === value);
  if (option) return <Localized text={option.label} locale={locale} />;
  if (ui?.widget === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return <>{formatDate(value, intlLocale(locale))}</>;
  }
  if (typeof value === 'number') return <>{value.toLocaleString(intlLocale(locale))}</>;
  return <>{value}</>;
}

function intlLocale(locale: string): string {
  return INTL_LOCALES[locale as Locale] ?? locale;
}

function formatDate(iso: string, locale: string): string {
  const date = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(date);
}
