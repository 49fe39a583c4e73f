import { describe, expect, it } from 'vitest';
import type { Logger } from '../log.js';
import { ADMIN_EXIT_LOCK_MS, ADMIN_EXIT_MAX_FAILURES, hashAdminPin } from '../policy/admin-pin.js';
import { createAdminExit } from './admin-exit.js';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const pinHash = await hashAdminPin('2468');

describe('createAdminExit', () => {
  it('quits only for the right PIN', async () => {
    let quits = 0;
    const exit = createAdminExit({ pinHash, now: () => 0, quit: () => (quits += 1), log: quiet });
    expect(await exit('1357')).toBe('wrong-pin');
    expect(quits).toBe(0);
    expect(await exit('2468')).toBe('exiting');
    expect(quits).toBe(1);
  });

  it('locks after repeated failures, even for the right PIN, until the lock ends', async () => {
    let now = 0;
    let quits = 0;
    const exit = createAdminExit({ pinHash, now: () => now, quit: () => (quits += 1), log: quiet });
    const answers = [];
    for (let i = 0; i < ADMIN_EXIT_MAX_FAILURES; i += 1) answers.push(await exit('0000'));
    expect(answers.at(-1)).toBe('locked');
    expect(await exit('2468')).toBe('locked');
    now += ADMIN_EXIT_LOCK_MS;
    expect(await exit('2468')).toBe('exiting');
    expect(quits).toBe(1);
  });

  it('is unavailable without a configured PIN hash', async () => {
    const exit = createAdminExit({ pinHash: undefined, now: () => 0, quit: () => undefined, log: quiet });
    expect(await exit('2468')).toBe('unavailable');
  });
});
