import { describe, expect, it } from 'vitest';
import type { Service } from '../../../protocol/catalog.js';
import { foldText, indexServices, searchServices } from './search.js';

const service = (id: string, de: string, en: string, keywords: string[] = []): Service => ({
  id,
  leikaKey: '99000000000000',
  name: { de, en },
  shortText: { de: `${de} kurz`, en: `${en} short` },
  longText: { de: 'lang', en: 'long' },
  requiredDocuments: [],
  prerequisites: [],
  fees: [],
  processingTime: { de: 'sofort' },
  legalBasis: [],
  officeId: 'o',
  categoryId: 'c',
  lifeSituationIds: [],
  keywords,
  formId: null,
  updatedAt: '2026-01-01T00:00:00Z',
});

const catalog = [
  service('ausweis', 'Personalausweis beantragen', 'Apply for an identity card', ['Perso']),
  service('fuehrung', 'Führungszeugnis beantragen', 'Apply for a certificate of good conduct'),
  service('anmeldung', 'Wohnsitz anmelden', 'Register your residence', ['ummelden', 'Umzug']),
];

describe('foldText', () => {
  it('folds umlauts, ß and case', () => {
    expect(foldText('Führungszeugnis GROSS Straße')).toBe('fuehrungszeugnis gross strasse');
  });
});

describe('searchServices', () => {
  const de = indexServices(catalog, 'de');
  const en = indexServices(catalog, 'en');

  it('finds by name with or without umlauts', () => {
    expect(searchServices(de, 'führung').map((s) => s.id)).toEqual(['fuehrung']);
    expect(searchServices(de, 'fuehrung').map((s) => s.id)).toEqual(['fuehrung']);
  });

  it('finds by colloquial keyword', () => {
    expect(searchServices(de, 'perso').map((s) => s.id)).toEqual(['ausweis']);
    expect(searchServices(de, 'ummelden').map((s) => s.id)).toEqual(['anmeldung']);
  });

  it('searches the citizen language and German', () => {
    expect(searchServices(en, 'identity').map((s) => s.id)).toEqual(['ausweis']);
    expect(searchServices(en, 'ausweis').map((s) => s.id)).toEqual(['ausweis']);
  });

  it('requires every word and returns everything for an empty query', () => {
    expect(searchServices(de, 'ausweis hund')).toEqual([]);
    expect(searchServices(de, '  ')).toHaveLength(3);
  });
});
