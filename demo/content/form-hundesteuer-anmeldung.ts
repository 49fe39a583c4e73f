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
  phoneSchema,
  phoneUi,
  postalCodeSchema,
  postalCodeUi,
  streetAndNumberUi,
  textSchema,
  townUi,
  type SeedForm,
} from './form-fields.js';

export const DOG_SEX_VALUES = ['male', 'female'] as const;
export const YES_NO = ['yes', 'no'] as const;
export const DOG_TAX_REDUCTIONS = ['none', 'shelter', 'assistance'] as const;

/** Registering one dog for the municipal dog tax. */
export const hundesteuerAnmeldungForm: SeedForm = {
  id: 'hundesteuer-anmeldung',
  version: 1,
  title: { de: 'Anmeldung eines Hundes zur Hundesteuer', en: 'Registering a dog for dog tax' },
  description: {
    de: 'Melden Sie hier einen Hund an. Für jeden Hund füllen Sie bitte ein eigenes Formular aus. Den Steuerbescheid und die Hundemarke schicken wir Ihnen per Post.',
    en: 'Register one dog here. Please fill in a separate form for each dog. We send the tax notice and the dog tag by post.',
  },
  officeId: 'steueramt',
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: {
      ownerFamilyName: textSchema(100),
      ownerGivenNames: textSchema(120),
      ownerStreet: textSchema(120),
      ownerPostalCode: postalCodeSchema,
      ownerCity: textSchema(100),
      email: emailSchema,
      phone: phoneSchema,
      dogName: textSchema(60),
      breed: textSchema(100),
      dogSex: choiceSchema(DOG_SEX_VALUES),
      dogBirthDate: dateSchema,
      acquisitionDate: dateSchema,
      chipNumber: { type: 'string', pattern: '^[0-9]{15}$' },
      dangerousBreed: choiceSchema(YES_NO),
      otherDogs: { type: 'integer', minimum: 0, maximum: 20 },
      reduction: choiceSchema(DOG_TAX_REDUCTIONS),
      taxStartDate: dateSchema,
      consent: confirmationSchema,
    },
    required: [
      'ownerFamilyName',
      'ownerGivenNames',
      'ownerStreet',
      'ownerPostalCode',
      'ownerCity',
      'dogName',
      'breed',
      'dogSex',
      'acquisitionDate',
      'dangerousBreed',
      'otherDogs',
      'reduction',
      'taxStartDate',
      'consent',
    ],
    additionalProperties: false,
  },
  ui: {
    steps: [
      {
        id: 'halter',
        title: { de: 'Halterin oder Halter', en: 'Dog owner' },
        fields: [
          'ownerFamilyName',
          'ownerGivenNames',
          'ownerStreet',
          'ownerPostalCode',
          'ownerCity',
          'email',
          'phone',
        ],
      },
      {
        id: 'hund',
        title: { de: 'Ihr Hund', en: 'Your dog' },
        fields: ['dogName', 'breed', 'dogSex', 'dogBirthDate', 'acquisitionDate', 'chipNumber'],
      },
      {
        id: 'steuer',
        title: { de: 'Angaben zur Steuer', en: 'Tax details' },
        fields: ['dangerousBreed', 'otherDogs', 'reduction', 'taxStartDate'],
      },
      confirmationStep(),
    ],
    fields: {
      ownerFamilyName: familyNameUi,
      ownerGivenNames: givenNamesUi(),
      ownerStreet: streetAndNumberUi({ de: 'Wo der Hund gehalten wird.', en: 'Where the dog lives.' }),
      ownerPostalCode: postalCodeUi(),
      ownerCity: townUi(),
      email: emailUi,
      phone: phoneUi,
      dogName: {
        label: { de: 'Name des Hundes', en: 'Dog’s name' },
        widget: 'text',
      },
      breed: {
        label: { de: 'Rasse', en: 'Breed' },
        help: {
          de: 'Bei Mischlingen bitte die erkennbaren Rassen nennen, z. B. „Labrador-Schäferhund-Mischling“.',
          en: 'For mixed breeds, name the breeds you can recognise, e.g. “Labrador–Shepherd mix”.',
        },
        widget: 'text',
      },
      dogSex: {
        label: { de: 'Geschlecht des Hundes', en: 'Dog’s sex' },
        widget: 'choice',
        options: [
          { value: 'male', label: { de: 'Rüde', en: 'Male' } },
          { value: 'female', label: { de: 'Hündin', en: 'Female' } },
        ],
      },
      dogBirthDate: {
        label: { de: 'Geburtsdatum des Hundes (falls bekannt)', en: 'Dog’s date of birth (if known)' },
        help: {
          de: 'Hunde unter drei Monaten sind steuerfrei.',
          en: 'Dogs under three months old are tax-free.',
        },
        widget: 'date',
        invalidMessage: dateInvalidMessage,
      },
      acquisitionDate: {
        label: { de: 'Seit wann lebt der Hund bei Ihnen?', en: 'Since when has the dog lived with you?' },
        help: {
          de: 'Das Datum der Anschaffung oder Ihres Zuzugs nach Lindenau.',
          en: 'The date you got the dog or moved to Lindenau.',
        },
        widget: 'date',
        invalidMessage: dateInvalidMessage,
      },
      chipNumber: {
        label: { de: 'Chipnummer', en: 'Microchip number' },
        help: {
          de: 'Die 15-stellige Nummer steht im Heimtierausweis.',
          en: 'The 15-digit number is in the pet passport.',
        },
        widget: 'text',
        invalidMessage: {
          de: 'Die Chipnummer hat genau 15 Ziffern, ohne Leerzeichen.',
          en: 'The microchip number has exactly 15 digits, without spaces.',
        },
      },
      dangerousBreed: {
        label: {
          de: 'Gehört der Hund zu einer als gefährlich eingestuften Rasse?',
          en: 'Does the dog belong to a breed classed as dangerous?',
        },
        help: {
          de: 'In Sachsen: American Staffordshire Terrier, Bullterrier, Pitbull Terrier und deren Kreuzungen. Dafür brauchen Sie zusätzlich eine Erlaubnis des Ordnungsamts.',
          en: 'In Saxony: American Staffordshire Terrier, Bull Terrier, Pit Bull Terrier and their crosses. You also need a permit from the Public Order Office.',
        },
        widget: 'choice',
        options: [
          { value: 'yes', label: { de: 'Ja', en: 'Yes' } },
          { value: 'no', label: { de: 'Nein', en: 'No' } },
        ],
      },
      otherDogs: {
        label: {
          de: 'Wie viele weitere Hunde halten Sie schon in Lindenau?',
          en: 'How many other dogs do you already keep in Lindenau?',
        },
        help: {
          de: 'Ab dem zweiten Hund gilt ein höherer Steuersatz. Haben Sie keinen weiteren Hund, geben Sie 0 ein.',
          en: 'A higher rate applies from the second dog. If you have no other dog, enter 0.',
        },
        widget: 'number',
      },
      reduction: {
        label: { de: 'Ermäßigung oder Befreiung', en: 'Reduction or exemption' },
        help: {
          de: 'Den Nachweis können Sie später nachreichen.',
          en: 'You can send the proof later.',
        },
        widget: 'choice',
        options: [
          { value: 'none', label: { de: 'Keine', en: 'None' } },
          { value: 'shelter', label: { de: 'Hund aus dem Tierheim', en: 'Dog from an animal shelter' } },
          {
            value: 'assistance',
            label: { de: 'Blindenführ- oder Assistenzhund', en: 'Guide dog or assistance dog' },
          },
        ],
      },
      taxStartDate: {
        label: { de: 'Beginn der Steuerpflicht', en: 'Start of tax liability' },
        help: {
          de: 'In der Regel der Erste des Monats nach der Anschaffung. Wir prüfen das Datum für Sie.',
          en: 'Usually the first day of the month after you got the dog. We will check the date for you.',
        },
        widget: 'date',
        invalidMessage: dateInvalidMessage,
      },
      consent: {
        label: {
          de: 'Ich versichere, dass meine Angaben stimmen, und melde Änderungen (z. B. Abgabe oder Tod des Hundes) innerhalb von zwei Wochen.',
          en: 'I confirm that my details are correct and will report changes (e.g. the dog being given away or dying) within two weeks.',
        },
        help: {
          de: 'Ihre Angaben werden nur zur Festsetzung der Hundesteuer verwendet.',
          en: 'Your details are only used to assess the dog tax.',
        },
        widget: 'checkbox',
      },
    },
  },
  updatedAt: FORMS_SEEDED_AT,
};
