import type { FormDefinition } from '../../protocol/forms.js';
import type { Office, Service } from '../../protocol/catalog.js';
import type { ContentWithoutRevision } from '../content/store.js';
import { demoOfficeKeys } from '../../demo/demo-keys.js';

/**
 * Small, stable content for route tests, so they do not break when the demo municipality
 * grows. Two offices, so a clerk's view can be limited to one.
 */
const updatedAt = '2026-01-01T00:00:00.000Z';

function office(id: string, name: string): Office {
  return {
    id,
    name: { de: name },
    address: { street: 'Marktplatz 1', postalCode: '01234', city: 'Teststadt' },
    phone: '+49 1234 5678',
    email: `${id}@teststadt.example`,
    openingHours: [{ day: 'mon', from: '08:00', to: '12:00' }],
    videoHours: [],
    encryptionKeys: demoOfficeKeys('buergerbuero'),
    updatedAt,
  };
}

function service(id: string, officeId: string, formId: string | null): Service {
  return {
    id,
    leikaKey: '99115005001000',
    name: { de: id },
    shortText: { de: 'Kurz' },
    longText: { de: 'Lang' },
    requiredDocuments: [],
    prerequisites: [],
    fees: [],
    processingTime: { de: 'sofort' },
    legalBasis: [],
    officeId,
    categoryId: 'test',
    lifeSituationIds: [],
    keywords: [],
    formId,
    updatedAt,
  };
}

export const registrationForm: FormDefinition = {
  id: 'test-anmeldung',
  version: 2,
  title: { de: 'Anmeldung (Test)', en: 'Registration (test)' },
  description: { de: 'Testformular' },
  officeId: 'buergerbuero',
  schema: {
    type: 'object',
    properties: {
      familyName: { type: 'string', minLength: 1, maxLength: 100 },
      email: { type: 'string', format: 'email' },
      adults: { type: 'integer', minimum: 1, maximum: 20 },
      consent: { type: 'boolean', const: true },
    },
    required: ['familyName', 'consent'],
    additionalProperties: false,
  },
  ui: {
    steps: [
      { id: 'person', title: { de: 'Person' }, fields: ['familyName', 'email'] },
      { id: 'details', title: { de: 'Angaben' }, fields: ['adults', 'consent'] },
    ],
    fields: {
      familyName: { label: { de: 'Familienname', en: 'Family name' }, widget: 'text' },
      email: { label: { de: 'E-Mail-Adresse' }, widget: 'email' },
      adults: { label: { de: 'Anzahl Erwachsene' }, widget: 'number' },
      consent: { label: { de: 'Ich bestätige meine Angaben' }, widget: 'checkbox' },
    },
  },
  updatedAt,
};

/** The same form one version earlier: terminals with old content still send it. */
export const registrationFormV1: FormDefinition = {
  ...registrationForm,
  version: 1,
  schema: {
    ...registrationForm.schema,
    properties: { familyName: { type: 'string' } },
    required: ['familyName'],
  },
  ui: {
    steps: [{ id: 'person', title: { de: 'Person' }, fields: ['familyName'] }],
    fields: { familyName: { label: { de: 'Name' }, widget: 'text' } },
  },
};

export const certificateForm: FormDefinition = {
  id: 'test-urkunde',
  version: 1,
  title: { de: 'Urkunde (Test)' },
  description: { de: 'Testformular' },
  officeId: 'standesamt',
  schema: {
    type: 'object',
    properties: { familyName: { type: 'string', minLength: 1 } },
    required: ['familyName'],
    additionalProperties: false,
  },
  ui: {
    steps: [{ id: 'person', title: { de: 'Person' }, fields: ['familyName'] }],
    fields: { familyName: { label: { de: 'Familienname' }, widget: 'text' } },
  },
  updatedAt,
};

export const fixtureContent: ContentWithoutRevision = {
  municipality: { id: 'teststadt', name: 'Teststadt' },
  offices: [office('buergerbuero', 'Bürgerbüro'), office('standesamt', 'Standesamt')],
  categories: [{ id: 'test', name: { de: 'Test' }, icon: 'T', order: 1 }],
  lifeSituations: [],
  services: [
    service('anmelden', 'buergerbuero', registrationForm.id),
    service('urkunde', 'standesamt', certificateForm.id),
  ],
  forms: [registrationFormV1, registrationForm, certificateForm],
};
