import { randomFillSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TRACKING_CODE_PATTERN, makeTrackingCode, normalizeTrackingCode } from './tracking-code.js';

describe('tracking codes', () => {
  it('look like XXXX-XXXX-XXXX in Crockford base32', () => {
    for (let i = 0; i < 200; i++) {
      expect(makeTrackingCode((b) => randomFillSync(b))).toMatch(TRACKING_CODE_PATTERN);
    }
  });

  it('do not repeat in 10,000 draws', () => {
    const codes = new Set(Array.from({ length: 10_000 }, () => makeTrackingCode((b) => randomFillSync(b))));
    expect(codes.size).toBe(10_000);
  });

  it('accept what a person types', () => {
    expect(normalizeTrackingCode('ab1o 2cde-fg3i')).toBe('AB10-2CDE-FG31');
    expect(normalizeTrackingCode('ab1o2cdefg3l')).toMatch(TRACKING_CODE_PATTERN);
  });
});
