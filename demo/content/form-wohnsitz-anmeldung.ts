import { FORMS_SEEDED_AT } from './ids.js';
import {
  choiceSchema,
  confirmationSchema,
  confirmationStep,
  dateInvalidMessage,
  dateSchema,
  emailSchema,
  emailUi,
  familyNameUi,
  givenNamesUi,
  houseNumberSchema,
  houseNumberUi,
  phoneSchema,
  phoneUi,
  postalCodeSchema,
  postalCodeUi,
  textSchema,
  townUi,
  type SeedForm,
} from './form-fields.js';
import { LINDENAU_REGION_PLACES } from './places.js';

export const RESIDENCE_TYPES = ['main', 'secondary'] as const;
export const SEX_VALUES = ['female', 'male', 'diverse', 'unspecified'] as const;

/** The registration form (Meldeschein) for one adult person moving into a home in Lindenau. */
export const wohnsitzAnmeldungForm: SeedForm = {
  id: 'wohnsitz-anmeldung',
  version: 1,
  title: { de: 'Anmeldung einer Wohnung', en: 'Registering your residence' },
  description: {
    de: 'Mit diesem Meldeschein melden Sie sich in Lindenau an. Das Bürgerbüro prüft Ihre Angaben und meldet sich bei Ihnen. Zum Abschluss brauchen wir Ihren Ausweis und die Wohnungsgeberbestätigung Ihres Vermieters. Der Meldeschein gilt für eine Person; Familienangehörige, die mit Ihnen einziehen, ergänzen wir beim Termin.',
    en: 'Use this registration form to register in Lindenau. The Citizens’ Office checks your details and contacts you. To complete the registration we need your ID and your landlord’s confirmation of moving in. The form is for one person; we add family members moving in with you at the appointment.',
  },
  officeId: 'buergerbuero',
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: {
      moveInDate: dateSchema,
      address: {
        type: 'object',
        properties: {
          street: textSchema(100),
          houseNumber: houseNumberSchema,
          postalCode: postalCodeSchema,
          city: textSchema(100),
        },
        required: ['street', 'houseNumber', 'postalCode', 'city'],
        additionalProperties: false,
      },
      residenceType: choiceSchema(RESIDENCE_TYPES),
      previousStreet: textSchema(120),
      previousPostalCode: { type: 'string', minLength: 1, pattern: '^[A-Za-z0-9 -]{3,10}$' },
      previousCity: textSchema(100),
      previousCountry: textSchema(100),
      familyName: textSchema(100),
      birthName: textSchema(100),
      givenNames: textSchema(120),
      dateOfBirth: dateSchema,
      placeOfBirth: textSchema(100),
      nationality: textSchema(100),
      sex: choiceSchema(SEX_VALUES),
      email: emailSchema,
      phone: phoneSchema,
      consent: confirmationSchema,
    },
    required: [
      'moveInDate',
      'address',
      'residenceType',
      'previousStreet',
      'previousPostalCode',
      'previousCity',
      'familyName',
      'givenNames',
      'dateOfBirth',
      'placeOfBirth',
      'nationality',
      'sex',
      'consent',
    ],
    additionalProperties: false,
  },
  ui: {
    steps: [
      {
        id: 'neue-wohnung',
        title: { de: 'Ihre neue Wohnung', en: 'Your new home' },
        fields: ['moveInDate', 'address', 'residenceType'],
      },
      {
        id: 'bisherige-wohnung',
        title: { de: 'Ihre bisherige Wohnung', en: 'Your previous home' },
        fields: ['previousStreet', 'previousPostalCode', 'previousCity', 'previousCountry'],
      },
      {
        id: 'person',
        title: { de: 'Angaben zu Ihrer Person', en: 'About you' },
        fields: [
          'familyName',
          'birthName',
          'givenNames',
          'dateOfBirth',
          'placeOfBirth',
          'nationality',
          'sex',
        ],
      },
      {
        id: 'kontakt',
        title: { de: 'So erreichen wir Sie', en: 'How we can reach you' },
        fields: ['email', 'phone'],
      },
      confirmationStep(),
    ],
    fields: {
      moveInDate: {
        label: { de: 'Tag des Einzugs', en: 'Date you moved in' },
        help: {
          de: 'Der Tag, an dem Sie tatsächlich eingezogen sind. Die Anmeldung muss innerhalb von zwei Wochen danach erfolgen.',
          en: 'The day you actually moved in. You must register within two weeks of that day.',
        },
        widget: 'date',
        invalidMessage: dateInvalidMessage,
      },
      address: {
        label: { de: 'Anschrift der neuen Wohnung', en: 'Address of your new home' },
        widget: 'address',
        fields: {
          street: {
            label: { de: 'Straße', en: 'Street' },
            widget: 'text',
            autocomplete: 'address-line1',
          },
          houseNumber: houseNumberUi,
          postalCode: postalCodeUi(),
          city: townUi({
            de: 'Wird nach der Postleitzahl vorgeschlagen.',
            en: 'Suggested from the postal code.',
          }),
        },
        address: {
          parts: { street: 'street', houseNumber: 'houseNumber', postalCode: 'postalCode', city: 'city' },
          places: [...LINDENAU_REGION_PLACES],
        },
      },
      residenceType: {
        label: { de: 'Art der Wohnung', en: 'Type of residence' },
        help: {
          de: 'Haben Sie nur diese eine Wohnung, wählen Sie „Hauptwohnung“. Die Hauptwohnung ist die Wohnung, in der Sie sich überwiegend aufhalten.',
          en: 'If this is your only home, choose “Main residence”. Your main residence is the home where you mostly live.',
        },
        widget: 'choice',
        options: [
          { value: 'main', label: { de: 'Hauptwohnung', en: 'Main residence' } },
          { value: 'secondary', label: { de: 'Nebenwohnung', en: 'Secondary residence' } },
        ],
      },
      previousStreet: {
        label: { de: 'Straße und Hausnummer', en: 'Street and house number' },
        help: {
          de: 'Ihre letzte Anschrift vor diesem Umzug.',
          en: 'Your last address before this move.',
        },
        widget: 'text',
      },
      previousPostalCode: {
        label: { de: 'Postleitzahl', en: 'Postal code' },
        help: {
          de: 'Bei Zuzug aus dem Ausland die Postleitzahl des bisherigen Landes.',
          en: 'If you are moving from abroad, the postal code used in that country.',
        },
        widget: 'text',
        invalidMessage: {
          de: 'Bitte geben Sie eine Postleitzahl mit 3 bis 10 Zeichen ein (Ziffern, Buchstaben, Leerzeichen oder Bindestrich).',
          en: 'Please enter a postal code of 3 to 10 characters (digits, letters, spaces or hyphens).',
        },
      },
      previousCity: {
        label: { de: 'Ort', en: 'Town' },
        widget: 'text',
      },
      previousCountry: {
        label: { de: 'Staat (nur bei Zuzug aus dem Ausland)', en: 'Country (only if moving from abroad)' },
        widget: 'text',
        autocomplete: 'country-name',
      },
      familyName: familyNameUi,
      birthName: {
        label: { de: 'Geburtsname (falls abweichend)', en: 'Birth name (if different)' },
        help: {
          de: 'Zum Beispiel, wenn Sie durch Heirat einen anderen Namen bekommen haben.',
          en: 'For example if your name changed when you married.',
        },
        widget: 'text',
      },
      givenNames: givenNamesUi({
        de: 'Alle Vornamen so, wie sie im Ausweis stehen.',
        en: 'All given names exactly as they appear on your ID.',
      }),
      dateOfBirth: {
        label: { de: 'Geburtsdatum', en: 'Date of birth' },
        widget: 'date',
        autocomplete: 'bday',
        invalidMessage: dateInvalidMessage,
      },
      placeOfBirth: {
        label: { de: 'Geburtsort', en: 'Place of birth' },
        help: {
          de: 'Bei Geburt im Ausland bitte auch den Staat angeben.',
          en: 'If you were born abroad, please also give the country.',
        },
        widget: 'text',
      },
      nationality: {
        label: { de: 'Staatsangehörigkeit(en)', en: 'Nationality or nationalities' },
        help: {
          de: 'Zum Beispiel: deutsch; mehrere bitte mit Komma trennen.',
          en: 'For example: German; separate several with commas.',
        },
        widget: 'text',
      },
      sex: {
        label: { de: 'Geschlecht', en: 'Sex' },
        help: {
          de: 'So, wie es im Geburtenregister eingetragen ist.',
          en: 'As entered in the birth register.',
        },
        widget: 'choice',
        autocomplete: 'sex',
        options: [
          { value: 'female', label: { de: 'weiblich', en: 'female' } },
          { value: 'male', label: { de: 'männlich', en: 'male' } },
          { value: 'diverse', label: { de: 'divers', en: 'diverse' } },
          { value: 'unspecified', label: { de: 'ohne Angabe', en: 'not specified' } },
        ],
      },
      email: emailUi,
      phone: phoneUi,
      consent: {
        label: {
          de: 'Ich versichere, dass meine Angaben stimmen. Ich bringe meinen Ausweis und die Wohnungsgeberbestätigung zum Termin mit oder zeige sie im Videogespräch.',
          en: 'I confirm that my details are correct. I will bring my ID and the landlord’s confirmation to the appointment or show them in the video call.',
        },
        help: {
          de: 'Ihre Angaben werden nur für die Anmeldung nach dem Bundesmeldegesetz verwendet.',
          en: 'Your details are only used for registration under the Federal Registration Act.',
        },
        widget: 'checkbox',
      },
    },
  },
  updatedAt: FORMS_SEEDED_AT,
};
