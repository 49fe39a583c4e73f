import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, TEST_TERMINAL, type TestHub } from '../testing/test-hub.js';
import { terminalAuth } from './terminal-auth.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

/** Stands in for the fleet's signed-token check: "t1.<id>" names a terminal. */
const verifier = { verify: (token: string) => (token.startsWith('t1.ok.') ? token.slice(6) : null) };

describe('terminalForToken (HTTP routes and signaling sockets share it)', () => {
  it('knows installation tokens and enrolled terminals’ signed tokens', async () => {
    const auth = terminalAuth(hub.db, verifier);
    expect(await auth.terminalForToken(TEST_TERMINAL.token)).toMatchObject({ id: TEST_TERMINAL.id });
    expect(await auth.terminalForToken(`t1.ok.${TEST_TERMINAL.id}`)).toMatchObject({ id: TEST_TERMINAL.id });
    expect(await auth.terminalForToken('t1.bad')).toBeUndefined();
    expect(await auth.terminalForToken('no-such-token-0123456789')).toBeUndefined();
  });

  it('refuses a revoked terminal with either kind of token, at once', async () => {
    const auth = terminalAuth(hub.db, verifier);
    await hub.db
      .updateTable('terminals')
      .set({ revoked_at: '2026-11-21T00:00:00Z' })
      .where('id', '=', TEST_TERMINAL.id)
      .execute();
    try {
      expect(await auth.terminalForToken(TEST_TERMINAL.token)).toBeUndefined();
      expect(await auth.terminalForToken(`t1.ok.${TEST_TERMINAL.id}`)).toBeUndefined();
    } finally {
      await hub.db
        .updateTable('terminals')
        .set({ revoked_at: null })
        .where('id', '=', TEST_TERMINAL.id)
        .execute();
    }
  });
});
