import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { parseRoute, routeHref, type Route } from '../route.js';

interface HistoryMark {
  openedFromList?: boolean;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function readHash(): string {
  return window.location.hash;
}

export interface HashRoute {
  route: Route;
  /** Goes to a route with a new history entry. */
  navigate: (route: Route) => void;
  /**
   * Returns to the list. When the detail was opened from the list this steps back in history, so the
   * browser's Back button and ours agree; after a reload on a detail there is no list entry to go back to.
   */
  backToList: () => void;
}

/** The current route from the URL hash. */
export function useHashRoute(): HashRoute {
  // Subscribing to the hash string (not a parsed object) keeps the snapshot stable between renders.
  const hash = useSyncExternalStore(subscribe, readHash);

  useEffect(() => {
    let previous = window.location.hash;
    const markEntry = () => {
      if (parseRoute(previous).view === 'list' && parseRoute(window.location.hash).view === 'detail') {
        const mark: HistoryMark = { openedFromList: true };
        window.history.replaceState(mark, '');
      }
      previous = window.location.hash;
    };
    window.addEventListener('hashchange', markEntry);
    return () => window.removeEventListener('hashchange', markEntry);
  }, []);

  const navigate = useCallback((route: Route) => {
    window.location.hash = routeHref(route);
  }, []);

  const backToList = useCallback(() => {
    const mark = window.history.state as HistoryMark | null;
    if (mark?.openedFromList) window.history.back();
    else window.location.hash = routeHref({ view: 'list' });
  }, []);

  return { route: parseRoute(hash), navigate, backToList };
}
