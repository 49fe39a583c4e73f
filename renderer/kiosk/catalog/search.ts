import type { Service } from '../../../protocol/catalog.js';
import { localize } from '../../../protocol/i18n.js';

/** Folds case, umlauts and ß, so "Fuehrungszeugnis", "führungszeugnis" and "FÜHRUNGSZEUGNIS" match. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface SearchableService {
  service: Service;
  name: string;
  text: string;
}

/** Prepares the catalog once per language: folded name and body text. */
export function indexServices(services: Service[], locale: string): SearchableService[] {
  return services.map((service) => {
    const name = foldText(`${localize(service.name, locale).text} ${service.name.de}`);
    const body = [localize(service.shortText, locale).text, service.shortText.de, ...service.keywords].join(
      ' ',
    );
    return { service, name, text: foldText(body) };
  });
}

/**
 * Every word of the query must occur (as a word prefix) in the name, the short text or the
 * keywords; name hits rank first. Issue 7 replaces this with typo-tolerant full-text search.
 */
export function searchServices(index: SearchableService[], query: string): Service[] {
  const words = foldText(query).split(' ').filter(Boolean);
  if (words.length === 0) return index.map((entry) => entry.service);
  const scored: { service: Service; score: number }[] = [];
  for (const entry of index) {
    let score = 0;
    let all = true;
    for (const word of words) {
      if (hasWordPrefix(entry.name, word)) score += 3;
      else if (entry.name.includes(word)) score += 2;
      else if (hasWordPrefix(entry.text, word) || entry.text.includes(word)) score += 1;
      else {
        all = false;
        break;
      }
    }
    if (all) scored.push({ service: entry.service, score });
  }
  return scored.sort((a, b) => b.score - a.score).map((entry) => entry.service);
}

function hasWordPrefix(text: string, word: string): boolean {
  return text.startsWith(word) || text.includes(` ${word}`);
}
