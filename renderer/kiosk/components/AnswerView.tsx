import type { FieldUi, FormAnswer } from '../../../protocol/forms.js';
import { localize } from '../../../protocol/i18n.js';
import type { Texts } from '../i18n/texts.js';

export interface AnswerViewProps {
  ui: FieldUi | undefined;
  value: FormAnswer | undefined;
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
            <dt>{localize(ui?.fields?.[name]?.label ?? { de: name }, locale).text}</dt>
            <dd>
              <AnswerView ui={ui?.fields?.[name]} value={inner} locale={locale} t={t} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  const option = ui?.options?.find((o) => o.value === value);
  if (option) return <>{localize(option.label, locale).text}</>;
  if (ui?.widget === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return <>{formatDate(value, locale)}</>;
  }
  if (typeof value === 'number') return <>{value.toLocaleString(locale)}</>;
  return <>{value}</>;
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
