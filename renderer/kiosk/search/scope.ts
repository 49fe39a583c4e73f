import type { Service } from '../../../protocol/catalog.js';

export type CatalogFilter = { kind: 'all' } | { kind: 'category'; id: string } | { kind: 'life'; id: string };

/**
 * Which services the catalog lists. A chosen topic or life situation narrows the list while
 * nothing is typed; a search looks through the whole catalog (a citizen who picked "Hunde &
 * Tiere" and types "Personalausweis" wants the ID card), and `widened` tells the screen to say so.
 */
export function scopeResults(
  found: readonly Service[],
  filter: CatalogFilter,
  query: string,
): { services: readonly Service[]; widened: boolean } {
  const searching = query.trim() !== '';
  if (searching) return { services: found, widened: filter.kind !== 'all' };
  if (filter.kind === 'category')
    return { services: found.filter((s) => s.categoryId === filter.id), widened: false };
  if (filter.kind === 'life') {
    return { services: found.filter((s) => s.lifeSituationIds.includes(filter.id)), widened: false };
  }
  return { services: found, widened: false };
}
