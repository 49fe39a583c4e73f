import type { LifeSituation, Service } from '../../../protocol/catalog.js';
import type { CatalogIndex } from './catalog-search.js';

/**
 * One search index per language for the catalog the kiosk holds: switching back and forth between
 * languages reuses the index built before instead of rebuilding it. Keyed by the catalog's arrays,
 * so a new catalog from the hub starts afresh and the old indexes go with the old arrays. Only
 * catalog texts are indexed, nothing a citizen typed, so the cache may outlive a citizen's session.
 */
const cache = new WeakMap<Service[], WeakMap<LifeSituation[], Map<string, CatalogIndex>>>();

export function cachedCatalogIndex(
  services: Service[],
  locale: string,
  lifeSituations: LifeSituation[],
): CatalogIndex | undefined {
  return cache.get(services)?.get(lifeSituations)?.get(locale);
}

export function catalogIndexFor(
  services: Service[],
  locale: string,
  lifeSituations: LifeSituation[],
  build: (services: Service[], locale: string, lifeSituations: LifeSituation[]) => CatalogIndex,
): CatalogIndex {
  let byLists = cache.get(services);
  if (!byLists) cache.set(services, (byLists = new WeakMap()));
  let byLocale = byLists.get(lifeSituations);
  if (!byLocale) byLists.set(lifeSituations, (byLocale = new Map()));
  let index = byLocale.get(locale);
  if (!index) byLocale.set(locale, (index = build(services, locale, lifeSituations)));
  return index;
}

/** Runs the work when the page is idle (after a frame has been drawn), or after `timeout` ms at the latest. */
export function whenIdle(work: () => void, timeout = 1000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(work, 0);
  return () => clearTimeout(handle);
}
