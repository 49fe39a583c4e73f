import { describe, expect, it } from 'vitest';
import { hasEnteredAnything } from './entered.js';

describe('hasEnteredAnything', () => {
  it('is false for a form nothing was typed into', () => {
    expect(hasEnteredAnything({}, 0)).toBe(false);
    expect(hasEnteredAnything({ name: '', address: { street: ' ', city: '' }, kids: [] }, 0)).toBe(false);
    expect(hasEnteredAnything({ name: undefined }, 0)).toBe(false);
  });

  it('is true for any typed, chosen or ticked answer, however deep', () => {
    expect(hasEnteredAnything({ name: 'Ada' }, 0)).toBe(true);
    expect(hasEnteredAnything({ address: { street: 'Lindenweg' } }, 0)).toBe(true);
    expect(hasEnteredAnything({ kids: [{ name: '' }, { name: 'Bo' }] }, 0)).toBe(true);
    expect(hasEnteredAnything({ consent: false }, 0)).toBe(true);
    expect(hasEnteredAnything({ count: 0 }, 0)).toBe(true);
  });

  it('is true when only a photo was taken', () => {
    expect(hasEnteredAnything({}, 1)).toBe(true);
  });
});
