import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api.js';
import { ApiError } from '../../protocol/errors.js';
import { FLEET_API, PROVIDER_COOKIE } from '../../protocol/fleet.js';
import { migrateToLatest } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import type { HubKysely } from '../db/schema.js';
import { createEnrollmentCode } from '../fleet/enrollment.js';
import { ensureProviderToken, PROVIDER_SESSION_SECONDS } from '../fleet/provider-auth.js';
import { seedIfEmpty } from '../seed/seed.js';
import { buildHub } from '../server.js';
import { startTestHub, testSeed } from '../testing/test-hub.js';

const TOKEN = 'provider-token-for-session-tests-0123';
const PROXY = '10.0.0.1';
const LIMITS = { perAddress: { max: 8, windowSeconds: 600 }, perCredential: { max: 3, windowSeconds: 600 } };
const start = new Date('2026-11-21T10:00:00.000Z');

interface Backend {
  app: FastifyInstance;
  db: HubKysely;
  clock: { now: Date };
  close(): Promise<void>;
}

const options = (clock: { now: Date }) => ({
  now: () => clock.now,
  trustProxy: PROXY,
  rateLimits: LIMITS,
});

async function onSqlite(): Promise<Backend> {
  const clock = { now: start };
  const hub = await startTestHub(options(clock));
  return { app: hub.app, db: hub.db, clock, close: () => hub.close() };
}

