import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateProviderKey } from '../kiosk-config/fleet/keys.js';
import { CLERK_SESSION_COOKIE } from '../protocol/api.js';
import { allRoutes, pathOf, type RouteContract } from '../protocol/routes/index.js';
import type { ContentWithoutRevision } from './content/store.js';
import { migrateToLatest } from './db/migrate.js';
import type { HubKysely } from './db/schema.js';
import { ensureProviderToken, issueProviderToken } from './fleet/provider-auth.js';
import { seedTenant } from './seed/seed.js';
import { buildHub } from './server.js';
import { testDialects } from './testing/dialects.js';
import { exampleFleet, signedRelease, testProviderKeys } from './testing/fleet.js';
import { fixtureContent } from './testing/fixture-content.js';
import { submissionBody, TEST_CLERK, TEST_TERMINAL, testSeed } from './testing/test-hub.js';

/**
 * Tenant isolation as a table: every route of the contract, called by every identity of
 * municipality B (terminal, clerk, municipal admin, provider token for B only) with the ids of
 * municipality A's things, is refused or answers without anything of A's.
 */
const TENANT_B = { id: '149990000002', name: 'Zweitstadt' };
const OPERATOR = 'operator-token-for-isolation-0123456789';
const TERMINAL_B = {
  id: 'zweit-terminal',
  name: 'Terminal B',
  token: 'zweit-terminal-token-0123456789abcdef',
};
const CLERK_B = { username: 'clerk-b', displayName: 'Bernd', password: 'clerk-b-password' };

/** B's catalog: A's with other office ids, so services and forms share ids across municipalities. */
const contentB = JSON.parse(
  JSON.stringify(fixtureContent)
    .replaceAll('"buergerbuero"', '"zweit-buergerbuero"')
    .replaceAll('"standesamt"', '"zweit-standesamt"')
    .replaceAll('Teststadt', 'Zweitstadt')
    .replaceAll('teststadt', 'zweitstadt'),
) as ContentWithoutRevision;

/** A route whose contract reads ?tenant= (every provider route that works on one tenant). */
const takesTenant = (route: RouteContract) =>
  route.query instanceof z.ZodObject && 'tenant' in (route.query.shape as Record<string, unknown>);

/** Routes left out of the table, by name, with the reason. */
const EXCLUDED: Record<string, string> = {
  'calls.terminalSocket':
    'WebSocket upgrade (inject cannot hold it); a terminal queues for an office and queues are per office',
  'calls.clerkSocket': 'WebSocket upgrade; the clerk socket serves the clerk’s own offices only',
};

/** What of A's must never appear in an answer to B: ids, names and credentials of A only. */
function markersOfA(ids: { submissionId: string; trackingCode: string; adminA: string }): string[] {
  return [
    '"buergerbuero"',
    '"standesamt"',
    'Teststadt',
    testSeed.tenant.id,
    TEST_TERMINAL.id,
    `"username":"${TEST_CLERK.username}"`,
    `"actor":"${TEST_CLERK.username}"`,
    ids.adminA,
    ids.submissionId,
    ids.trackingCode,
  ];
}

