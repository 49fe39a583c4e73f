import { FORMS_SEEDED_AT } from './ids.js';
import {
  choiceSchema,
  confirmationSchema,
  dateInvalidMessage,
  dateSchema,
  emailSchema,
  emailUi,
  familyNameUi,
  givenNamesUi,
  phoneSchema,
  phoneUi,
  postalCodeSchema,
  postalCodeUi,
  streetAndNumberUi,
  textSchema,
  townUi,
  type SeedForm,
} from './form-fields.js';

export const PARKING_ZONES = ['zone-a', 'zone-b'] as const;
export const VEHICLE_KEEPERS = ['self', 'company', 'family'] as const;
export const PERMIT_PERIODS = ['1-year', '2-years'] as const;
/** German number plate: district code, one or two letters, one to four digits, E or H suffix. */
export const LICENCE_PLATE_PATTERN = '^[A-ZÄÖÜa-zäöü]{1,3}[ -][A-Za-z]{1,2} ?[1-9][0-9]{0,3}[EHeh]?$';

export const anwohnerparkausweisForm: SeedForm = {
  id: 'anwohnerparkausweis',
  version: 1,
  title: { de: 'Bewohnerparkausweis beantragen', en: 'Apply for a residents’ parking permit' },
  description: {
    de: 'Beantragen Sie hier einen Parkausweis für Ihre Bewohnerparkzone. Nach Prüfung erhalten Sie einen Gebührenbescheid; nach Zahlung schicken wir Ihnen den Ausweis zu.',
    en: 'Apply here for a permit for your residents’ parking zone. After checking, you receive a fee notice; once paid we send you the permit.',
  },
  officeId: 'ordnungsamt',
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: {
      familyName: textSchema(100),
      givenNames: textSchema(120),
      street: textSchema(120),
      postalCode: postalCodeSchema,
      city: textSchema(100),
      parkingZone: choiceSchema(PARKING_ZONES),
      licencePlate: { type: 'string', minLength: 1, maxLength: 12, pattern: LICENCE_PLATE_PATTERN },
      vehicleKeeper: choiceSchema(VEHICLE_KEEPERS),
      permitPeriod: choiceSchema(PERMIT_PERIODS),
      startDate: dateSchema,
      email: emailSchema,
      phone: phoneSchema,
      consent: confirmationSchema,
    },
    required: [
      'familyName',
      'givenNames',
      'street',
      'postalCode',
      'city',
      'parkingZone',
      'licencePlate',
      'vehicleKeeper',
      'permitPeriod',
      'startDate',
      'consent',
    ],
    additionalProperties: false,
  },
  ui: {
    steps: [
      {
        id: 'person',
        title: { de: 'Wo wohnen Sie?', en: 'Where do you live?' },
        fields: ['familyName', 'givenNames', 'street', 'postalCode', 'city', 'parkingZone'],
      },
      {
        id: 'fahrzeug',
        title: { de: 'Ihr Fahrzeug', en: 'Your vehicle' },
        fields: ['licencePlate', 'vehicleKeeper', 'permitPeriod', 'startDate', 'registrationPhoto'],
      },
      {
        id: 'abschluss',
        title: { de: 'Kontakt und Bestätigung', en: 'Contact and confirmation' },
        fields: ['email', 'phone', 'consent'],
      },
    ],
    fields: {
      registrationPhoto: {
        label: {
          de: 'Foto des Fahrzeugscheins',
          en: 'Photo of the vehicle registration certificate',
          tr: 'Araç ruhsatının fotoğrafı',
          ar: 'صورة رخصة تسجيل المركبة',
          uk: 'Фото свідоцтва про реєстрацію транспортного засобу',
          ru: 'Фото свидетельства о регистрации транспортного средства',
        },
        help: {
          de: 'Zulassungsbescheinigung Teil I, die Seite mit dem Kennzeichen. Daran prüfen wir, auf wen das Fahrzeug zugelassen ist; ohne sie stellen wir keinen Ausweis aus.',
          en: 'Registration certificate part I, the page with the number plate. It shows us who the vehicle is registered to; without it we cannot issue a permit.',
        },
        widget: 'photo',
        // Residents' parking is granted for a vehicle: the office checks the registration.
        minCount: 1,
      },
      familyName: familyNameUi,
      givenNames: givenNamesUi(),
      street: streetAndNumberUi({
        de: 'Ihre gemeldete Adresse in der Bewohnerparkzone.',
        en: 'Your registered address in the residents’ parking zone.',
      }),
      postalCode: postalCodeUi(),
      city: townUi(),
      parkingZone: {
        label: { de: 'Bewohnerparkzone', en: 'Residents’ parking zone' },
        help: {
          de: 'Die Zone steht auf den Schildern in Ihrer Straße.',
          en: 'The zone is shown on the signs in your street.',
        },
        widget: 'choice',
        options: [
          {
            value: 'zone-a',
            label: { de: 'Zone A – Markt und Kirchgasse', en: 'Zone A – market square and Kirchgasse' },
          },
          { value: 'zone-b', label: { de: 'Zone B – Bahnhofsviertel', en: 'Zone B – railway station area' } },
        ],
      },
      licencePlate: {
        label: { de: 'Kennzeichen', en: 'Number plate' },
        help: {
          de: 'So wie auf dem Schild, zum Beispiel MEI-LA 123.',
          en: 'As shown on the plate, for example MEI-LA 123.',
        },
        widget: 'text',
        invalidMessage: {
          de: 'Bitte geben Sie das Kennzeichen mit Bindestrich oder Leerzeichen nach dem Ortskürzel ein, z. B. MEI-LA 123.',
          en: 'Please enter the number plate with a hyphen or space after the district code, e.g. MEI-LA 123.',
        },
      },
      vehicleKeeper: {
        label: { de: 'Auf wen ist das Fahrzeug zugelassen?', en: 'Who is the vehicle registered to?' },
        help: {
          de: 'Ist es nicht auf Sie zugelassen, brauchen wir eine Bestätigung, dass Sie es dauerhaft nutzen.',
          en: 'If it is not registered to you, we need confirmation that you use it permanently.',
        },
        widget: 'choice',
        options: [
          { value: 'self', label: { de: 'Auf mich', en: 'To me' } },
          {
            value: 'company',
            label: { de: 'Auf meinen Arbeitgeber (Dienstwagen)', en: 'To my employer (company car)' },
          },
          { value: 'family', label: { de: 'Auf ein Familienmitglied', en: 'To a family member' } },
        ],
      },
      permitPeriod: {
        label: { de: 'Gültigkeit', en: 'Validity' },
        widget: 'choice',
        options: [
          { value: '1-year', label: { de: 'Ein Jahr (30,70 EUR)', en: 'One year (EUR 30.70)' } },
          { value: '2-years', label: { de: 'Zwei Jahre (61,40 EUR)', en: 'Two years (EUR 61.40)' } },
        ],
      },
      startDate: {
        label: { de: 'Gültig ab', en: 'Valid from' },
        widget: 'date',
        invalidMessage: dateInvalidMessage,
      },
      email: emailUi,
      phone: phoneUi,
      consent: {
        label: {
          de: 'Ich versichere, dass ich in der Zone gemeldet bin und das Fahrzeug überwiegend selbst nutze.',
          en: 'I confirm that I am registered in the zone and mainly use the vehicle myself.',
        },
        help: {
          de: 'Falsche Angaben führen zum Entzug des Ausweises.',
          en: 'False information leads to the permit being withdrawn.',
        },
        widget: 'checkbox',
      },
    },
  },
  updatedAt: FORMS_SEEDED_AT,
};
