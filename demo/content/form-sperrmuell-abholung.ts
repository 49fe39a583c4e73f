import { FORMS_SEEDED_AT } from './ids.js';
import {
  choiceSchema,
  confirmationSchema,
  confirmationStep,
  emailSchema,
  emailUi,
  phoneSchema,
  phoneUi,
  postalCodeSchema,
  postalCodeUi,
  streetAndNumberUi,
  textSchema,
  type SeedForm,
} from './form-fields.js';

export const PICKUP_WINDOWS = ['asap', 'weeks-1-2', 'weeks-3-4', 'weeks-5-6'] as const;

/** Ordering a bulky waste collection; the Ordnungsamt passes it on to the waste association. */
export const sperrmuellAbholungForm: SeedForm = {
  id: 'sperrmuell-abholung',
  version: 1,
  title: { de: 'Sperrmüllabholung bestellen', en: 'Book a bulky waste collection' },
  description: {
    de: 'Bestellen Sie hier die Abholung von Möbeln und anderen großen Gegenständen. Den genauen Termin teilen wir Ihnen mit. Elektrogeräte, Bauschutt und Schadstoffe nehmen wir dabei nicht mit.',
    en: 'Book the collection of furniture and other large items here. We will tell you the exact date. Electrical appliances, building rubble and hazardous waste are not collected.',
  },
  officeId: 'ordnungsamt',
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: {
      fullName: textSchema(120),
      street: textSchema(120),
      postalCode: postalCodeSchema,
      city: textSchema(100),
      phone: { ...phoneSchema, minLength: 1 },
      email: emailSchema,
      items: textSchema(1000),
      volumeCubicMetres: { type: 'integer', minimum: 1, maximum: 10 },
      pickupWindow: choiceSchema(PICKUP_WINDOWS),
      placementNote: textSchema(300),
      consent: confirmationSchema,
    },
    required: [
      'fullName',
      'street',
      'postalCode',
      'city',
      'phone',
      'items',
      'volumeCubicMetres',
      'pickupWindow',
      'consent',
    ],
    additionalProperties: false,
  },
  ui: {
    steps: [
      {
        id: 'kontakt',
        title: { de: 'Wo holen wir ab?', en: 'Where do we collect?' },
        fields: ['fullName', 'street', 'postalCode', 'city', 'phone', 'email'],
      },
      {
        id: 'gegenstaende',
        title: { de: 'Was holen wir ab?', en: 'What do we collect?' },
        fields: ['items', 'volumeCubicMetres'],
      },
      {
        id: 'termin',
        title: { de: 'Wann und wo genau?', en: 'When and where exactly?' },
        fields: ['pickupWindow', 'placementNote'],
      },
      confirmationStep(),
    ],
    fields: {
      fullName: {
        label: { de: 'Vor- und Familienname', en: 'Full name' },
        widget: 'text',
        autocomplete: 'name',
      },
      street: streetAndNumberUi({
        de: 'Die Adresse, an der abgeholt wird.',
        en: 'The address where we collect.',
      }),
      postalCode: postalCodeUi(),
      city: {
        label: { de: 'Ort oder Ortsteil', en: 'Town or village' },
        widget: 'text',
        autocomplete: 'address-level2',
      },
      phone: phoneUi,
      email: emailUi,
      items: {
        label: { de: 'Welche Gegenstände sollen abgeholt werden?', en: 'Which items should be collected?' },
        help: {
          de: 'Bitte einzeln aufzählen, z. B. „1 Sofa, 2 Stühle, 1 Matratze 90×200“.',
          en: 'Please list them, e.g. “1 sofa, 2 chairs, 1 mattress 90×200”.',
        },
        widget: 'textarea',
      },
      volumeCubicMetres: {
        label: { de: 'Ungefähre Menge in Kubikmetern', en: 'Approximate volume in cubic metres' },
        help: {
          de: 'Ein Kubikmeter ist etwa ein Würfel von 1 × 1 × 1 Meter, z. B. ein kleiner Schrank. Ein Sofa sind etwa 2 m³. Höchstens 10 m³ pro Abholung.',
          en: 'One cubic metre is about a cube of 1 × 1 × 1 metre, e.g. a small cupboard. A sofa is about 2 m³. At most 10 m³ per collection.',
        },
        widget: 'number',
      },
      pickupWindow: {
        label: { de: 'Gewünschter Zeitraum', en: 'Preferred period' },
        help: {
          de: 'Wir versuchen, Ihren Wunsch zu berücksichtigen, und nennen Ihnen den festen Termin.',
          en: 'We try to meet your wish and will give you a fixed date.',
        },
        widget: 'choice',
        options: [
          { value: 'asap', label: { de: 'So bald wie möglich', en: 'As soon as possible' } },
          { value: 'weeks-1-2', label: { de: 'In 1 bis 2 Wochen', en: 'In 1 to 2 weeks' } },
          { value: 'weeks-3-4', label: { de: 'In 3 bis 4 Wochen', en: 'In 3 to 4 weeks' } },
          { value: 'weeks-5-6', label: { de: 'In 5 bis 6 Wochen', en: 'In 5 to 6 weeks' } },
        ],
      },
      placementNote: {
        label: {
          de: 'Hinweis zum Abstellort',
          en: 'Note on where the items will be',
        },
        help: {
          de: 'Zum Beispiel: „Links neben der Einfahrt am Gartenzaun“.',
          en: 'For example: “Left of the driveway by the garden fence”.',
        },
        widget: 'textarea',
      },
      consent: {
        label: {
          de: 'Ich stelle die Gegenstände am Vorabend ab 18 Uhr oder am Abholtag bis 6 Uhr an den Straßenrand, ohne Gehweg oder Fahrbahn zu versperren.',
          en: 'I will put the items at the roadside from 6 p.m. the evening before or by 6 a.m. on the day, without blocking the pavement or road.',
        },
        help: {
          de: 'Zusätzliche Abholungen und größere Mengen sind gebührenpflichtig; Sie erhalten dann einen Bescheid.',
          en: 'Extra collections and larger amounts are charged; you will then receive a notice.',
        },
        widget: 'checkbox',
      },
    },
  },
  updatedAt: FORMS_SEEDED_AT,
};
