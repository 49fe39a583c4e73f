import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from './route.js';

describe('parseRoute', () => {
  it('treats an empty or unknown hash as the list', () => {
    expect(parseRoute('')).toEqual({ view: 'list' });
    expect(parseRoute('#/')).toEqual({ view: 'list' });
    expect(parseRoute('#/elsewhere')).toEqual({ view: 'list' });
    expect(parseRoute('#/submissions/')).toEqual({ view: 'list' });
  });

  it('reads a submission id', () => {
    const id = '0b9e5f1e-7f4a-4d3c-9a57-4d2b8f6c1a20';
    expect(parseRoute(`#/submissions/${id}`)).toEqual({ view: 'detail', id });
    expect(parseRoute(`#/submissions/${id}/`)).toEqual({ view: 'detail', id });
  });

  it('falls back to the list on a malformed escape', () => {
    expect(parseRoute('#/submissions/%E0%A4%A')).toEqual({ view: 'list' });
  });

  it('round-trips through routeHref', () => {
    const route = { view: 'detail', id: 'a b/c' } as const;
    expect(parseRoute(routeHref(route))).toEqual(route);
    expect(parseRoute(routeHref({ view: 'list' }))).toEqual({ view: 'list' });
  });
});
