import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { isQuotaExceeded } from './quota.js';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('isQuotaExceeded', () => {
  it('recognises the browser error, plain and as Dexie wraps it', () => {
    expect(isQuotaExceeded(quota())).toBe(true);
    expect(isQuotaExceeded(new Dexie.QuotaExceededError('full'))).toBe(true);
    expect(isQuotaExceeded(new Dexie.AbortError('Transaction aborted', quota()))).toBe(true);
    expect(isQuotaExceeded(new Dexie.BulkError('1 of 2 failed', [quota()]))).toBe(true);
  });

  it('does not take other failures for a full disk', () => {
    expect(isQuotaExceeded(new Dexie.ConstraintError('key exists'))).toBe(false);
    expect(isQuotaExceeded(new Dexie.AbortError('Transaction aborted', new Error('boom')))).toBe(false);
    expect(isQuotaExceeded(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaExceeded(null)).toBe(false);
  });
});
