import { describe, expect, it } from 'vitest';
import type { LifeSituation, Service } from '../../../protocol/catalog.js';
import type { CatalogIndex } from './catalog-search.js';
import { cachedCatalogIndex, catalogIndexFor } from './index-cache.js';

describe('search index per language', () => {
  const builds: string[] = [];
  const build = (_: Service[], locale: string) => {
    builds.push(locale);
    return { locale } as unknown as CatalogIndex;
  };

  it('builds each language once per catalog and reuses it on the way back', () => {
    const services: Service[] = [];
    const situations: LifeSituation[] = [];
    expect(cachedCatalogIndex(services, 'de', situations)).toBeUndefined();
    const de = catalogIndexFor(services, 'de', situations, build);
    const ar = catalogIndexFor(services, 'ar', situations, build);
    expect(catalogIndexFor(services, 'de', situations, build)).toBe(de);
    expect(catalogIndexFor(services, 'ar', situations, build)).toBe(ar);
    expect(cachedCatalogIndex(services, 'ar', situations)).toBe(ar);
    expect(builds).toEqual(['de', 'ar']);
  });

  it('starts afresh for a new catalog', () => {
    builds.length = 0;
    const situations: LifeSituation[] = [];
    catalogIndexFor([], 'de', situations, build);
    catalogIndexFor([], 'de', situations, build);
    expect(builds).toEqual(['de', 'de']);
  });
});
