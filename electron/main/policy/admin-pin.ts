import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { ADMIN_PIN_PATTERN } from '../../../protocol/bridge.js';

/**
 * The admin exit's PIN is stored as a scrypt hash in the config, never as the PIN: the config
 * sits on the terminal's disk and travels through the provider's rollout. Comparison is in
 * constant time, and wrong attempts lock the exit for a while (a four-digit PIN is guessed in
 * 10,000 tries; the lock makes that take weeks).
 */
const PREFIX = 'scrypt';
const DEFAULT_COST = { N: 16_384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(pin: string, salt: Buffer, options: ScryptOptions, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, length, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashAdminPin(pin: string): Promise<string> {
  if (!ADMIN_PIN_PATTERN.test(pin)) throw new Error('the admin PIN must be 4 to 12 digits');
  const salt = randomBytes(16);
  const key = await derive(pin, salt, DEFAULT_COST, KEY_LENGTH);
  const { N, r, p } = DEFAULT_COST;
  return [PREFIX, N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True only for the right PIN; a malformed PIN or hash is simply wrong, never an exception. */
export async function verifyAdminPin(pin: unknown, storedHash: string): Promise<boolean> {
  if (typeof pin !== 'string' || !ADMIN_PIN_PATTERN.test(pin)) return false;
  const [prefix, n, r, p, saltText, keyText, ...rest] = storedHash.split('$');
  if (prefix !== PREFIX || rest.length > 0 || saltText === undefined || keyText === undefined) return false;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (![cost.N, cost.r, cost.p].every(Number.isSafeInteger)) return false;
  const expected = Buffer.from(keyText, 'base64url');
  if (expected.length < 16) return false;
  try {
    const actual = await derive(pin, Buffer.from(saltText, 'base64url'), cost, expected.length);
    return timingSafeEqual(actual, expected);
  } catch {
    return false;
  }
}

/** Wrong PINs allowed before the exit locks. */
export const ADMIN_EXIT_MAX_FAILURES = 5;
export const ADMIN_EXIT_LOCK_MS = 15 * 60 * 1000;

export interface AdminExitLock {
  failures: number;
  lockedUntil: number;
}

export const INITIAL_ADMIN_EXIT_LOCK: AdminExitLock = { failures: 0, lockedUntil: 0 };

export function isAdminExitLocked(lock: AdminExitLock, now: number): boolean {
  return now < lock.lockedUntil;
}

export function afterAdminExitFailure(lock: AdminExitLock, now: number): AdminExitLock {
  const failures = lock.failures + 1;
  if (failures < ADMIN_EXIT_MAX_FAILURES) return { failures, lockedUntil: 0 };
  return { failures: 0, lockedUntil: now + ADMIN_EXIT_LOCK_MS };
}
