import type { FieldUi, FormAnswer } from '../../../protocol/forms.js';
import { INTL_LOCALES, type Locale } from '../../../protocol/i18n.js';
import { Localized, localized } from '../i18n/Localized.js';
import type { Texts } from '../i18n/texts.js';

export interface AnswerViewProps {
  ui: FieldUi | undefined;
  value: FormAnswer | undefined;
  /** The citizen's language ("tr"): picks option labels; dates and numbers use its Intl tag. */
  locale: string;
  t: Texts;
}

/** An answer as the citizen reads it on the review: Ja/Nein, option labels, groups as nested lists. */
export function AnswerView({ ui, value, locale, t }: AnswerViewProps) {
  if (value === undefined || value === '') return <>{t.notAnswered}</>;
  if (typeof value === 'boolean') return <>{value ? t.yes : t.no}</>;
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
    return (
      <dl className="kiosk-review__nested">
        {Object.entries(value).map(([name, inner]) => (
          <div key={name} className="kiosk-review__row">
            <dt {...localized(ui?.fields?.[name]?.label ?? { de: name }, locale)} />
            <dd>
              <AnswerView ui={ui?.fields?.[name]} value={inner} locale={locale} t={t} />
            </dd>
          </div>
        ))}
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
