import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/migrate.js';
import type { HubKysely } from '../db/schema.js';
import { ensureProviderToken, issueProviderToken } from '../fleet/provider-auth.js';
import { seedIfEmpty } from '../seed/seed.js';
import { buildHub } from '../server.js';
import { publicJwk } from '../testing/admin-hub.js';
import { testDialects } from '../testing/dialects.js';
import { testProviderKeys } from '../testing/fleet.js';
import { TEST_TENANT, testSeed } from '../testing/test-hub.js';

const OPERATOR = 'operator-token-for-tenant-tests-0123456789';
const NEW = '146270010010';
const key = publicJwk(4096, 'neustadt-2026');

describe.each(testDialects('tenant route'))('tenants through the provider routes on %s', (_name, open) => {
  let app: FastifyInstance;
  let db: HubKysely;
  let close: () => Promise<void>;
  let scoped = '';
  const operator = { authorization: `Bearer ${OPERATOR}` };
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, headers = operator, payload?: object) =>
    app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    ({ db, close } = await open());
    await migrateToLatest(db);
    await seedIfEmpty(db, testSeed);
    await ensureProviderToken(db, OPERATOR, 'kdn-operator', new Date());
    scoped = await issueProviderToken(db, 'ada', [TEST_TENANT.id], new Date());
    app = buildHub({
      db,
      staticDir: '/nonexistent-static',
      checkAnswers: true,
      providerKeys: testProviderKeys,
    });
    await app.ready();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await close?.();
  });

  it('an operator creates a tenant; the audit log names the token and the tenant', async () => {
    const created = await call('POST', '/api/v1/provider/tenants', operator, { id: NEW, name: 'Neustadt' });
    expect(created.statusCode, created.body).toBe(201);
    const entry = await db
      .selectFrom('audit_log')
      .select(['actor_kind', 'actor', 'action', 'tenant_id'])
      .where('action', '=', 'tenant.create')
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({
      actor_kind: 'provider',
      actor: 'kdn-operator',
      action: 'tenant.create',
      tenant_id: NEW,
    });
    const listed = await call('GET', '/api/v1/provider/tenants');
    expect(listed.json<{ tenants: { id: string }[] }>().tenants.map((t) => t.id)).toEqual([
      NEW,
      TEST_TENANT.id,
    ]);
  });

  it('refuses a malformed ARS, a taken one and a token that is no operator, naming the field', async () => {
    const before = await db.selectFrom('tenants').select('id').orderBy('id').execute();
    const malformed = await call('POST', '/api/v1/provider/tenants', operator, { id: '1462', name: 'X' });
    expect([malformed.statusCode, malformed.json<{ message: string }>().message]).toEqual([
      400,
      expect.stringContaining('id: must be an Amtlicher Regionalschlüssel'),
    ]);
    const taken = await call('POST', '/api/v1/provider/tenants', operator, { id: NEW, name: 'X' });
    expect([taken.statusCode, taken.json<{ message: string }>().message]).toEqual([
      409,
      `id: a tenant "${NEW}" exists already`,
    ]);
    const notOperator = await call(
      'POST',
      '/api/v1/provider/tenants',
      { authorization: `Bearer ${scoped}` },
      {
        id: '146270010099',
        name: 'X',
      },
    );
    expect(notOperator.statusCode).toBe(403);
    expect(await db.selectFrom('tenants').select('id').orderBy('id').execute()).toEqual(before);
  });

  it('refuses an unknown or malformed tenant, and one the token does not run', async () => {
    const unknown = await call('GET', '/api/v1/provider/terminals?tenant=146270010098');
    expect([unknown.statusCode, unknown.json<{ message: string }>().message]).toEqual([
      404,
      'tenant: there is no tenant "146270010098" on this hub',
    ]);
    const malformed = await call('GET', '/api/v1/provider/terminals?tenant=abc');
    expect([malformed.statusCode, malformed.json<{ message: string }>().message]).toEqual([
      400,
      expect.stringContaining('tenant'),
    ]);
    const foreign = await call('GET', `/api/v1/provider/terminals?tenant=${NEW}`, {
      authorization: `Bearer ${scoped}`,
    });
    expect([foreign.statusCode, foreign.json<{ message: string }>().message]).toEqual([
      403,
      `tenant: this provider token does not run tenant "${NEW}"`,
    ]);
    // Several tenants on the hub: a write by the operator must name one.
    const unnamed = await call('POST', '/api/v1/provider/admins', operator, {
      username: 'nobody',
      displayName: 'N',
    });
    expect([unnamed.statusCode, unnamed.json<{ message: string }>().message]).toEqual([
      400,
      'tenant: this provider token runs several tenants; name one with ?tenant=<ARS>',
    ]);
    expect(
      await db.selectFrom('clerks').select('username').where('username', '=', 'nobody').execute(),
    ).toEqual([]);
  });

  it('refuses an office id another municipality has, and changes nothing', async () => {
    const invited = await call('POST', `/api/v1/provider/admins?tenant=${NEW}`, operator, {
      username: 'neu-admin',
      displayName: 'Neu',
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const { initialPassword } = invited.json<{ initialPassword: string }>();
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/clerk/login',
      payload: { username: 'neu-admin', password: initialPassword },
    });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    await app.inject({
      method: 'POST',
      url: '/api/v1/clerk/password',
      headers: { cookie },
      payload: { currentPassword: initialPassword, newPassword: 'neu-admin-password' },
    });
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/clerk/login',
      payload: { username: 'neu-admin', password: 'neu-admin-password' },
    });
    const session = again.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const offices = () => db.selectFrom('offices').select(['id', 'tenant_id']).orderBy('id').execute();
    const before = await offices();
    const duplicate = await app.inject({
      method: 'POST',
      url: '/api/v1/clerk/admin/offices',
      headers: { cookie: session },
      payload: {
        id: 'buergerbuero',
        name: { de: 'Bürgerbüro' },
        address: { street: 'Markt 1', postalCode: '04109', city: 'Neustadt' },
        phone: '0341 1',
        email: 'amt@example.org',
        openingHours: [],
        videoHours: [],
        encryptionKey: { jwk: key.public },
      },
    });
    expect([duplicate.statusCode, duplicate.json<{ message: string }>().message]).toEqual([
      409,
      'id: an office "buergerbuero" exists already on this hub (office ids are unique across municipalities)',
    ]);
    expect(await offices()).toEqual(before);
  });
});
