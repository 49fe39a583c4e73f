import type { FieldUi, FormDefinition, FormStep } from '../../protocol/forms.js';
import type { FormId, OfficeId } from './ids.js';

export type SeedForm = FormDefinition & { id: FormId; officeId: OfficeId };
type PropertySchema = FormDefinition['schema']['properties'][string];

/**
 * Building blocks shared by the demo forms, so that the same kind of answer (a postal code, a
 * phone number, a confirmation) is checked and explained the same way in every form.
 */
export const POSTAL_CODE_PATTERN = '^[0-9]{5}$';
export const PHONE_PATTERN = '^[+(]?[0-9][0-9 ()/-]{5,29}$';
export const HOUSE_NUMBER_PATTERN = '^[0-9]{1,4} ?[a-zA-Z]?( ?[-/] ?[0-9]{1,4} ?[a-zA-Z]?)?$';

export const textSchema = (maxLength: number, minLength = 1): PropertySchema => ({
  type: 'string',
  minLength,
  maxLength,
});

export const dateSchema: PropertySchema = { type: 'string', format: 'date' };
export const emailSchema: PropertySchema = { type: 'string', format: 'email', maxLength: 254 };
export const phoneSchema: PropertySchema = { type: 'string', pattern: PHONE_PATTERN, maxLength: 30 };
/** The pattern alone bounds the length, so a wrong postal code always gets the pattern's message. */
export const postalCodeSchema: PropertySchema = {
  type: 'string',
  minLength: 1,
  pattern: POSTAL_CODE_PATTERN,
};
export const houseNumberSchema: PropertySchema = {
  type: 'string',
  minLength: 1,
  maxLength: 12,
  pattern: HOUSE_NUMBER_PATTERN,
};
/** A required confirmation: only a ticked box is a valid answer. */
export const confirmationSchema: PropertySchema = { type: 'boolean', const: true };

export const choiceSchema = (values: readonly string[]): PropertySchema => ({
  type: 'string',
  enum: [...values],
});

export const postalCodeUi = (
  label: FieldUi['label'] = { de: 'Postleitzahl', en: 'Postal code' },
): FieldUi => ({
  label,
  widget: 'text',
  autocomplete: 'postal-code',
  invalidMessage: {
    de: 'Bitte geben Sie eine Postleitzahl aus genau fünf Ziffern ein, zum Beispiel 01665.',
    en: 'Please enter a postal code of exactly five digits, for example 01665.',
  },
});

export const familyNameUi: FieldUi = {
  label: { de: 'Familienname', en: 'Family name' },
  widget: 'text',
  autocomplete: 'family-name',
};

export const givenNamesUi = (help?: FieldUi['help']): FieldUi => ({
  label: { de: 'Vornamen', en: 'Given names' },
  ...(help && { help }),
  widget: 'text',
  autocomplete: 'given-name',
});

/** Street and house number in one field; the help says which address the form means. */
export const streetAndNumberUi = (help: FieldUi['help']): FieldUi => ({
  label: { de: 'Straße und Hausnummer', en: 'Street and house number' },
  help,
  widget: 'text',
  autocomplete: 'address-line1',
});

export const townUi = (help?: FieldUi['help']): FieldUi => ({
  label: { de: 'Ort', en: 'Town' },
  ...(help && { help }),
  widget: 'text',
  autocomplete: 'address-level2',
});

export const houseNumberUi: FieldUi = {
  label: { de: 'Hausnummer', en: 'House number' },
  help: { de: 'Mit Zusatz, falls vorhanden, z. B. 12a.', en: 'Include any suffix, e.g. 12a.' },
  widget: 'text',
  invalidMessage: {
    de: 'Bitte geben Sie eine Hausnummer wie 7, 12a oder 3-5 ein.',
    en: 'Please enter a house number such as 7, 12a or 3-5.',
  },
};

export const emailUi: FieldUi = {
  label: { de: 'E-Mail-Adresse', en: 'E-mail address' },
  help: {
    de: 'Wir schreiben Ihnen nur zu diesem Antrag, zum Beispiel wenn etwas fehlt.',
    en: 'We only write to you about this application, for example if something is missing.',
  },
  widget: 'email',
  autocomplete: 'email',
  invalidMessage: {
    de: 'Diese E-Mail-Adresse sieht nicht vollständig aus. Beispiel: name@beispiel.de',
    en: 'This e-mail address does not look complete. Example: name@example.com',
  },
};

/** Whether a phone number is required is the schema's to say (`required`), not the label's. */
export const phoneUi: FieldUi = {
  label: { de: 'Telefonnummer', en: 'Phone number' },
  help: {
    de: 'Für Rückfragen tagsüber. Nur Ziffern, Leerzeichen und + / - ( ).',
    en: 'For questions during the day. Digits, spaces and + / - ( ) only.',
  },
  widget: 'tel',
  autocomplete: 'tel',
  invalidMessage: {
    de: 'Bitte geben Sie eine Telefonnummer ein, z. B. 03521 123456. Erlaubt sind Ziffern, Leerzeichen und + / - ( ).',
    en: 'Please enter a phone number, e.g. +49 3521 123456. Digits, spaces and + / - ( ) are allowed.',
  },
};

/**
 * The last step of a form: the citizen's declaration (the consent box). The kiosk's review of all
 * answers ("Angaben prüfen") follows it, so this step does not call itself a check.
 */
export const confirmationStep = (): FormStep => ({
  id: 'bestaetigung',
  title: { de: 'Ihre Erklärung', en: 'Your declaration' },
  fields: ['consent'],
});

export const dateInvalidMessage: FieldUi['invalidMessage'] = {
  de: 'Bitte wählen Sie ein gültiges Datum aus.',
  en: 'Please choose a valid date.',
};
