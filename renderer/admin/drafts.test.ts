import { describe, expect, it } from 'vitest';
import { demoContent } from '../../demo/demo-content.js';
import { ServiceFields } from '../../protocol/admin.js';
import { Service } from '../../protocol/catalog.js';
import { LOCALES } from '../../protocol/i18n.js';
import {
  furtherLanguages,
  newServiceDraft,
  officeDraft,
  officeFields,
  previewService,
  serviceDraft,
  serviceFields,
} from './drafts.js';

describe('the service editor', () => {
  const service = demoContent.services.find((s) => s.id === 'wohnsitz-anmelden');
  if (!service) throw new Error('demo service missing');

  it('gives back every field of a service it was opened with, in every language', () => {
    expect({ ...serviceFields(serviceDraft(service)), id: service.id, updatedAt: service.updatedAt }).toEqual(
      service,
    );
    expect(ServiceFields.safeParse(serviceFields(serviceDraft(service))).success).toBe(true);
  });

  it('lines list items up across languages by position, German deciding how many', () => {
    const draft = newServiceDraft('buergerbuero', 'wohnen');
    draft.texts['de'] = {
      name: 'Hundesteuer',
      shortText: 'Hund anmelden',
      longText: 'Absatz',
      processingTime: 'eine Woche',
      requiredDocuments: 'Personalausweis\n\nNachweis der Haftpflicht\n',
      prerequisites: '',
      deadlines: '',
    };
    draft.texts['en'] = {
      name: 'Dog tax',
      shortText: '',
      longText: '',
      processingTime: '',
      requiredDocuments: 'Identity card\nLiability proof\nan extra line',
      prerequisites: '',
      deadlines: '',
    };
    const fields = serviceFields(draft);
    expect(fields.requiredDocuments).toEqual([
      { de: 'Personalausweis', en: 'Identity card' },
      { de: 'Nachweis der Haftpflicht', en: 'Liability proof' },
    ]);
    expect(fields.name).toEqual({ de: 'Hundesteuer', en: 'Dog tax' });
    expect(fields.shortText).toEqual({ de: 'Hund anmelden' });
    expect(fields.formId).toBeNull();
    expect(fields).not.toHaveProperty('deadlines');
    const preview = previewService(draft, '2026-01-01T00:00:00.000Z');
    expect(Service.safeParse(preview).success).toBe(true);
    expect(preview.id).toBe('vorschau');
  });

  it('previews a draft that is still empty as a valid service', () => {
    const preview = previewService(newServiceDraft('buergerbuero', 'wohnen'), '2026-01-01T00:00:00.000Z');
    expect(Service.safeParse(preview).success).toBe(true);
    expect(preview.name.de).toBe('…');
  });

  it('offers only languages the service does not have yet', () => {
    expect(furtherLanguages(LOCALES, ['de', 'en'])).toEqual(['tr', 'ar', 'uk', 'ru']);
  });
});

describe('the office editor', () => {
  const office = demoContent.offices[0];
  if (!office) throw new Error('demo office missing');

  it('keeps the name’s translations and trims what was typed', () => {
    const draft = { ...officeDraft(office), name: ' Bürgerbüro Neu ', city: ' Lindenau ' };
    const fields = officeFields(draft, { ...office, name: { de: 'Alt', en: 'Citizens’ office' } });
    expect(fields.name).toEqual({ de: 'Bürgerbüro Neu', en: 'Citizens’ office' });
    expect(fields.address.city).toBe('Lindenau');
    expect(fields.openingHours).toEqual(office.openingHours);
  });
});
