/** The console's views. The URL hash holds them, so a reload keeps the view and Back works. */
export type Route = { view: 'list' } | { view: 'detail'; id: string };

const DETAIL = /^#\/submissions\/([^/?#]+)\/?$/;

/** Reads a location hash; anything unknown is the list, the console's home. */
export function parseRoute(hash: string): Route {
  const match = DETAIL.exec(hash);
  if (match?.[1]) {
    try {
      return { view: 'detail', id: decodeURIComponent(match[1]) };
    } catch {
      return { view: 'list' };
    }
  }
  return { view: 'list' };
}

/** The href (a hash) of a route, for links and for navigation. */
export function routeHref(route: Route): string {
  return route.view === 'detail' ? `#/submissions/${encodeURIComponent(route.id)}` : '#/';
}
