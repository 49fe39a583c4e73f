import type { FieldErrorCode, FieldUi } from '../../../protocol/forms.js';
import { localize } from '../../../protocol/i18n.js';
import { Field } from '../../shared/ui/index.js';
import type { Texts } from '../i18n/texts.js';

export type AnswerValue = string | number | boolean | undefined;

export interface FormFieldProps {
  name: string;
  ui: FieldUi;
  property: Record<string, unknown>;
  required: boolean;
  value: AnswerValue;
  error: FieldErrorCode | undefined;
  locale: string;
  t: Texts;
  onChange(name: string, value: AnswerValue): void;
}

const INPUT_TYPES: Partial<Record<FieldUi['widget'], string>> = {
  text: 'text',
  email: 'email',
  tel: 'tel',
  date: 'date',
  number: 'text',
};

/** One form field, drawn from its UI description; big touch targets, label and message beside it. */
export function FormField({
  name,
  ui,
  property,
  required,
  value,
  error,
  locale,
  t,
  onChange,
}: FormFieldProps) {
  const label = localize(ui.label, locale).text;
  const help = ui.help ? localize(ui.help, locale).text : undefined;
  const message = error ? errorText(error, ui, locale, t) : undefined;
  const shownLabel = required ? label : `${label} (${t.optional})`;

  if (ui.widget === 'choice') {
    return (
      <fieldset
        className={`kiosk-choice${message ? ' kiosk-choice--invalid' : ''}`}
        aria-describedby={message ? `${name}-error` : undefined}
      >
        <legend className="pop-field__label">{shownLabel}</legend>
        {help && <p className="pop-field__help">{help}</p>}
        {message && (
          <p className="pop-field__error" id={`${name}-error`}>
            {message}
          </p>
        )}
        <div className="kiosk-choice__options">
          {(ui.options ?? []).map((option) => (
            <label key={option.value} className="kiosk-choice__option">
              <input
                type="radio"
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(name, option.value)}
              />
              <span>{localize(option.label, locale).text}</span>
            </label>
          ))}
        </div>
      </fieldset>
    );
  }

  if (ui.widget === 'checkbox') {
    return (
      <div className={`kiosk-checkbox${message ? ' kiosk-checkbox--invalid' : ''}`}>
        {message && (
          <p className="pop-field__error" id={`${name}-error`}>
            {message}
          </p>
        )}
        <label className="kiosk-checkbox__label">
          <input
            type="checkbox"
            name={name}
            checked={value === true}
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? `${name}-error` : undefined}
            onChange={(event) => onChange(name, event.target.checked ? true : undefined)}
          />
          <span>{shownLabel}</span>
        </label>
        {help && <p className="pop-field__help">{help}</p>}
      </div>
    );
  }

  return (
    <Field label={shownLabel} help={help} error={message}>
      {(control) =>
        ui.widget === 'textarea' ? (
          <textarea
            {...control}
            name={name}
            className="pop-input kiosk-textarea"
            rows={4}
            maxLength={typeof property['maxLength'] === 'number' ? property['maxLength'] : undefined}
            value={typeof value === 'string' ? value : ''}
            onChange={(event) => onChange(name, event.target.value)}
          />
        ) : (
          <input
            {...control}
            name={name}
            className="pop-input"
            type={INPUT_TYPES[ui.widget] ?? 'text'}
            inputMode={ui.widget === 'number' ? 'numeric' : undefined}
            autoComplete={ui.autocomplete ?? 'off'}
            maxLength={typeof property['maxLength'] === 'number' ? property['maxLength'] : undefined}
            value={value === undefined ? '' : String(value)}
            onChange={(event) => onChange(name, toAnswer(event.target.value, property))}
          />
        )
      }
    </Field>
  );
}

/** Numbers stay numbers when the text is one; otherwise the text goes to validation as typed. */
function toAnswer(text: string, property: Record<string, unknown>): AnswerValue {
  if (text === '') return undefined;
  if (property['type'] === 'integer' || property['type'] === 'number') {
    const number = Number(text.replace(',', '.'));
    return Number.isFinite(number) && /^-?\d+([.,]\d+)?$/.test(text.trim()) ? number : text;
  }
  return text;
}

function errorText(code: FieldErrorCode, ui: FieldUi, locale: string, t: Texts): string {
  if ((code === 'pattern' || code === 'format' || code === 'type') && ui.invalidMessage) {
    return localize(ui.invalidMessage, locale).text;
  }
  return t.fieldErrors[code];
}
