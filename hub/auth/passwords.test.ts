import { describe, expect, it } from 'vitest';
import { BusyError } from './concurrency-limit.js';
import { dummyPasswordHash, hashPassword, passwordHashing, verifyPassword } from './passwords.js';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('lindenau-demo');
    expect(await verifyPassword('lindenau-demo', hash)).toBe(true);
    expect(await verifyPassword('lindenau-dem0', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('stores a self-describing string with a fresh salt each time', async () => {
    const a = await hashPassword('same');
    const b = await hashPassword('same');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('same');
  });

  it('answers false, without throwing, for hashes it cannot read', async () => {
    const good = await hashPassword('pw');
    const [, , , , salt, key] = good.split('$');
    for (const broken of [
      '',
      'plain-text-password',
      `bcrypt$32768$8$1$${salt}$${key}`,
      `scrypt$1000$8$1$${salt}$${key}`, // N not a power of two
      `scrypt$${2 ** 24}$8$1$${salt}$${key}`, // N far too costly
      `scrypt$32768$8$1$$${key}`, // no salt
      `scrypt$32768$8$1$${salt}$`, // no key
    ]) {
      expect(await verifyPassword('pw', broken), broken).toBe(false);
    }
  });

  it('has a dummy hash that no ordinary password matches, made once', async () => {
    const dummy = await dummyPasswordHash();
    expect(await dummyPasswordHash()).toBe(dummy);
    expect(await verifyPassword('lindenau-demo', dummy)).toBe(false);
  });
});

describe('bounded hashing', () => {
  it('runs one scrypt at a time however many logins arrive together', async () => {
    const hash = await hashPassword('right');
    passwordHashing.resetPeak();
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) => verifyPassword(`wrong-${i}`, hash)),
    );
    expect(results.every((ok) => !ok)).toBe(true);
    expect(passwordHashing.peak).toBe(1);
    expect(passwordHashing.running).toBe(0);
  });

  it('refuses hashing beyond the queue instead of piling it up', async () => {
    const hash = await hashPassword('right');
    const flood = Array.from({ length: 1 + passwordHashing.maxWaiting + 3 }, () =>
      verifyPassword('wrong', hash).then(
        () => 'done',
        (error: unknown) => (error instanceof BusyError ? 'busy' : 'other'),
      ),
    );
    const outcomes = await Promise.all(flood);
    expect(outcomes.filter((o) => o === 'done')).toHaveLength(1 + passwordHashing.maxWaiting);
    expect(outcomes.filter((o) => o === 'busy')).toHaveLength(3);
  });
});
