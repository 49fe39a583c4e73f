import {
  addressPart,
  type AddressPart,
  type FieldErrorCode,
  type FormAnswer,
} from '../../../../protocol/forms.js';
import { Field } from '../../../shared/ui/index.js';
import { Localized, localized } from '../../i18n/Localized.js';
import { errorText } from './error-text.js';
import { LengthNote } from '../LengthNote.js';
import { getAt, leftoverFields, setAt, townsFor } from './address.js';
import type { GroupFieldProps } from './GroupField.js';
import { CITIZEN_AUTOCOMPLETE } from './autocomplete.js';

export interface AddressFieldProps extends GroupFieldProps {
  /** Every error of the form by path: the parts sit inside the group, maybe in nested groups. */
  errors: Record<string, FieldErrorCode>;
}

const ROWS: AddressPart[][] = [
  ['street', 'houseNumber'],
  ['postalCode', 'city'],
];

/**
 * A postal address in Germany with one touch layout: street and house number, then postcode (on
 * the number pad, five digits) and town. A complete postcode of the offices' region fills in an
 * empty town, or offers its towns as buttons; the answer keeps the group's own (FIM) structure.
 */
export function AddressField(props: AddressFieldProps) {
  const { path, ui, property, value, error, errors, locale, t, onChange, renderField } = props;
  const address = ui.address;
  if (!address) return null;
  const answers = isGroupAnswer(value) ? value : {};
  const group = { ui, property };

  const text = (part: AddressPart): string => {
    const partPath = address.parts[part];
    const found = partPath === undefined ? undefined : getAt(answers, partPath);
    return typeof found === 'string' ? found : '';
  };
  const update = (changes: Partial<Record<AddressPart, string>>) => {
    let next: Record<string, FormAnswer> = answers;
    for (const [part, newText] of Object.entries(changes) as [AddressPart, string][]) {
      const partPath = address.parts[part];
      if (partPath !== undefined) next = setAt(next, partPath, newText === '' ? undefined : newText);
    }
    onChange(Object.keys(next).length === 0 ? undefined : next);
  };
  const changePostalCode = (typed: string) => {
    const postalCode = typed.replace(/\s/g, '');
    const towns = townsFor(address.places, postalCode);
    const only = towns.length === 1 ? towns[0] : undefined;
    update(only !== undefined && text('city') === '' ? { postalCode, city: only } : { postalCode });
  };
  const suggestions = townsFor(address.places, text('postalCode')).filter((town) => town !== text('city'));

  const partField = (part: AddressPart) => {
    const partPath = address.parts[part];
    const found = partPath === undefined ? undefined : addressPart(group, partPath);
    if (partPath === undefined || !found) return null;
    const label = <Localized text={found.ui.label} locale={locale} />;
    const code = errors[`${path}/${partPath}`];
    const message =
      code === undefined
        ? undefined
        : part === 'postalCode' && code !== 'required' && !found.ui.invalidMessage
          ? t.postalCodeInvalid
          : errorText(code, found.ui, locale, t);
    const isPostalCode = part === 'postalCode';
    return (
      <Field
        key={part}
        className={`kiosk-address__${part}`}
        label={
          found.required ? (
            label
          ) : (
            <>
              {label} ({t.optional})
            </>
          )
        }
        help={found.ui.help ? <Localized text={found.ui.help} locale={locale} /> : undefined}
        error={message}
      >
        {(control) => (
          <>
            <input
              {...control}
              name={`${path}/${partPath}`}
              className="pop-input"
              type="text"
              dir={isPostalCode ? 'ltr' : undefined}
              inputMode={isPostalCode ? 'numeric' : undefined}
              data-keyboard={isPostalCode ? 'numeric' : undefined}
              autoComplete={CITIZEN_AUTOCOMPLETE}
              maxLength={isPostalCode ? 5 : maxLength(found.property)}
              value={text(part)}
              onChange={(event) =>
                isPostalCode ? changePostalCode(event.target.value) : update({ [part]: event.target.value })
              }
            />
            {!isPostalCode && <LengthNote t={t} value={text(part)} max={maxLength(found.property)} />}
          </>
        )}
      </Field>
    );
  };

  return (
    <fieldset className="kiosk-section kiosk-address">
      <legend className="kiosk-section__title" {...localized(ui.label, locale)} />
      {ui.help && <p className="pop-field__help" {...localized(ui.help, locale)} />}
      {error && <p className="pop-field__error">{t.fieldErrors[error]}</p>}
      {ROWS.map((row) => (
        <div key={row.join('-')} className={`kiosk-address__row kiosk-address__row--${row.join('-')}`}>
          {row.map(partField)}
        </div>
      ))}
      {suggestions.length > 0 && (
        <div className="kiosk-address__towns" role="group" aria-label={t.townSuggestions}>
          {suggestions.map((town) => (
            <button
              key={town}
              type="button"
              className="pop-button pop-button--secondary kiosk-address__town"
              onClick={() => update({ city: town })}
            >
              {t.townTake(town)}
            </button>
          ))}
        </div>
      )}
      {leftoverFields(ui, property, Object.values(address.parts)).map((leftover) =>
        renderField({
          name: leftover.name,
          path: `${path}/${leftover.path}`,
          ui: leftover.ui,
          property: leftover.property,
          required: leftover.required,
          value: getAt(answers, leftover.path),
          onChange: (next) => {
            const updated = setAt(answers, leftover.path, next);
            onChange(Object.keys(updated).length === 0 ? undefined : updated);
          },
        }),
      )}
    </fieldset>
  );
}

function maxLength(property: Record<string, unknown>): number | undefined {
  return typeof property['maxLength'] === 'number' ? property['maxLength'] : undefined;
}

function isGroupAnswer(value: FormAnswer | undefined): value is { [name: string]: FormAnswer } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
