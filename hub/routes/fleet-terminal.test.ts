import { webcrypto } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api.js';
import { FLEET_API, HeartbeatAnswer, tokenChallenge } from '../../protocol/fleet.js';
import { ensureProviderToken } from '../fleet/provider-auth.js';
import { heartbeat, insertTerminals, tokenOf } from '../testing/fleet.js';
import { startTestHub, type TestHub } from '../testing/test-hub.js';

const PROVIDER = { authorization: 'Bearer provider-token-for-tests-0123456789' };
let hub: TestHub;
let clock = new Date('2026-11-21T10:00:00.000Z');

beforeAll(async () => {
  hub = await startTestHub({ now: () => clock });
  await ensureProviderToken(hub.db, 'provider-token-for-tests-0123456789', 'tests', clock);
  await insertTerminals(hub.db, ['t-a', 't-b']);
});
afterAll(() => hub.close());

/** A terminal's key pair as the kiosk makes it: the private half is not extractable. */
async function terminalKey() {
  const pair = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ]);
  const jwk = await webcrypto.subtle.exportKey('jwk', pair.publicKey);
  return { pair, publicKey: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y } };
}

async function newCode(terminalId: string, ttlMinutes = 10): Promise<string> {
  const response = await hub.app.inject({
    method: 'POST',
    url: FLEET_API.enrollmentCodes,
    headers: PROVIDER,
    payload: { terminalId, name: `Terminal ${terminalId}`, ttlMinutes },
  });
  expect(response.statusCode).toBe(201);
  return response.json().code as string;
}

async function tokenFor(terminalId: string, pair: webcrypto.CryptoKeyPair) {
  const signedAt = clock.toISOString();
  const signature = await webcrypto.subtle.sign(
    { name: 'ECDSA', hash: 'SHA-256' },
    pair.privateKey,
    Buffer.from(tokenChallenge(terminalId, signedAt)),
  );
  return hub.app.inject({
    method: 'POST',
    url: FLEET_API.terminalToken,
    payload: { terminalId, signedAt, signature: Buffer.from(signature).toString('base64url') },
  });
}

describe('enrollment', () => {
  it('takes a code once, refuses it the second time, and refuses an expired or unknown code', async () => {
    const code = await newCode('kiosk-bahnhof');
    const { publicKey } = await terminalKey();
    const first = await hub.app.inject({
      method: 'POST',
      url: FLEET_API.enroll,
      payload: { code, publicKey },
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ terminalId: 'kiosk-bahnhof', name: 'Terminal kiosk-bahnhof' });
    const again = await hub.app.inject({
      method: 'POST',
      url: FLEET_API.enroll,
      payload: { code, publicKey },
    });
    expect(again.statusCode).toBe(401);
    expect(again.json().message).toMatch(/already been used/);

    const late = await newCode('kiosk-late', 5);
    clock = new Date(clock.getTime() + 6 * 60_000);
    const expired = await hub.app.inject({
      method: 'POST',
      url: FLEET_API.enroll,
      payload: { code: late, publicKey },
    });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().message).toMatch(/expired/);
    const unknown = await hub.app.inject({
      method: 'POST',
      url: FLEET_API.enroll,
      payload: { code: 'AAAA-BBBB-CCCC', publicKey },
    });
    expect(unknown.json().message).toMatch(/unknown/);
  });

  it('lets only one of two terminals racing with one code in', async () => {
    const code = await newCode('kiosk-race');
    const [a, b] = await Promise.all([terminalKey(), terminalKey()]);
    const answers = await Promise.all(
      [a, b].map((k) =>
        hub.app.inject({ method: 'POST', url: FLEET_API.enroll, payload: { code, publicKey: k.publicKey } }),
      ),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 401]);
  });

  it('authenticates every later request by the key, and refuses a revoked terminal everywhere', async () => {
    const code = await newCode('kiosk-markt');
    const { pair, publicKey } = await terminalKey();
    await hub.app.inject({ method: 'POST', url: FLEET_API.enroll, payload: { code, publicKey } });

    const stranger = await terminalKey();
    expect((await tokenFor('kiosk-markt', stranger.pair)).statusCode).toBe(401);

    const issued = await tokenFor('kiosk-markt', pair);
    expect(issued.statusCode).toBe(200);
    const auth = { authorization: `Bearer ${issued.json().token as string}` };
    const beat = await hub.app.inject({
      method: 'POST',
      url: FLEET_API.heartbeat,
      headers: auth,
      payload: heartbeat(),
    });
    expect(beat.statusCode).toBe(200);
    expect((await hub.app.inject({ method: 'GET', url: API.content, headers: auth })).statusCode).toBe(200);

    const forged = {
      authorization: `Bearer ${(issued.json().token as string).replace('kiosk-markt', 'kiosk-bahnhof')}`,
    };
    expect(
      (
        await hub.app.inject({
          method: 'POST',
          url: FLEET_API.heartbeat,
          headers: forged,
          payload: heartbeat(),
        })
      ).statusCode,
    ).toBe(401);

    const revoke = await hub.app.inject({
      method: 'POST',
      url: FLEET_API.revoke('kiosk-markt'),
      headers: PROVIDER,
      payload: {},
    });
    expect(revoke.statusCode).toBe(204);
    expect(
      (
        await hub.app.inject({
          method: 'POST',
          url: FLEET_API.heartbeat,
          headers: auth,
          payload: heartbeat(),
        })
      ).statusCode,
    ).toBe(401);
    expect((await hub.app.inject({ method: 'GET', url: API.content, headers: auth })).statusCode).toBe(401);
    expect(
      (await hub.app.inject({ method: 'GET', url: FLEET_API.terminalConfig, headers: auth })).statusCode,
    ).toBe(401);
    expect((await tokenFor('kiosk-markt', pair)).statusCode).toBe(401);
    const reenroll = await hub.app.inject({
      method: 'POST',
      url: FLEET_API.enrollmentCodes,
      headers: PROVIDER,
      payload: { terminalId: 'kiosk-markt', name: 'again' },
    });
    expect(reenroll.statusCode).toBe(409);
  });

  it('refuses terminal routes without authentication', async () => {
    for (const [method, url] of [
      ['POST', FLEET_API.heartbeat],
      ['GET', FLEET_API.terminalConfig],
      ['POST', FLEET_API.commandResult('8d1c7f4e-7a4a-4b39-9d7e-1f0e6f1b1a11')],
    ] as const) {
      const response = await hub.app.inject({ method, url, payload: method === 'POST' ? {} : undefined });
      expect(response.statusCode, url).toBe(401);
    }
  });
});

