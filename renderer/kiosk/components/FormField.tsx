import type { ReactNode } from 'react';
import {
  isAttachmentWidget,
  isVisible,
  type FieldErrorCode,
  type FieldUi,
  type FormAnswer,
} from '../../../protocol/forms.js';
import { Field } from '../../shared/ui/index.js';
import { Localized, localized } from '../i18n/Localized.js';
import type { Texts } from '../i18n/texts.js';
import { AddressField } from './fields/AddressField.js';
import { ChoiceField } from './fields/ChoiceField.js';
import { DateField } from './fields/DateField.js';
import { errorText } from './fields/error-text.js';
import { LengthNote } from './LengthNote.js';
import { GroupField, RepeatField, type GroupFieldProps } from './fields/GroupField.js';
import { CITIZEN_AUTOCOMPLETE } from './fields/autocomplete.js';
import { yesNoText } from './fields/yes-no.js';

export type AnswerValue = FormAnswer | undefined;

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
  /** Where the field sits inside groups ("address/street"); a top-level field's path is its name. */
  path?: string;
  /** Every error of the form by path, for the fields inside groups. */
  errors?: Record<string, FieldErrorCode>;
  /** All answers of the form, for fields shown only while another field has a given answer. */
  answers?: Record<string, unknown>;
  /** Draws a photo or scan field inside a group by its path (its files are attachments, not answers). */
  renderAttachment?: ((path: string, ui: FieldUi) => ReactNode) | undefined;
  /**
   * Whether the field at a path inside a group must be answered for the answers so far (a rule may
   * require it); without it, or inside a repeatable, the group's own `required` list decides.
   */
  requiredAt?: ((path: string) => boolean) | undefined;
}

/** Paths inside a repeatable hold an entry's number ("kinder/0/name"); field names start with a letter. */
const IN_REPEATABLE = /(^|\/)\d+(\/|$)/;

const INPUT_TYPES: Partial<Record<FieldUi['widget'], string>> = {
  text: 'text',
  email: 'email',
  tel: 'tel',
  date: 'date',
  number: 'text',
};

