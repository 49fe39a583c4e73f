import MiniSearch, { type Query } from 'minisearch';
import type { LifeSituation, Service } from '../../../protocol/catalog.js';
import { localize } from '../../../protocol/i18n.js';
import { fold, splitCompound, stem, tokenize } from './german.js';
import { SYNONYMS } from './synonyms.js';

interface Doc {
  id: string;
  name: string;
  keywords: string;
  text: string;
}

export interface CatalogIndex {
  search(query: string): Service[];
  all: Service[];
}

/**
 * Offline full-text search over the catalogue held on the terminal, in the citizen's language and
 * in German: word forms (stemming), compounds (split against the catalogue vocabulary), typos
 * (fuzzy matching), colloquial words (synonyms) and life situations. Built once per catalogue
 * and language; a keystroke costs one query.
 */
export function buildCatalogIndex(
  services: Service[],
  locale: string,
  lifeSituations: LifeSituation[] = [],
): CatalogIndex {
  const situationNames = new Map(
    lifeSituations.map((s) => [s.id, `${localize(s.name, locale).text} ${s.name.de}`]),
  );
  const docs: Doc[] = services.map((service) => ({
    id: service.id,
    name: `${localize(service.name, locale).text} ${service.name.de}`,
    keywords: service.keywords.join(' '),
    text: [
      localize(service.shortText, locale).text,
      service.shortText.de,
      ...service.lifeSituationIds.map((id) => situationNames.get(id) ?? ''),
    ].join(' '),
  }));

  const vocabulary = new Set<string>();
  for (const doc of docs) {
    for (const word of tokenize(`${doc.name} ${doc.keywords}`)) {
      if (word.length >= 3) {
        vocabulary.add(word);
        vocabulary.add(stem(word));
      }
    }
  }
  // Compounds are indexed with their parts too, so "Steuer" finds "Hundesteuer".
  const expand = (text: string): string[] => {
    const terms: string[] = [];
    for (const word of tokenize(text)) {
      terms.push(stem(word));
      if (word.length >= 7) for (const part of splitCompound(word, vocabulary)) terms.push(stem(part));
    }
    return terms;
  };
  const miniSearch = new MiniSearch<Doc>({
    fields: ['name', 'keywords', 'text'],
    storeFields: [],
    tokenize: expand,
    processTerm: (term) => term,
    searchOptions: { boost: { name: 3, keywords: 2, text: 1 } },
  });
  miniSearch.addAll(docs);
  const byId = new Map(services.map((s) => [s.id, s]));

  // The first one or two letters match thousands of words in a large catalogue; ranking them all
  // on every key would be slow and says little. A table answers them at once, name matches first.
  const shortPrefixes = new Map<string, Set<Service>>();
  for (const field of ['name', 'keywords'] as const) {
    docs.forEach((doc, i) => {
      const service = services[i];
      if (!service) return;
      for (const word of tokenize(doc[field])) {
        for (const key of [word.slice(0, 1), word.slice(0, 2)]) {
          const set = shortPrefixes.get(key) ?? new Set<Service>();
          set.add(service);
          shortPrefixes.set(key, set);
        }
      }
    });
  }

  const queryFor = (word: string, last: boolean, typos: boolean): Query => {
    const alternatives: Query[] = [];
    const stemmed = stem(word);
    const fuzzy = typos && word.length >= 4 ? (word.length >= 5 ? 0.25 : 1) : false;
    alternatives.push({
      queries: [stemmed],
      prefix: last || word.length >= 4,
      fuzzy,
      maxFuzzy: 2,
      combineWith: 'OR',
    });
    for (const synonym of SYNONYMS[word] ?? SYNONYMS[stemmed] ?? []) {
      alternatives.push({ queries: [stem(synonym)], combineWith: 'OR' });
    }
    if (!vocabulary.has(word) && word.length >= 7) {
      const parts = splitCompound(word, vocabulary);
      if (parts.length > 1) alternatives.push({ queries: parts.map(stem), combineWith: 'AND', prefix: true });
    }
    return { queries: alternatives, combineWith: 'OR' };
  };

  return {
    all: services,
    search(query: string): Service[] {
      const typed = fold(query).split(' ').filter(Boolean);
      // A single letter just typed is the start of a word, not a word: it waits for the next key.
      const words = typed.filter((word, i) => word.length > 1 || i < typed.length - 1);
      if (words.length === 0) return services;
      const only = words[0];
      if (words.length === 1 && only !== undefined && only.length <= 2)
        return [...(shortPrefixes.get(only) ?? [])];
      const run = (typos: boolean, combineWith: 'AND' | 'OR') =>
        miniSearch.search({
          queries: words.map((word, i) => queryFor(word, i === words.length - 1, typos)),
          combineWith,
        });
      // Typo tolerance is the costly part, so it runs only when the words as typed find nothing;
      // and fewer results beat none: when not every word matches, rank by how many do.
      let hits = run(false, 'AND');
      if (hits.length === 0) hits = run(true, 'AND');
      if (hits.length === 0 && words.length > 1) hits = run(true, 'OR');
      return hits.map((hit) => byId.get(String(hit.id))).filter((s): s is Service => s !== undefined);
    },
  };
}