const pgUrl = process.env['POP_TEST_POSTGRES_URL'];
async function onPostgres(): Promise<Backend> {
  const clock = { now: start };
  const schema = `pop_sessions_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(pgUrl ?? '');
  url.searchParams.set('options', `-c search_path=${schema}`);
  const dataDir = await mkdtemp(join(tmpdir(), 'pop-pg-sessions-'));
  const { db } = openDatabase({ dataDir, databaseUrl: url.toString() });
  await migrateToLatest(db);
  await seedIfEmpty(db, testSeed);
  const app = buildHub({ db, staticDir: join(dataDir, 'none'), ...options(clock) });
  await app.ready();
  return {
    app,
    db,
    clock,
    async close() {
      await app.close();
      await db.destroy();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
if (!pgUrl)
  console.log('PostgreSQL session tests skipped: set POP_TEST_POSTGRES_URL=postgres://... to run them.');

const backends = [
  { name: 'SQLite', open: onSqlite, skip: false },
  { name: 'PostgreSQL', open: onPostgres, skip: !pgUrl },
];

describe.each(backends)('fleet console sessions and rate limits on $name', ({ open, skip }) => {
  let hub: Backend;
  // Every test speaks from its own address, so the per-address counters do not add up across tests.
  let address = 0;
  const nextAddress = () => `192.0.2.${++address}`;

  beforeAll(async () => {
    if (skip) return;
    hub = await open();
    await ensureProviderToken(hub.db, TOKEN, 'tests', start);
  });
  afterAll(async () => {
    if (!skip) await hub.close();
  });

  const login = (token: string, remoteAddress: string, headers: Record<string, string> = {}) =>
    hub.app.inject({
      method: 'POST',
      url: FLEET_API.providerLogin,
      payload: { token },
      remoteAddress,
      headers,
    });
  const overview = (cookie: string) =>
    hub.app.inject({
      method: 'GET',
      url: FLEET_API.terminals,
      headers: { cookie: `${PROVIDER_COOKIE}=${cookie}` },
    });

  it.skipIf(skip)(
    'gives the console an opaque session id, never the API token, and ends it at logout',
    async () => {
      const response = await login(TOKEN, nextAddress());
      expect(response.statusCode).toBe(204);
      const cookie = response.cookies.find((c) => c.name === PROVIDER_COOKIE);
      if (!cookie) throw new Error('no session cookie');
      expect(cookie.value).not.toBe(TOKEN);
      expect(cookie.value).not.toContain(TOKEN.slice(0, 10));
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/provider' });
      expect(cookie.secure).toBeFalsy(); // plain HTTP
      expect(cookie.maxAge).toBe(PROVIDER_SESSION_SECONDS);
      expect((await overview(cookie.value)).statusCode).toBe(200);
      // The old scheme's cookie (the token itself) opens nothing any more.
      expect((await overview(TOKEN)).statusCode).toBe(401);
      const rows = await hub.db.selectFrom('provider_sessions').select('session_hash').execute();
      expect(JSON.stringify(rows)).not.toContain(cookie.value); // stored hashed

      const logout = await hub.app.inject({
        method: 'POST',
        url: FLEET_API.providerLogout,
        headers: { cookie: `${PROVIDER_COOKIE}=${cookie.value}` },
        payload: {},
      });
      expect(logout.statusCode).toBe(204);
      expect((await overview(cookie.value)).statusCode).toBe(401);
    },
  );

  it.skipIf(skip)('sets Secure behind a trusted TLS proxy, and lets a session expire', async () => {
    const response = await login(TOKEN, PROXY, {
      'x-forwarded-proto': 'https',
      'x-forwarded-for': nextAddress(),
    });
    const cookie = response.cookies.find((c) => c.name === PROVIDER_COOKIE);
    expect(cookie?.secure).toBe(true);
    expect((await overview(cookie?.value ?? '')).statusCode).toBe(200);
    hub.clock.now = new Date(start.getTime() + (PROVIDER_SESSION_SECONDS + 1) * 1000);
    try {
      expect((await overview(cookie?.value ?? '')).statusCode).toBe(401);
    } finally {
      hub.clock.now = start;
    }
  });

  it.skipIf(skip)('ends the sessions of a revoked token', async () => {
    const other = 'provider-token-to-be-revoked-012345678';
    await ensureProviderToken(hub.db, other, 'revoked', start);
    const cookie = (await login(other, nextAddress())).cookies.find((c) => c.name === PROVIDER_COOKIE);
    expect((await overview(cookie?.value ?? '')).statusCode).toBe(200);
    await hub.db
      .updateTable('provider_tokens')
      .set({ revoked_at: start.toISOString() })
      .where('name', '=', 'revoked')
      .execute();
    expect((await overview(cookie?.value ?? '')).statusCode).toBe(401);
  });

  it.skipIf(skip)(
    'limits login attempts per credential with 429 and Retry-After, from any address',
    async () => {
      const from = nextAddress();
      const guess = 'a-wrong-provider-token-000000000000';
      for (let i = 0; i < LIMITS.perCredential.max; i++)
        expect((await login(guess, from)).statusCode).toBe(401);
      const limited = await login(guess, nextAddress()); // another address: the credential counts
      expect(limited.statusCode).toBe(429);
      expect(ApiError.parse(limited.json()).error).toBe('rate_limited');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(600);
      // A new window starts over.
      hub.clock.now = new Date(start.getTime() + 600_000);
      try {
        expect((await login(guess, nextAddress())).statusCode).toBe(401);
      } finally {
        hub.clock.now = start;
      }
    },
  );

  it.skipIf(skip)('limits login attempts per address, before the token is looked at', async () => {
    const from = nextAddress();
    for (let i = 0; i < LIMITS.perAddress.max; i++)
      expect((await login(`wrong-token-${i}-000000000000000000`, from)).statusCode).toBe(401);
    const limited = await login(TOKEN, from);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited.cookies).toHaveLength(0);
    // Behind the trusted proxy, the client's address counts, not the proxy's.
    const viaProxy = await login(TOKEN, PROXY, { 'x-forwarded-for': nextAddress() });
    expect(viaProxy.statusCode).toBe(204);
  });

  it.skipIf(skip)('limits enrollment per code and per address', async () => {
    const enroll = (code: string, remoteAddress: string) =>
      hub.app.inject({
        method: 'POST',
        url: FLEET_API.enroll,
        remoteAddress,
        payload: {
          code,
          publicKey: { kty: 'EC', crv: 'P-256', x: 'A'.repeat(43), y: 'A'.repeat(43) },
        },
      });
    const { code } = await createEnrollmentCode(
      hub.db,
      { terminalId: 'rate-t1', name: 'T', ttlMinutes: 60 },
      start,
    );
    for (let i = 0; i < LIMITS.perCredential.max; i++)
      expect((await enroll(code, nextAddress())).statusCode).toBe(400); // the key is no P-256 point
    const byCode = await enroll(code.toLowerCase(), nextAddress());
    expect(byCode.statusCode).toBe(429);
    expect(byCode.headers['retry-after']).toMatch(/^\d+$/);

    const from = nextAddress();
    for (let i = 0; i < LIMITS.perAddress.max; i++)
      expect((await enroll(`GUESS-${String(i).padStart(4, '0')}-0000`, from)).statusCode).toBe(400);
    expect((await enroll('GUESS-9999-0000', from)).statusCode).toBe(429);
  });
});

describe('Strict-Transport-Security', () => {
  let hub: Backend;
  beforeAll(async () => {
    hub = await onSqlite();
  });
  afterAll(() => hub.close());

  const health = (remoteAddress: string, headers: Record<string, string> = {}) =>
    hub.app.inject({ method: 'GET', url: API.health, remoteAddress, headers });

  it('is sent when a trusted proxy says the request came over TLS', async () => {
    const response = await health(PROXY, { 'x-forwarded-proto': 'https' });
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('is not sent on plain HTTP, nor when an untrusted address claims TLS', async () => {
    expect((await health(PROXY)).headers['strict-transport-security']).toBeUndefined();
    expect(
      (await health(PROXY, { 'x-forwarded-proto': 'http' })).headers['strict-transport-security'],
    ).toBeUndefined();
    const spoofed = await health('192.0.2.200', { 'x-forwarded-proto': 'https' });
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
  });
});