describe.each(testDialects('tenant isolation'))('tenant isolation on %s', (_name, open) => {
  let app: FastifyInstance;
  let db: HubKysely;
  let close: () => Promise<void>;
  const ids = { submissionId: '', trackingCode: '', adminA: 'admin-a', releaseA: 1, commandA: '' };
  const identities: Record<string, Record<string, string>> = {};
  let tokenB = '';

  const inject = (method: string, url: string, headers: Record<string, string>, payload?: unknown) =>
    app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  async function adminOf(providerToken: string, username: string): Promise<string> {
    const invited = await inject(
      'POST',
      '/api/v1/provider/admins',
      { authorization: `Bearer ${providerToken}` },
      { username, displayName: username },
    );
    expect(invited.statusCode, invited.body).toBe(201);
    const { initialPassword } = invited.json<{ initialPassword: string }>();
    const first = await login(username, initialPassword);
    const changed = await inject(
      'POST',
      '/api/v1/clerk/password',
      { cookie: first },
      { currentPassword: initialPassword, newPassword: `${username}-own-password` },
    );
    expect(changed.statusCode, changed.body).toBe(204);
    return login(username, `${username}-own-password`);
  }

  async function login(username: string, password: string): Promise<string> {
    const response = await inject('POST', '/api/v1/clerk/login', {}, { username, password });
    expect(response.statusCode, response.body).toBe(200);
    const cookie = response.cookies.find((c) => c.name === CLERK_SESSION_COOKIE);
    return `${cookie?.name}=${cookie?.value}`;
  }

  beforeAll(async () => {
    ({ db, close } = await open());
    await migrateToLatest(db);
    await seedTenant(db, testSeed);
    await seedTenant(db, { tenant: TENANT_B, content: contentB, terminal: TERMINAL_B, clerk: CLERK_B });
    await ensureProviderToken(db, OPERATOR, 'operator', new Date());
    const tokenA = await issueProviderToken(db, 'provider-a', [testSeed.tenant.id], new Date());
    tokenB = await issueProviderToken(db, 'provider-b', [TENANT_B.id], new Date());
    app = buildHub({
      db,
      staticDir: '/nonexistent-static',
      checkAnswers: true,
      providerKeys: testProviderKeys,
      loginLimits: { perAccount: 10_000, perAddress: 10_000 },
    });
    await app.ready();

    // A: a submission, an admin, a release for its terminal and a command for it.
    const body = submissionBody();
    const sent = await inject(
      'POST',
      '/api/v1/submissions',
      { authorization: `Bearer ${TEST_TERMINAL.token}` },
      body,
    );
    expect(sent.statusCode, sent.body).toBe(201);
    ids.submissionId = body.id;
    ids.trackingCode = body.trackingCode;
    await adminOf(tokenA, ids.adminA);
    const fleet = exampleFleet(0);
    fleet.terminals[TEST_TERMINAL.id] = { site: 'dorfladen' };
    const release = await signedRelease(fleet, await generateProviderKey('isolation-key'), ids.releaseA);
    const published = await inject(
      'POST',
      `/api/v1/provider/releases?tenant=${testSeed.tenant.id}`,
      { authorization: `Bearer ${tokenA}` },
      { release, rollout: { percent: 100, terminals: [] } },
    );
    expect(published.statusCode, published.body).toBe(201);
    const command = await inject(
      'POST',
      `/api/v1/provider/terminals/${TEST_TERMINAL.id}/commands`,
      { authorization: `Bearer ${tokenA}` },
      { kind: 'reload', ttlSeconds: 600 },
    );
    expect(command.statusCode, command.body).toBe(201);
    ids.commandA = command.json<{ id: string }>().id;

    identities['terminal B'] = { authorization: `Bearer ${TERMINAL_B.token}` };
    identities['clerk B'] = { cookie: await login(CLERK_B.username, CLERK_B.password) };
    identities['admin B'] = { cookie: await adminOf(tokenB, 'admin-b') };
    identities['provider B'] = { authorization: `Bearer ${tokenB}` };
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await close?.();
  });

  /** Params pointing at A's things, whatever the route names them. */
  function paramsFor(route: RouteContract): Record<string, string | number> {
    const values: Record<string, string | number> = {
      id: route.path.includes('/commands/')
        ? ids.commandA
        : route.path.includes('/terminals/')
          ? TEST_TERMINAL.id
          : ids.submissionId,
      attachmentId: randomUUID(),
      trackingCode: ids.trackingCode,
      officeId: 'buergerbuero',
      kid: 'buergerbuero-key',
      username: TEST_CLERK.username,
      serviceId: 'anmelden',
      formId: 'test-anmeldung',
      categoryId: 'test',
      version: ids.releaseA,
      terminalId: TEST_TERMINAL.id,
      submissionId: ids.submissionId,
      scope: 'office',
      targetId: 'buergerbuero',
      tenantId: testSeed.tenant.id,
    };
    const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
    return Object.fromEntries(names.map((name) => [name, values[name] ?? 'x']));
  }

  /** A body the route's schema accepts where it matters, so the answer is about the tenant, not the shape. */
  function bodyFor(key: string): unknown {
    const office = {
      name: { de: 'Amt' },
      address: { street: 'Markt 1', postalCode: '04109', city: 'B' },
      phone: '0341 1',
      email: 'amt@example.org',
      openingHours: [],
      videoHours: [],
    };
    const bodies: Record<string, unknown> = {
      'submissions.submit': submissionBody({ officeId: 'buergerbuero' } as never),
      'clerk.login': { username: CLERK_B.username, password: CLERK_B.password },
      'clerk.setStatus': { status: 'in-progress', message: 'B war hier' },
      'calls.request': {
        id: randomUUID(),
        kind: 'callback',
        officeId: 'buergerbuero',
        serviceId: null,
        locale: 'de',
        name: 'B',
        phone: '0341 1',
        note: '',
        createdAt: '2026-11-02T09:30:00.000Z',
      },
      'fleetProvider.rollout': { percent: 0, terminals: [] },
      'fleetProvider.createCommand': { kind: 'reload', ttlSeconds: 600 },
      'fleetProvider.enrollmentCode': { terminalId: TEST_TERMINAL.id, name: 'B', ttlMinutes: 10 },
      'retention.setRule': { days: 1 },
      'delivery.setRoute': { kind: 'inbox' },
      'account.changePassword': { currentPassword: 'wrong-password', newPassword: 'another-password-1' },
      'admin.setMunicipality': { name: 'B übernimmt' },
      'admin.updateOffice': office,
      'admin.createOffice': { id: 'buergerbuero', ...office, encryptionKey: { jwk: { kty: 'RSA' } } },
      'admin.inviteClerk': { username: TEST_CLERK.username, displayName: 'X', role: 'admin' },
      'admin.updateClerk': { displayName: 'X' },
      'admin.putService': {
        ...contentB.services[0],
        officeId: 'buergerbuero',
        id: undefined,
        updatedAt: undefined,
      },
      'quarantine.discard': { reason: 'B räumt auf' },
      'adminProvider.createAdmin': { username: ids.adminA, displayName: 'X' },
      'tenants.create': { id: '149990000003', name: 'Drittstadt' },
      'tenants.rename': { id: '149990000004' },
      'tenants.createToken': { name: 'b-wants-a', tenants: [testSeed.tenant.id] },
    };
    return bodies[key];
  }

  // Logouts last: they end the session the other calls are made with.
  const table = allRoutes()
    .filter(({ domain, name }) => !(`${domain}.${name}` in EXCLUDED))
    .sort((a, b) => Number(a.name === 'logout') - Number(b.name === 'logout'));

  it('names every excluded route that exists, with a reason', () => {
    const known = new Set(allRoutes().map(({ domain, name }) => `${domain}.${name}`));
    for (const [key, reason] of Object.entries(EXCLUDED)) {
      expect(known.has(key), key).toBe(true);
      expect(reason.length).toBeGreaterThan(10);
    }
  });

  it('refuses every route to every identity of another tenant, or answers without its data', async () => {
    const markers = markersOfA(ids);
    const answered: string[] = [];
    const leaks: string[] = [];
    for (const identity of Object.keys(identities)) {
      for (const { domain, name, route } of table) {
        const key = `${domain}.${name}`;
        const path = pathOf(route.path, paramsFor(route));
        // The provider asks for A by name once, and once for its default (B): both are covered.
        const urls = route.audience === 'provider' ? [`${path}?tenant=${testSeed.tenant.id}`, path] : [path];
        for (const url of urls) {
          const payload = route.method === 'GET' ? undefined : (bodyFor(key) ?? {});
          const response: LightMyRequestResponse = await inject(
            route.method,
            url,
            { ...identities[identity], 'content-type': 'application/json' },
            payload,
          );
          if (takesTenant(route) && url.includes(`tenant=${testSeed.tenant.id}`) && response.statusCode < 300)
            leaks.push(`${identity} ${route.method} ${url}: ${response.statusCode} for tenant A`);
          if (response.statusCode >= 200 && response.statusCode < 300) {
            answered.push(`${identity} ${key}`);
            for (const marker of markers)
              if (response.body.includes(marker))
                leaks.push(`${identity} ${route.method} ${url}: answers ${marker}`);
          }
        }
      }
    }
    expect(leaks).toEqual([]);
    // Not a table of 400s: B's identities reach their own data through many routes.
    expect(answered.length).toBeGreaterThan(30);
  }, 300_000);

  it('left everything of A as it was', async () => {
    const submission = await db
      .selectFrom('submissions')
      .select(['status', 'status_message'])
      .where('id', '=', ids.submissionId)
      .executeTakeFirstOrThrow();
    expect(submission).toEqual({ status: 'received', status_message: '' });
    const terminal = await db
      .selectFrom('terminals')
      .select(['revoked_at', 'tenant_id'])
      .where('id', '=', TEST_TERMINAL.id)
      .executeTakeFirstOrThrow();
    expect(terminal).toEqual({ revoked_at: null, tenant_id: testSeed.tenant.id });
    const clerks = await db
      .selectFrom('clerks')
      .select(['username', 'display_name', 'disabled_at', 'tenant_id'])
      .where('tenant_id', '=', testSeed.tenant.id)
      .orderBy('username')
      .execute();
    expect(clerks.map((c) => [c.username, c.disabled_at])).toEqual([
      [ids.adminA, null],
      [TEST_CLERK.username, null],
    ]);
    const release = await db
      .selectFrom('config_releases')
      .select(['rollout_percent', 'tenant_id'])
      .where('version', '=', ids.releaseA)
      .executeTakeFirstOrThrow();
    expect(release).toEqual({ rollout_percent: 100, tenant_id: testSeed.tenant.id });
    const meta = await db
      .selectFrom('content_meta')
      .select('municipality')
      .where('tenant_id', '=', testSeed.tenant.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(meta.municipality)).toEqual(fixtureContent.municipality);
    const services = await db
      .selectFrom('services')
      .select(['id', 'deleted_at'])
      .where('tenant_id', '=', testSeed.tenant.id)
      .orderBy('id')
      .execute();
    expect(services).toEqual([
      { id: 'anmelden', deleted_at: null },
      { id: 'urkunde', deleted_at: null },
    ]);
    expect(await db.selectFrom('tenants').select('id').orderBy('id').execute()).toEqual([
      { id: testSeed.tenant.id },
      { id: TENANT_B.id },
    ]);
  });

  it('shows each identity of B its own municipality: content, inbox, offices, fleet', async () => {
    const content = await inject('GET', '/api/v1/content', identities['terminal B'] ?? {});
    expect(content.json<{ offices: { id: string }[] }>().offices.map((o) => o.id)).toEqual([
      'zweit-buergerbuero',
      'zweit-standesamt',
    ]);
    const fleet = await inject('GET', '/api/v1/provider/terminals', identities['provider B'] ?? {});
    expect(fleet.json<{ terminals: { id: string }[] }>().terminals.map((t) => t.id)).toEqual([TERMINAL_B.id]);
    const operator = await inject('GET', '/api/v1/provider/tenants', { authorization: `Bearer ${OPERATOR}` });
    expect(operator.json<{ tenants: { id: string }[] }>().tenants.map((t) => t.id)).toEqual([
      testSeed.tenant.id,
      TENANT_B.id,
    ]);
    const mine = await inject('GET', '/api/v1/provider/tenants', identities['provider B'] ?? {});
    expect(mine.json<{ tenants: { id: string }[] }>().tenants.map((t) => t.id)).toEqual([TENANT_B.id]);
  });
});
