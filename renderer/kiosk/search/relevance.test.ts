import { describe, expect, it } from 'vitest';
import { demoContent } from '../../../demo/demo-content.js';
import { buildCatalogIndex } from './catalog-search.js';

/**
 * The relevance set: what citizens type, and the service that must be among the first three.
 * Word forms, compounds, typos, colloquial words, life situations, English and mixed queries.
 */
const CASES: [query: string, expected: string, locale?: string][] = [
  ['Perso', 'personalausweis'],
  ['perso verloren', 'ausweis-verlust'],
  ['ummelden', 'wohnsitz-anmelden'],
  ['umziehen', 'wohnsitz-anmelden'],
  ['Umzug', 'wohnsitz-anmelden'],
  ['Wohnsitz', 'wohnsitz-anmelden'],
  ['abmelden Ausland', 'wohnsitz-abmelden'],
  ['Personalausweise', 'personalausweis'],
  ['Personalausweiss', 'personalausweis'],
  ['Persnalausweis', 'personalausweis'],
  ['Reisepässe', 'reisepass'],
  ['Reisepas', 'reisepass'],
  ['Kinderreisepass', 'ausweis-fuer-kinder'],
  ['Führungszeugnis', 'fuehrungszeugnis'],
  ['Fuehrungszeugnis', 'fuehrungszeugnis'],
  ['Fürungszeugnis', 'fuehrungszeugnis'],
  ['Hundesteuer', 'hundesteuer-anmelden'],
  ['Hundesteueranmeldung', 'hundesteuer-anmelden'],
  ['Hund', 'hundesteuer-anmelden'],
  ['Welpe', 'hundesteuer-anmelden'],
  ['Kampfhund', 'gefaehrlicher-hund'],
  ['Baby', 'geburt-beurkunden'],
  ['Geburtsurkunde', 'personenstandsurkunde'],
  ['heiraten', 'eheschliessung-anmelden'],
  ['Hochzeit', 'eheschliessung-anmelden'],
  ['Sterbeurkunde', 'sterbefall-beurkunden'],
  ['Sperrmüll', 'sperrmuell'],
  ['Sperrmuell', 'sperrmuell'],
  ['Sofa entsorgen', 'sperrmuell'],
  ['Mülltonne', 'abfallbehaelter'],
  ['Biotonne', 'abfallbehaelter'],
  ['Parkausweis', 'anwohnerparkausweis'],
  ['Anwohnerparken', 'anwohnerparkausweis'],
  ['Gewerbeanmeldung', 'gewerbe-anmelden'],
  ['Firma gründen', 'gewerbe-anmelden'],
  ['Wohngeld', 'wohngeld'],
  ['Miete zu hoch', 'wohngeld'],
  ['Kindergarten', 'kita-platz'],
  ['Rente', 'rentenantrag'],
  ['Grundsteuer', 'grundsteuer'],
  ['Osterfeuer', 'brauchtumsfeuer'],
  ['Baum fällen', 'baumfaellung'],
  ['Feuerwerk', 'feuerwerk-genehmigung'],
  ['Fundbüro', 'fundsache'],
  ['Blaue Karte', 'blaue-karte-eu'],
  ['Arbeitserlaubnis', 'blaue-karte-eu'],
  ['Ich ziehe um', 'wohnsitz-anmelden'],
  ['Wir bekommen ein Kind', 'geburt-beurkunden'],
  ['identity card', 'personalausweis', 'en'],
  ['passport', 'reisepass', 'en'],
  ['dog tax', 'hundesteuer-anmelden', 'en'],
  ['bulky waste', 'sperrmuell', 'en'],
  ['register residence', 'wohnsitz-anmelden', 'en'],
  ['ausweis', 'personalausweis', 'tr'],
];

describe('catalogue search relevance', () => {
  const indexes = new Map<string, ReturnType<typeof buildCatalogIndex>>();
  const indexFor = (locale: string) => {
    let index = indexes.get(locale);
    if (!index) {
      index = buildCatalogIndex(demoContent.services, locale, demoContent.lifeSituations);
      indexes.set(locale, index);
    }
    return index;
  };

  it('has at least 40 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(40));

  it.each(CASES)('"%s" finds %s in the top three', (query, expected, locale = 'de') => {
    const top = indexFor(locale)
      .search(query)
      .slice(0, 3)
      .map((s) => s.id);
    expect(top).toContain(expected);
  });

  it('finds something for every prefix of a word, as typed key by key', () => {
    const index = indexFor('de');
    for (const prefix of ['Pe', 'Per', 'Pers', 'Perso', 'Person', 'Persona', 'Personal']) {
      expect(index.search(prefix).length, prefix).toBeGreaterThan(0);
    }
    expect(
      index
        .search('Personala')
        .slice(0, 3)
        .map((s) => s.id),
    ).toContain('personalausweis');
  });

  it('returns everything for an empty query and nothing for nonsense', () => {
    expect(indexFor('de').search('  ')).toHaveLength(demoContent.services.length);
    expect(indexFor('de').search('xqzvwjj')).toEqual([]);
  });
});
