import { webcrypto } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProviderKey } from '../../kiosk-config/fleet/keys.js';
import { API } from '../../protocol/api.js';
import { FLEET_API, HeartbeatAnswer, tokenChallenge } from '../../protocol/fleet.js';
import { buildHub } from '../server.js';
import { exampleFleet, heartbeat, signedRelease, terminalName, testProviderKeys } from '../testing/fleet.js';
import { startTestHub, type TestHub } from '../testing/test-hub.js';
import { ensureProviderToken } from './provider-auth.js';
import { listTokenSecrets, retireTokenSecret, rotateTokenSecret } from './token-secrets.js';

/**
 * Two hubs on one database stand for two instances behind a balancer: nothing one of them keeps
 * in memory may decide what the other answers.
 */
const PROVIDER_TOKEN = 'provider-token-for-shared-state-0123456789';
const provider = { authorization: `Bearer ${PROVIDER_TOKEN}` };
let clock = new Date('2026-11-21T10:00:00.000Z');
let a: TestHub;
let b: FastifyInstance;
let pair: webcrypto.CryptoKeyPair;
const terminalId = terminalName(0);

beforeAll(async () => {
  a = await startTestHub({ now: () => clock });
  b = buildHub({
    db: a.db,
    staticDir: join(a.dataDir, 'no-static-build'),
    checkAnswers: true,
    providerKeys: testProviderKeys,
    now: () => clock,
  });
  await b.ready();
  await ensureProviderToken(a.db, PROVIDER_TOKEN, 'tests', clock);
  pair = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ]);
  const jwk = await webcrypto.subtle.exportKey('jwk', pair.publicKey);
  const code = await a.app.inject({
    method: 'POST',
    url: FLEET_API.enrollmentCodes,
    headers: provider,
    payload: { terminalId, name: 'Dorfladen', ttlMinutes: 10 },
  });
  const enrolled = await b.inject({
    method: 'POST',
    url: FLEET_API.enroll,
    payload: { code: code.json().code as string, publicKey: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y } },
  });
  expect(enrolled.statusCode).toBe(201);
});
afterAll(async () => {
  await b.close();
  await a.close();
});

async function tokenFrom(hub: FastifyInstance): Promise<string> {
  const signedAt = clock.toISOString();
  const signature = await webcrypto.subtle.sign(
    { name: 'ECDSA', hash: 'SHA-256' },
    pair.privateKey,
    Buffer.from(tokenChallenge(terminalId, signedAt)),
  );
  const response = await hub.inject({
    method: 'POST',
    url: FLEET_API.terminalToken,
    payload: { terminalId, signedAt, signature: Buffer.from(signature).toString('base64url') },
  });
  expect(response.statusCode).toBe(200);
  return response.json().token as string;
}

function beat(hub: FastifyInstance, token: string, heartbeatSeconds = 30) {
  return hub.inject({
    method: 'POST',
    url: FLEET_API.heartbeat,
    headers: { authorization: `Bearer ${token}` },
    payload: heartbeat({ heartbeatSeconds }),
  });
}

describe('two hub instances on one database', () => {
  it('accept each other’s terminal tokens, and old tokens after a rotation until retired', async () => {
    const fromA = await tokenFrom(a.app);
    expect((await beat(b, fromA)).statusCode).toBe(200);
    expect((await beat(a.app, fromA)).statusCode).toBe(200);

    const [before] = await listTokenSecrets(a.db);
    // Secrets are ordered by the wall clock they were made at; the first came with the migration.
    const rotated = await rotateTokenSecret(a.db, new Date());
    const fromB = await tokenFrom(b);
    expect(fromB.split('.')[1]).toBe(rotated.id);
    expect(fromA.split('.')[1]).toBe(before?.id);
    expect((await beat(a.app, fromB)).statusCode).toBe(200);
    expect((await beat(b, fromA)).statusCode).toBe(200);

    await expect(retireTokenSecret(a.db, rotated.id, clock)).rejects.toThrow(/current one/);
    await retireTokenSecret(a.db, before?.id ?? '', clock);
    expect((await beat(a.app, fromA)).statusCode).toBe(401);
    expect((await beat(b, fromA)).statusCode).toBe(401);
    expect((await beat(b, fromB)).statusCode).toBe(200);
  });

  it('hand a command queued through one to a terminal heartbeating to the other, once', async () => {
    const token = await tokenFrom(a.app);
    expect(HeartbeatAnswer.parse((await beat(b, token)).json()).commands).toEqual([]);
    const queued = await a.app.inject({
      method: 'POST',
      url: FLEET_API.terminalCommands(terminalId),
      headers: provider,
      payload: { kind: 'reload' },
    });
    expect(queued.statusCode).toBe(201);
    const first = HeartbeatAnswer.parse((await beat(b, token)).json());
    expect(first.commands.map((c) => c.kind)).toEqual(['reload']);
    expect(HeartbeatAnswer.parse((await beat(a.app, token)).json()).commands).toEqual([]);
    expect(HeartbeatAnswer.parse((await beat(b, token)).json()).commands).toEqual([]);
  });

  it('serve a release published through the other, after each had read the releases', async () => {
    const token = await tokenFrom(a.app);
    expect(HeartbeatAnswer.parse((await beat(b, token)).json()).configVersion).toBeNull();
    const config = () =>
      b.inject({
        method: 'GET',
        url: FLEET_API.terminalConfig,
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await config()).statusCode).toBe(404);
    const release = await signedRelease(exampleFleet(1), await generateProviderKey('shared'), 1, clock);
    const publish = await a.app.inject({
      method: 'POST',
      url: FLEET_API.releases,
      headers: provider,
      payload: { release, rollout: { terminals: [terminalId] } },
    });
    expect(publish.statusCode).toBe(201);
    expect(HeartbeatAnswer.parse((await beat(b, token)).json()).configVersion).toBe(1);
    expect((await config()).statusCode).toBe(200);
  });

  it('count 40 s online as 40 s when heartbeats alternate between them', async () => {
    const start = new Date('2026-11-22T08:00:00.000Z');
    clock = start;
    const token = await tokenFrom(a.app);
    for (let i = 0; i <= 4; i++) {
      clock = new Date(start.getTime() + i * 10_000);
      expect((await beat(i % 2 === 0 ? a.app : b, token, 10)).statusCode).toBe(200);
      // Each instance writes its buffer every second, far more often than a terminal heartbeats.
      await a.app.inject({ method: 'GET', url: FLEET_API.stats, headers: provider });
      await b.inject({ method: 'GET', url: FLEET_API.stats, headers: provider });
    }
    const day = await a.db
      .selectFrom('terminal_daily')
      .select('online_seconds')
      .where('terminal_id', '=', terminalId)
      .where('day', '=', '2026-11-22')
      .executeTakeFirstOrThrow();
    expect(day.online_seconds).toBe(40);
  });

  it('count tracking-code lookups of one terminal together', async () => {
    const token = await tokenFrom(a.app);
    const lookup = (hub: FastifyInstance) =>
      hub.inject({
        method: 'GET',
        url: API.trackingStatus('AAAA-BBBB-CCCC'),
        headers: { authorization: `Bearer ${token}` },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await lookup(i % 2 === 0 ? a.app : b)).statusCode);
    expect(statuses.every((s) => s === 404)).toBe(true);
    expect((await lookup(a.app)).statusCode).toBe(429);
    expect((await lookup(b)).statusCode).toBe(429);
  });
});
