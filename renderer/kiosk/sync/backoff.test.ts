import { describe, expect, it } from 'vitest';
import { HttpError } from '../../shared/http.js';
import { classifyFailure, retryDelayMs } from './backoff.js';

describe('retryDelayMs', () => {
  it('grows exponentially up to the cap', () => {
    const max = () => 0.999_999;
    expect(retryDelayMs(0, max)).toBe(999);
    expect(retryDelayMs(3, max)).toBe(7_999);
    expect(retryDelayMs(20, max)).toBe(299_999);
    expect(retryDelayMs(10_000, max)).toBe(299_999);
  });

  it('uses full jitter: anything from zero to the ceiling', () => {
    expect(retryDelayMs(5, () => 0)).toBe(0);
    expect(retryDelayMs(5, () => 0.5)).toBe(16_000);
  });
});

describe('classifyFailure', () => {
  it.each([
    [0, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
    [408, 'retry'],
    [429, 'retry'],
    [401, 'retry'],
    [400, 'quarantine'],
    [409, 'quarantine'],
    [413, 'quarantine'],
    [422, 'quarantine'],
  ] as const)('status %i -> %s', (status, action) => {
    expect(classifyFailure(new HttpError(status, 'x', 'x'))).toBe(action);
  });

  it('retries unknown errors (a bug must not drop an application)', () => {
    expect(classifyFailure(new TypeError('boom'))).toBe('retry');
  });
});
