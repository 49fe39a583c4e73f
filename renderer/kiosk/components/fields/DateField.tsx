import { useState, type ReactNode } from 'react';
import type { Texts } from '../../i18n/texts.js';
import { CITIZEN_AUTOCOMPLETE } from './autocomplete.js';

export interface DateFieldProps {
  id: string;
  label: ReactNode;
  help: ReactNode;
  error: ReactNode;
  value: string | undefined;
  t: Texts;
  onChange(value: string | undefined): void;
}

/**
 * A date as three short number boxes (day, month, year): easier by touch than a calendar, works
 * with the on-screen number pad, and reads the same in every language. The answer is an ISO date
 * once complete; anything else goes to validation as typed and gets the plain-language message.
 */
export function DateField({ id, label, help, error, value, t, onChange }: DateFieldProps) {
  const [parts, setParts] = useState(() => splitDate(value));
  const update = (key: keyof DateParts, text: string) => {
    const next = { ...parts, [key]: text.replace(/\D/g, '') };
    setParts(next);
    onChange(joinDate(next));
  };
  const describedBy = [error ? `${id}-error` : null, help ? `${id}-help` : null].filter(Boolean).join(' ');
  const box = (key: keyof DateParts, text: string, size: number) => (
    <label className="kiosk-date__part">
      <span className="kiosk-date__label">{text}</span>
      <input
        className="pop-input kiosk-date__input"
        inputMode="numeric"
        data-keyboard="numeric"
        autoComplete={CITIZEN_AUTOCOMPLETE}
        maxLength={size}
        size={size}
        value={parts[key]}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => update(key, event.target.value)}
      />
    </label>
  );
  return (
    <fieldset className={`kiosk-date${error ? ' kiosk-date--invalid' : ''}`}>
      <legend className="pop-field__label">{label}</legend>
      {help && (
        <p className="pop-field__help" id={`${id}-help`}>
          {help}
        </p>
      )}
      {error && (
        <p className="pop-field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div className="kiosk-date__parts" dir="ltr">
        {box('day', t.day, 2)}
        {box('month', t.month, 2)}
        {box('year', t.year, 4)}
      </div>
    </fieldset>
  );
}

interface DateParts {
  day: string;
  month: string;
  year: string;
}

export function splitDate(value: string | undefined): DateParts {
  const [year = '', month = '', day = ''] = (value ?? '').split('-');
  return { day, month, year };
}

export function joinDate({ day, month, year }: DateParts): string | undefined {
  if (!day && !month && !year) return undefined;
  const complete = year.length === 4 && day.length > 0 && month.length > 0;
  return complete ? `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` : `${year}-${month}-${day}`;
}
