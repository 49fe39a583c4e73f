import { useEffect, useState } from 'react';
import type { LifeSituation, Service } from '../../../protocol/catalog.js';
import type { CatalogIndex } from './catalog-search.js';
import { cachedCatalogIndex, catalogIndexFor, whenIdle } from './index-cache.js';

/**
 * The search index for the catalog screen: loaded and built in idle time after the screen is up,
 * so the search engine stays off the start-up path (until then names are filtered by substring),
 * and kept per language, so a language switch finds its index ready when it was built before.
 */
export function useCatalogIndex(
  services: Service[],
  locale: string,
  lifeSituations: LifeSituation[],
): CatalogIndex | null {
  const [, setBuilt] = useState(0);
  useEffect(() => {
    if (cachedCatalogIndex(services, locale, lifeSituations)) return;
    let cancelled = false;
    const cancelIdle = whenIdle(() => {
      void import('./catalog-search.js').then(({ buildCatalogIndex }) => {
        if (cancelled) return;
        catalogIndexFor(services, locale, lifeSituations, buildCatalogIndex);
        setBuilt((n) => n + 1);
      });
    });
    return () => {
      cancelled = true;
      cancelIdle();
    };
  }, [services, locale, lifeSituations]);
  return cachedCatalogIndex(services, locale, lifeSituations) ?? null;
}

/** Builds the index of the language the next citizen most likely uses while the terminal waits. */
export function prepareCatalogIndex(
  services: Service[],
  locale: string,
  lifeSituations: LifeSituation[],
): () => void {
  if (services.length === 0 || cachedCatalogIndex(services, locale, lifeSituations)) return () => undefined;
  let cancelled = false;
  const cancelIdle = whenIdle(() => {
    void import('./catalog-search.js').then(({ buildCatalogIndex }) => {
      if (!cancelled) catalogIndexFor(services, locale, lifeSituations, buildCatalogIndex);
    });
  }, 5000);
  return () => {
    cancelled = true;
    cancelIdle();
  };
}

/** While the terminal waits for the next citizen (`waiting`), the index of `locale` is prepared. */
export function useCatalogWarmup(
  waiting: boolean,
  content: { ready: boolean; services: Service[]; lifeSituations: LifeSituation[] },
  locale: string,
): void {
  const { ready, services, lifeSituations } = content;
  useEffect(() => {
    if (!waiting || !ready) return;
    return prepareCatalogIndex(services, locale, lifeSituations);
  }, [waiting, ready, services, lifeSituations, locale]);
}
