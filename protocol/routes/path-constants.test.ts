import { describe, expect, it } from 'vitest';
import { API } from '../api.js';
import { CALL_API } from '../calls.js';
import { FLEET_API } from '../fleet.js';
import { QUARANTINE_API } from '../quarantine.js';
import { allRoutes, pathOf } from './index.js';

const patterns = allRoutes().map(({ route }) => route.path);
const matchers = patterns.map((path) => new RegExp(`^${path.replace(/:[A-Za-z]+/g, '[^/]+')}$`));

/** What a constant names: a path, or the path a builder makes of sample arguments. */
function sample(value: string | ((...args: never[]) => string)): string {
  if (typeof value === 'string') return value;
  const args = Array.from({ length: value.length }, (_, i) => (i === 0 ? 7 : `a${i}`)) as never[];
  return (value as (...args: never[]) => string)(...args);
}

describe('the older path constants', () => {
  const tables = { API, CALL_API, FLEET_API, QUARANTINE_API };
  for (const [table, entries] of Object.entries(tables)) {
    it(`${table} names only routes of the contract`, () => {
      for (const [name, value] of Object.entries(entries)) {
        const path = sample(value as string | ((...args: never[]) => string));
        const known = patterns.includes(path) || matchers.some((matcher) => matcher.test(path));
        expect(known, `${table}.${name} = ${path} is not a route of protocol/routes`).toBe(true);
      }
    });
  }
});

describe('pathOf', () => {
  it('fills and encodes the parameters, and refuses a missing one', () => {
    expect(
      pathOf('/api/v1/clerk/submissions/:id/attachments/:attachmentId', { id: 'a b', attachmentId: 'c/d' }),
    ).toBe('/api/v1/clerk/submissions/a%20b/attachments/c%2Fd');
    expect(() => pathOf('/api/v1/provider/releases/:version')).toThrow(/needs the parameter version/);
  });
});
