import { describe, expect, it } from 'vitest';
import { withRecent } from './engine.js';

describe('acknowledgements the page remembers', () => {
  it('keeps the most recent ones up to the cap, the newest last', () => {
    let map: ReadonlyMap<string, number> = new Map();
    for (let i = 1; i <= 5; i++) map = withRecent(map, `id-${i}`, i, 3);
    expect([...map.entries()]).toEqual([
      ['id-3', 3],
      ['id-4', 4],
      ['id-5', 5],
    ]);
    // Acknowledged again (a resend after a lost answer): it becomes the newest, nothing else goes.
    map = withRecent(map, 'id-3', 30, 3);
    expect([...map.keys()]).toEqual(['id-4', 'id-5', 'id-3']);
    expect(map.get('id-3')).toBe(30);
  });
});
