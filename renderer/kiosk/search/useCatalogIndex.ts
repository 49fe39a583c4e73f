import { useEffect, useState } from 'react';
import type { LifeSituation, Service } from '../../../protocol/catalog.js';
import type { CatalogIndex } from './catalog-search.js';

/**
 * The search index for the catalog screen, loaded and built after the screen is up: the search
 * engine stays off the start-up path, and the catalog needs no index until the first key.
 */
export function useCatalogIndex(
  services: Service[],
  locale: string,
  lifeSituations: LifeSituation[],
): CatalogIndex | null {
  const [built, setBuilt] = useState<{ services: Service[]; locale: string; index: CatalogIndex } | null>(
    null,
  );
  useEffect(() => {
    let cancelled = false;
    void import('./catalog-search.js').then(({ buildCatalogIndex }) => {
      if (!cancelled)
        setBuilt({ services, locale, index: buildCatalogIndex(services, locale, lifeSituations) });
    });
    return () => {
      cancelled = true;
    };
  }, [services, locale, lifeSituations]);
  return built && built.services === services && built.locale === locale ? built.index : null;
}
