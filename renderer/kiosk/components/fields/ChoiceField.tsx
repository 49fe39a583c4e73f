import { useState, type ReactNode } from 'react';
import type { FieldUi } from '../../../../protocol/forms.js';
import { localize } from '../../../../protocol/i18n.js';
import { Field } from '../../../shared/ui/index.js';
import { localized } from '../../i18n/Localized.js';
import type { Texts } from '../../i18n/texts.js';
import { CITIZEN_AUTOCOMPLETE } from './autocomplete.js';

/** From this many options on, a search box narrows the list (a FIM code list has up to ~250). */
export const LONG_LIST = 12;
/** How many matches a long list shows at once; the chosen one is always among them. */
export const SHOWN_MATCHES = 20;

export interface ChoiceFieldProps {
  domId: string;
  ui: FieldUi;
  value: unknown;
  label: ReactNode;
  help?: ReactNode;
  message?: ReactNode;
  locale: string;
  t: Texts;
  onChange(value: string): void;
}

/** Lower case without diacritics, so "osterreich" finds "Österreich". */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** The options a search shows: label (in the citizen's language or German) or code containing it. */
export function matchingOptions(
  options: NonNullable<FieldUi['options']>,
  query: string,
  locale: string,
): NonNullable<FieldUi['options']> {
  const wanted = foldForSearch(query.trim());
  if (wanted === '') return options;
  return options.filter((option) =>
    [localize(option.label, locale).text, option.label.de, option.value].some((text) =>
      foldForSearch(text).includes(wanted),
    ),
  );
}

/** One answer out of a list: big radio buttons, with a search box for a long code list. */
export function ChoiceField({
  domId,
  ui,
  value,
  label,
  help,
  message,
  locale,
  t,
  onChange,
}: ChoiceFieldProps) {
  const [query, setQuery] = useState('');
  const options = ui.options ?? [];
  const long = options.length > LONG_LIST;
  const matches = long ? matchingOptions(options, query, locale) : options;
  let shown = matches.slice(0, long ? SHOWN_MATCHES : matches.length);
  const chosen = options.find((o) => o.value === value);
  if (chosen && !shown.includes(chosen)) shown = [chosen, ...shown];
  const hidden = matches.length - shown.filter((o) => matches.includes(o)).length;
  return (
    <fieldset
      className={`kiosk-choice${message ? ' kiosk-choice--invalid' : ''}`}
      aria-describedby={message ? `${domId}-error` : undefined}
    >
      <legend className="pop-field__label">{label}</legend>
      {help && <p className="pop-field__help">{help}</p>}
      {message && (
        <p className="pop-field__error" id={`${domId}-error`}>
          {message}
        </p>
      )}
      {long && (
        <Field label={t.choiceSearch} className="kiosk-choice__search">
          {(control) => (
            <input
              {...control}
              className="pop-input"
              type="search"
              value={query}
              autoComplete={CITIZEN_AUTOCOMPLETE}
              onChange={(event) => setQuery(event.currentTarget.value)}
            />
          )}
        </Field>
      )}
      <div className="kiosk-choice__options">
        {shown.map((option) => (
          <label key={option.value} className="kiosk-choice__option">
            <input
              type="radio"
              name={domId}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span {...localized(option.label, locale)} />
          </label>
        ))}
      </div>
      {long && matches.length === 0 && <p className="pop-field__help">{t.choiceNone}</p>}
      {long && hidden > 0 && (
        <p className="pop-field__help" aria-live="polite">
          {t.choiceMore(hidden)}
        </p>
      )}
    </fieldset>
  );
}
