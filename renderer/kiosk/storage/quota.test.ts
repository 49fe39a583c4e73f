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

  it('recognises what Chromium 156 throws when an origin’s real quota is used up (empty message)', () => {
    // Seen in tests/e2e/storage-quota.spec.ts on a 64 MiB disk: transaction.error is this DOMException.
    const real = new DOMException('', 'QuotaExceededError');
    expect(isQuotaExceeded(real)).toBe(true);
    expect(isQuotaExceeded(new Dexie.AbortError('Transaction aborted', real))).toBe(true);
  });

  it('recognises the disk itself running full before the quota (Chromium 156, LevelDB out of space)', () => {
    const diskFull = new DOMException(
      'Connection is closing because of: IO error: .../http_127.0.0.1_18603.indexeddb.leveldb/000003.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)',
      'UnknownError',
    );
    expect(isQuotaExceeded(diskFull)).toBe(true);
    expect(isQuotaExceeded(new Dexie.AbortError('Transaction aborted', diskFull))).toBe(true);
    expect(isQuotaExceeded(new DOMException('Internal error.', 'UnknownError'))).toBe(false);
  });

  it('does not take other failures for a full disk', () => {
    expect(isQuotaExceeded(new Dexie.ConstraintError('key exists'))).toBe(false);
    expect(isQuotaExceeded(new Dexie.AbortError('Transaction aborted', new Error('boom')))).toBe(false);
    expect(isQuotaExceeded(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaExceeded(null)).toBe(false);
  });
});
