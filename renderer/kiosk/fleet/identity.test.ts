import { describe, expect, it } from 'vitest';
import { SignedTokens } from './identity.js';

/** The hub's token route: each signature gets the next token, after `release()` if held. */
function tokenRoute() {
  let issued = 0;
  let hold: Promise<void> = Promise.resolve();
  let release: () => void = () => undefined;
  const fetchImpl = async () => {
    await hold;
    issued++;
    return Response.json({ token: `token-${issued}`, expiresAt: '2026-11-21T11:00:00.000Z' });
  };
  return {
    fetch: fetchImpl as unknown as typeof fetch,
    get issued() {
      return issued;
    },
    holdNext() {
      hold = new Promise<void>((resolve) => (release = resolve));
    },
    release: () => release(),
  };
}

async function tokens(route: ReturnType<typeof tokenRoute>, now: () => number) {
  const keyPair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ]);
  return new SignedTokens('http://hub.test', { terminalId: 'kiosk-1', keyPair }, now, route.fetch);
}

describe('SignedTokens.renew (a 401 from the hub)', () => {
  it('signs for a new token at once, and refused requests at the same time share one renewal', async () => {
    const route = tokenRoute();
    let clock = 0;
    const signed = await tokens(route, () => clock);
    await signed.refresh();
    expect(signed.current()).toBe('token-1');
    route.holdNext();
    const renewals = [signed.renew('token-1'), signed.renew('token-1'), signed.renew('token-1')];
    route.release();
    expect(await Promise.all(renewals)).toEqual([true, true, true]);
    expect(route.issued).toBe(2);
    expect(signed.current()).toBe('token-2');
    // A request that still carried the old token just tries again with the current one.
    expect(await signed.renew('token-1')).toBe(true);
    expect(route.issued).toBe(2);
    // The new token refused as well (a revoked terminal, say): no renewal loop.
    expect(await signed.renew('token-2')).toBe(false);
    clock += 10_000;
    expect(await signed.renew('token-2')).toBe(true);
    expect(route.issued).toBe(3);
  });
});
