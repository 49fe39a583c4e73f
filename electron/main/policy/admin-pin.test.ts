import { describe, expect, it } from 'vitest';
import { ADMIN_PIN_HASH_PATTERN } from '../../../kiosk-config/shell.js';
import {
  ADMIN_EXIT_LOCK_MS,
  ADMIN_EXIT_MAX_FAILURES,
  INITIAL_ADMIN_EXIT_LOCK,
  afterAdminExitFailure,
  hashAdminPin,
  isAdminExitLocked,
  verifyAdminPin,
} from './admin-pin.js';

describe('admin PIN', () => {
  it('stores a salted scrypt hash the config schema accepts, never the PIN', async () => {
    const hash = await hashAdminPin('482913');
    expect(hash).toMatch(ADMIN_PIN_HASH_PATTERN);
    expect(hash).not.toContain('482913');
    expect(await hashAdminPin('482913')).not.toBe(hash);
  });

  it('accepts the right PIN and refuses every other input', async () => {
    const hash = await hashAdminPin('482913');
    expect(await verifyAdminPin('482913', hash)).toBe(true);
    for (const wrong of ['482914', '48291', '4829130', '', 'abcdef', 482913, null, '482913 '])
      expect(await verifyAdminPin(wrong, hash)).toBe(false);
  });

  it('treats a broken hash as a wrong PIN, not as an error', async () => {
    for (const broken of ['', 'plain-1234', 'scrypt$x$8$1$abc$def', 'scrypt$16384$8$1$c2FsdA$c2hvcnQ'])
      expect(await verifyAdminPin('1234', broken)).toBe(false);
  });
});

describe('admin exit lock', () => {
  it('locks after repeated wrong PINs and opens again later', () => {
    let lock = INITIAL_ADMIN_EXIT_LOCK;
    for (let i = 1; i < ADMIN_EXIT_MAX_FAILURES; i += 1) {
      lock = afterAdminExitFailure(lock, 1000);
      expect(isAdminExitLocked(lock, 1000)).toBe(false);
    }
    lock = afterAdminExitFailure(lock, 1000);
    expect(isAdminExitLocked(lock, 1000)).toBe(true);
    expect(isAdminExitLocked(lock, 1000 + ADMIN_EXIT_LOCK_MS)).toBe(false);
  });
});
