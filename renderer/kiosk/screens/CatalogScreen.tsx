import { useMemo, useState } from 'react';
import type { Category, LifeSituation, Service } from '../../../protocol/catalog.js';
import { localize, type LocalizedText } from '../../../protocol/i18n.js';
import { fold } from '../search/german.js';
import { scopeResults, type CatalogFilter } from '../search/scope.js';
import { useCatalogIndex } from '../search/useCatalogIndex.js';
import { localized } from '../i18n/Localized.js';
import type { Texts } from '../i18n/texts.js';
import { CITIZEN_AUTOCOMPLETE } from '../components/fields/autocomplete.js';

export interface CatalogScreenProps {
  t: Texts;
  locale: string;
  services: Service[];
  categories: Category[];
  lifeSituations: LifeSituation[];
  onOpen(serviceId: string): void;
  onOpenStatus(): void;
}

/** Categories, life situations and search over the catalog held on the terminal. */
export function CatalogScreen({
  t,
  locale,
  services,
  categories,
  lifeSituations,
  onOpen,
  onOpenStatus,
}: CatalogScreenProps) {
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<CatalogFilter>({ kind: 'all' });
  const index = useCatalogIndex(services, locale, lifeSituations);
  const { services: results, widened } = useMemo(() => {
    const found = index ? index.search(query) : roughSearch(services, query, locale);
    const scoped = scopeResults(found, filter, query);
    if (query.trim() || filter.kind !== 'all') return scoped;
    const nameOf = (service: Service) => localize(service.name, locale).text;
    return { ...scoped, services: [...found].sort((a, b) => nameOf(a).localeCompare(nameOf(b), locale)) };
  }, [index, services, query, filter, locale]);
  const text = (value: LocalizedText) => localized(value, locale);
  // Choosing a topic shows that topic: a search typed before gives way to it.
  const choose = (next: CatalogFilter) => {
    setFilter(next);
    setQuery('');
  };
  const filterName =
    filter.kind === 'category'
      ? categories.find((c) => c.id === filter.id)?.name
      : filter.kind === 'life'
        ? lifeSituations.find((l) => l.id === filter.id)?.name
        : undefined;
  const categoryName = new Map(categories.map((c) => [c.id, c.name]));
  const topicOf = (service: Service) => categoryName.get(service.categoryId);
  const searching = query.trim() !== '';

  const sortedCategories = [...categories].sort((a, b) => a.order - b.order);
  return (
    <main className="kiosk-page kiosk-catalog">
      <h1>{t.catalogTitle}</h1>
      <button type="button" className="kiosk-chip kiosk-catalog__status" onClick={onOpenStatus}>
        {t.statusOpen}
      </button>
      <div className="kiosk-search">
        <label htmlFor="service-search" className="pop-field__label">
          {t.searchLabel}
        </label>
        <input
          id="service-search"
          type="search"
          className="pop-input kiosk-search__input"
          placeholder={t.searchPlaceholder}
          autoComplete={CITIZEN_AUTOCOMPLETE}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <nav aria-label={t.categories} className="kiosk-filters">
        <button
          type="button"
          className="kiosk-chip"
          aria-pressed={filter.kind === 'all'}
          onClick={() => choose({ kind: 'all' })}
        >
          {t.allCategories}
        </button>
        {sortedCategories.map((category) => (
          <button
            key={category.id}
            type="button"
            className="kiosk-chip"
            aria-pressed={filter.kind === 'category' && filter.id === category.id}
            onClick={() => choose({ kind: 'category', id: category.id })}
          >
            <span {...text(category.name)} />
          </button>
        ))}
      </nav>
      <nav aria-label={t.lifeSituations} className="kiosk-filters kiosk-filters--life">
        {lifeSituations.map((situation) => (
          <button
            key={situation.id}
            type="button"
            className="kiosk-chip kiosk-chip--life"
            aria-pressed={filter.kind === 'life' && filter.id === situation.id}
            onClick={() => choose({ kind: 'life', id: situation.id })}
          >
            <span {...text(situation.name)} />
          </button>
        ))}
      </nav>
      <p className="kiosk-catalog__count" role="status">
        {widened && filterName && (
          <span className="kiosk-catalog__widened">
            {t.searchAllTopics} <span {...text(filterName)} />
          </span>
        )}
        {results.length === 0 ? t.noResults : t.resultsCount(results.length)}
      </p>
      <ul className="kiosk-services" aria-label={t.catalogTitle}>
        {results.map((service) => (
          <li key={service.id}>
            <button type="button" className="kiosk-service" onClick={() => onOpen(service.id)}>
              <span className="kiosk-service__name" {...text(service.name)} />
              <span className="kiosk-service__short" {...text(service.shortText)} />
              {searching && topicOf(service) && (
                <span className="kiosk-service__topic">
                  {t.hitTopic} <span {...text(topicOf(service) ?? { de: '' })} />
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}

/** Until the search index is ready (a few milliseconds after the screen): names containing the words. */
function roughSearch(services: Service[], query: string, locale: string): Service[] {
  const words = fold(query).split(' ').filter(Boolean);
  if (words.length === 0) return services;
  return services.filter((service) => {
    const name = fold(`${localize(service.name, locale).text} ${service.name.de}`);
    return words.every((word) => name.includes(word));
  });
}