describe('remote commands', () => {
  const as = (id: string) => ({ authorization: `Bearer ${tokenOf(id)}` });
  const beat = async (id: string) =>
    HeartbeatAnswer.parse(
      (
        await hub.app.inject({
          method: 'POST',
          url: FLEET_API.heartbeat,
          headers: as(id),
          payload: heartbeat(),
        })
      ).json(),
    );

  it('are handed out once on the heartbeat, answered only by their terminal, and expire', async () => {
    const created = await hub.app.inject({
      method: 'POST',
      url: FLEET_API.terminalCommands('t-a'),
      headers: PROVIDER,
      payload: { kind: 'collect_logs', ttlSeconds: 60 },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect((await beat('t-b')).commands).toEqual([]);
    const first = await beat('t-a');
    expect(first.commands).toEqual([expect.objectContaining({ id, kind: 'collect_logs' })]);
    expect((await beat('t-a')).commands).toEqual([]);

    const result = { ok: true, message: 'logs attached', output: 'line 1\nline 2' };
    const foreign = await hub.app.inject({
      method: 'POST',
      url: FLEET_API.commandResult(id),
      headers: as('t-b'),
      payload: result,
    });
    expect(foreign.statusCode).toBe(404);
    const own = await hub.app.inject({
      method: 'POST',
      url: FLEET_API.commandResult(id),
      headers: as('t-a'),
      payload: result,
    });
    expect(own.statusCode).toBe(204);

    const stale = await hub.app.inject({
      method: 'POST',
      url: FLEET_API.terminalCommands('t-b'),
      headers: PROVIDER,
      payload: { kind: 'restart', ttlSeconds: 10 },
    });
    clock = new Date(clock.getTime() + 11_000);
    expect((await beat('t-b')).commands).toEqual([]);
    const list = (await hub.app.inject({ method: 'GET', url: FLEET_API.commands, headers: PROVIDER })).json()
      .commands as {
      id: string;
      status: string;
      result: string | null;
    }[];
    expect(list.find((c) => c.id === id)).toMatchObject({
      status: 'done',
      result: 'logs attached\n\nline 1\nline 2',
    });
    expect(list.find((c) => c.id === stale.json().id)).toMatchObject({ status: 'expired' });
  });
});