/** One form field, drawn from its UI description; big touch targets, label and message beside it. */
export function FormField(props: FormFieldProps) {
  const { name, ui, property, required, value, error, locale, t, onChange } = props;
  const path = props.path ?? name;
  const errors = props.errors ?? {};
  const label = <Localized text={ui.label} locale={locale} />;
  const help = ui.help ? <Localized text={ui.help} locale={locale} /> : undefined;
  const message = error ? errorText(error, ui, locale, t) : undefined;
  const shownLabel = required ? (
    label
  ) : (
    <>
      {label} ({t.optional})
    </>
  );
  const domId = `field-${path.replace(/\//g, '-')}`;
  if (props.answers && !isVisible(ui, props.answers)) return null;

  if (isAttachmentWidget(ui.widget)) return props.renderAttachment?.(path, ui) ?? null;
  if (ui.widget === 'note') {
    return (
      <div className="kiosk-field-note" role="note">
        <p className="kiosk-field-note__title" {...localized(ui.label, locale)} />
        {ui.help && <p {...localized(ui.help, locale)} />}
      </div>
    );
  }
  if (ui.widget === 'group' || ui.widget === 'repeat' || ui.widget === 'address') {
    const container: GroupFieldProps = {
      path,
      ui,
      property,
      value,
      error,
      locale,
      t,
      errors,
      onChange: (next) => onChange(name, next),
      renderField: (child) => (
        <FormField
          key={child.path}
          name={child.name}
          path={child.path}
          ui={child.ui}
          property={child.property}
          required={
            props.requiredAt && !IN_REPEATABLE.test(child.path)
              ? props.requiredAt(child.path)
              : child.required
          }
          requiredAt={props.requiredAt}
          value={child.value}
          error={errors[child.path]}
          errors={errors}
          answers={props.answers}
          locale={locale}
          t={t}
          onChange={(_, next) => child.onChange(next)}
          renderAttachment={props.renderAttachment}
        />
      ),
    };
    if (ui.widget === 'address') return <AddressField {...container} errors={errors} />;
    return ui.widget === 'group' ? <GroupField {...container} /> : <RepeatField {...container} />;
  }
  if (ui.widget === 'date') {
    return (
      <DateField
        id={domId}
        label={shownLabel}
        help={help}
        error={message}
        value={typeof value === 'string' ? value : undefined}
        t={t}
        onChange={(next) => onChange(name, next)}
      />
    );
  }
  if (ui.widget === 'yesno') {
    return (
      <fieldset
        className={`kiosk-choice${message ? ' kiosk-choice--invalid' : ''}`}
        aria-describedby={message ? `${domId}-error` : undefined}
      >
        <legend className="pop-field__label">
          {shownLabel}
          {/* The question and the part it opens have the same title: the question says it asks. */}
          {ui.wording === 'applies' && <> – {t.appliesQuestion}</>}
        </legend>
        {help && <p className="pop-field__help">{help}</p>}
        {message && (
          <p className="pop-field__error" id={`${domId}-error`}>
            {message}
          </p>
        )}
        <div className="kiosk-choice__options">
          {[true, false].map((option) => (
            <label key={String(option)} className="kiosk-choice__option">
              <input
                type="radio"
                name={domId}
                checked={value === option}
                onChange={() => onChange(name, option)}
              />
              <span>{yesNoText(ui, option, t)}</span>
            </label>
          ))}
        </div>
      </fieldset>
    );
  }

  if (ui.widget === 'choice') {
    return (
      <ChoiceField
        domId={domId}
        ui={ui}
        value={value}
        label={shownLabel}
        help={help}
        message={message}
        locale={locale}
        t={t}
        onChange={(next) => onChange(name, next)}
      />
    );
  }

  if (ui.widget === 'checkbox') {
    return (
      <div className={`kiosk-checkbox${message ? ' kiosk-checkbox--invalid' : ''}`}>
        {message && (
          <p className="pop-field__error" id={`${domId}-error`}>
            {message}
          </p>
        )}
        <label className="kiosk-checkbox__label">
          <input
            type="checkbox"
            name={name}
            checked={value === true}
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? `${domId}-error` : undefined}
            onChange={(event) => onChange(name, event.target.checked ? true : undefined)}
          />
          <span>{shownLabel}</span>
        </label>
        {help && <p className="pop-field__help">{help}</p>}
      </div>
    );
  }

  const max = typeof property['maxLength'] === 'number' ? property['maxLength'] : undefined;
  return (
    <Field label={shownLabel} help={help} error={message}>
      {(control) => (
        <>
          {ui.widget === 'textarea' ? (
            <textarea
              {...control}
              name={name}
              className="pop-input kiosk-textarea"
              rows={4}
              autoComplete={CITIZEN_AUTOCOMPLETE}
              maxLength={max}
              value={typeof value === 'string' ? value : ''}
              onChange={(event) => onChange(name, event.target.value)}
            />
          ) : (
            <input
              {...control}
              name={name}
              className="pop-input"
              type={INPUT_TYPES[ui.widget] ?? 'text'}
              inputMode={ui.widget === 'number' ? 'decimal' : undefined}
              data-keyboard={KEYBOARDS[ui.widget]}
              autoComplete={CITIZEN_AUTOCOMPLETE}
              maxLength={max}
              value={value === undefined ? '' : String(value)}
              onChange={(event) => onChange(name, toAnswer(event.target.value, property))}
            />
          )}
          <LengthNote t={t} value={value === undefined ? '' : String(value)} max={max} />
        </>
      )}
    </Field>
  );
}

/** Which on-screen keyboard layout a widget needs; text fields get the citizen's language. */
const KEYBOARDS: Partial<Record<FieldUi['widget'], string>> = {
  number: 'numeric',
  tel: 'tel',
  email: 'email',
};

/** Numbers stay numbers when the text is one; otherwise the text goes to validation as typed. */
function toAnswer(text: string, property: Record<string, unknown>): AnswerValue {
  if (text === '') return undefined;
  if (property['type'] === 'integer' || property['type'] === 'number') {
    const number = Number(text.replace(',', '.'));
    return Number.isFinite(number) && /^-?\d+([.,]\d+)?$/.test(text.trim()) ? number : text;
  }
  return text;
}
