// PLACEHOLDER: replaced by the full demo municipality (25+ services, 3+ forms).
import type { ContentSnapshot } from '../../protocol/content.js';

export type DemoContent = Omit<ContentSnapshot, 'revision'>;

const updatedAt = '2026-11-01T08:00:00.000Z';

export const demoContent: DemoContent = {
  municipality: { id: 'lindenau', name: 'Gemeinde Lindenau' },
  offices: [
    {
      id: 'buergerbuero',
      name: { de: 'Bürgerbüro Lindenau', en: 'Citizens’ Office Lindenau' },
      address: { street: 'Marktplatz 1', postalCode: '01234', city: 'Lindenau' },
      phone: '+49 3521 400-100',
      email: 'buergerbuero@lindenau.example',
      openingHours: [{ day: 'mon', from: '08:00', to: '12:00' }],
      videoHours: [{ day: 'mon', from: '08:00', to: '12:00' }],
      updatedAt,
    },
  ],
  categories: [{ id: 'wohnen', name: { de: 'Wohnen', en: 'Housing' }, icon: '🏠', order: 1 }],
  lifeSituations: [{ id: 'umzug', name: { de: 'Umzug', en: 'Moving house' } }],
  services: [
    {
      id: 'wohnsitz-anmelden',
      leikaKey: '99115005001000',
      name: { de: 'Wohnsitz anmelden', en: 'Register your residence' },
      shortText: { de: 'Kurz', en: 'Short' },
      longText: { de: 'Lang', en: 'Long' },
      requiredDocuments: [],
      prerequisites: [],
      fees: [{ description: { de: 'gebührenfrei', en: 'free of charge' }, amountCents: 0 }],
      processingTime: { de: 'sofort', en: 'immediately' },
      legalBasis: ['§ 17 BMG'],
      officeId: 'buergerbuero',
      categoryId: 'wohnen',
      lifeSituationIds: ['umzug'],
      keywords: ['ummelden'],
      formId: 'wohnsitz-anmeldung',
      updatedAt,
    },
  ],
  forms: [
    {
      id: 'wohnsitz-anmeldung',
      version: 1,
      title: { de: 'Anmeldung einer Wohnung', en: 'Registration of a residence' },
      description: { de: 'Beschreibung', en: 'Description' },
      officeId: 'buergerbuero',
      schema: {
        type: 'object',
        properties: { familyName: { type: 'string', minLength: 1, maxLength: 100 } },
        required: ['familyName'],
        additionalProperties: false,
      },
      ui: {
        steps: [{ id: 'person', title: { de: 'Person', en: 'Person' }, fields: ['familyName'] }],
        fields: { familyName: { label: { de: 'Familienname', en: 'Family name' }, widget: 'text' } },
      },
      updatedAt,
    },
  ],
};
