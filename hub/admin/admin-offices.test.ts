import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api.js';
import { contract } from '../../protocol/routes/index.js';
import { readRevision } from '../content/store.js';
import {
  ADMIN_PROVIDER_NAME,
  ADMIN_PROVIDER_TOKEN,
  adminCall,
  adminDialects,
  firstAdmin,
  login,
  publicJwk,
  startAdminHub,
  type AdminTestHub,
} from '../testing/admin-hub.js';
import { TEST_CLERK, submissionBody, terminalHeaders } from '../testing/test-hub.js';
import { TEST_TENANT } from '../testing/tenant.js';

const routes = contract.admin;
const key1 = publicJwk(4096, 'rathaus-2026-a');
const key2 = publicJwk(4096, 'rathaus-2026-b');
const short = publicJwk(2048, 'too-short');

const office = (id = 'rathaus') => ({
  id,
  name: { de: 'Rathaus', en: 'Town hall' },
  address: { street: 'Markt 1', postalCode: '04109', city: 'Lindenau' },
  phone: '0341 1234',
  email: 'rathaus@example.org',
  openingHours: [{ day: 'mon', from: '08:00', to: '12:00' }],
  videoHours: [{ day: 'mon', from: '09:00', to: '11:00' }],
  encryptionKey: { jwk: key1.public },
});

/** The office without id and key: what an update sends. */
function officeFields() {
  const { name, address, phone, email, openingHours, videoHours } = office();
  return { name, address, phone, email, openingHours, videoHours };
}

describe.each(adminDialects())('administration of offices, keys and clerks on %s', (_name, open) => {
  let hub: AdminTestHub;
  let cookie: string;
  beforeAll(async () => {
    hub = await startAdminHub(open);
    cookie = await firstAdmin(hub.app);
  }, 60_000);
  afterAll(() => hub.close(), 60_000);

  const call = (...args: Parameters<typeof adminCall> extends [unknown, unknown, ...infer R] ? R : never) =>
    adminCall(hub.app, cookie, ...args);
  const offices = async () => (await call('GET', routes.offices.path)).json<{ offices: { id: string }[] }>();

  it('the provider creates the first admin, whose initial password must be changed first', async () => {
    const invited = await hub.app.inject({
      method: 'POST',
      url: contract.adminProvider.createAdmin.path,
      headers: { authorization: `Bearer ${ADMIN_PROVIDER_TOKEN}` },
      payload: { username: 'zweite', displayName: 'Zweite Admin' },
    });
    expect(invited.statusCode).toBe(201);
    const { initialPassword } = invited.json<{ initialPassword: string }>();
    const session = await login(hub.app, 'zweite', initialPassword);
    const account = await adminCall(hub.app, session, 'GET', contract.account.account.path);
    expect(account.json()).toMatchObject({ role: 'admin', mustChangePassword: true });
    const refused = await adminCall(hub.app, session, 'GET', routes.offices.path);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: 'password_change_required' });
    const audit = await call(
      'GET',
      `${routes.audit.path}?action=admin.invite&target=${encodeURIComponent('clerk:zweite')}`,
    );
    expect(audit.json()).toMatchObject({
      entries: [{ actorKind: 'provider', actor: ADMIN_PROVIDER_NAME, target: 'clerk:zweite' }],
    });
    expect(audit.body).not.toContain(initialPassword);
    // The same username again changes nothing.
    const again = await hub.app.inject({
      method: 'POST',
      url: contract.adminProvider.createAdmin.path,
      headers: { authorization: `Bearer ${ADMIN_PROVIDER_TOKEN}` },
      payload: { username: 'zweite', displayName: 'Noch eine' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses admin routes to a clerk without the role and to no session', async () => {
    const clerk = await login(hub.app, TEST_CLERK.username, TEST_CLERK.password);
    const asClerk = await adminCall(hub.app, clerk, 'GET', routes.offices.path);
    expect(asClerk.statusCode).toBe(403);
    expect(asClerk.json()).toMatchObject({ error: 'not_admin' });
    expect((await hub.app.inject({ method: 'GET', url: routes.offices.path })).statusCode).toBe(401);
  });

  it('creates an office; terminals see it through the content sync', async () => {
    const before = await readRevision(hub.db, TEST_TENANT.id);
    const created = await call('POST', routes.createOffice.path, {}, office());
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      id: 'rathaus',
      encryptionKeys: [{ kid: 'rathaus-2026-a', status: 'current' }],
    });
    expect(JSON.stringify(created.json())).not.toContain(key1.private.d);
    expect(await readRevision(hub.db, TEST_TENANT.id)).not.toBe(before);
    const changes = await hub.app.inject({
      method: 'GET',
      url: API.contentChanges,
      headers: terminalHeaders,
    });
    expect(changes.json<{ changes: { key: string }[] }>().changes.map((c) => c.key)).toContain('rathaus');
  });

  it.each([
    ['a duplicate office id', 409, 'id', office('buergerbuero')],
    [
      'an interval that ends before it starts',
      400,
      'openingHours.0.to',
      {
        ...office('neu'),
        openingHours: [{ day: 'mon', from: '12:00', to: '08:00' }],
      },
    ],
    [
      'a malformed time',
      400,
      'videoHours.0.from',
      { ...office('neu'), videoHours: [{ day: 'mon', from: '9', to: '11:00' }] },
    ],
    [
      'an unknown weekday',
      400,
      'openingHours.0.day',
      { ...office('neu'), openingHours: [{ day: 'mo', from: '08:00', to: '09:00' }] },
    ],
    [
      'a key of 2048 bits',
      400,
      'encryptionKey.jwk.n',
      { ...office('neu'), encryptionKey: { jwk: short.public } },
    ],
    ['a private key', 400, 'encryptionKey.jwk.d', { ...office('neu'), encryptionKey: { jwk: key2.private } }],
    [
      'an EC key',
      400,
      'encryptionKey.jwk.kty',
      { ...office('neu'), encryptionKey: { jwk: { kty: 'EC', kid: 'x' } } },
    ],
    [
      'a key for signing',
      400,
      'encryptionKey.jwk.use',
      {
        ...office('neu'),
        encryptionKey: { jwk: { ...key2.public, use: 'sig' } },
      },
    ],
    ['a bad email', 400, 'email', { ...office('neu'), email: 'kein-at' }],
  ])('refuses %s with %i naming %s, and changes nothing', async (_what, status, field, body) => {
    const revision = await readRevision(hub.db, TEST_TENANT.id);
    const list = await offices();
    const response = await call('POST', routes.createOffice.path, {}, body);
    expect(response.statusCode).toBe(status);
    const answer = response.json<{ message: string; issues?: { path: string }[] }>();
    expect(answer.issues?.map((i) => i.path)).toContain(field);
    expect(answer.message).toContain(field);
    expect(await readRevision(hub.db, TEST_TENANT.id)).toBe(revision);
    expect(await offices()).toEqual(list);
    expect(JSON.stringify(await hub.db.selectFrom('offices').select('document').execute())).not.toContain(
      key2.private.d,
    );
  });

  it('updates an office and answers 404 for an unknown one', async () => {
    const fields = officeFields();
    const updated = await call(
      'PUT',
      routes.updateOffice.path,
      { officeId: 'rathaus' },
      { ...fields, phone: '0341 9999' },
    );
    expect(updated.json()).toMatchObject({ phone: '0341 9999', encryptionKeys: [{ kid: 'rathaus-2026-a' }] });
    const unknown = await call('PUT', routes.updateOffice.path, { officeId: 'nirgendwo' }, fields);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ issues: [{ path: 'officeId' }] });
  });

  it('rotates a key: the new one is current, the old one retired, and applications to it still land', async () => {
    const rotated = await call(
      'POST',
      routes.addOfficeKey.path,
      { officeId: 'buergerbuero' },
      { jwk: key2.public },
    );
    expect(rotated.statusCode).toBe(201);
    const keys = rotated.json<{ encryptionKeys: { kid: string; status: string }[] }>().encryptionKeys;
    expect(keys[0]).toEqual(expect.objectContaining({ kid: 'rathaus-2026-b', status: 'current' }));
    expect(keys.slice(1).every((k) => k.status === 'retired')).toBe(true);
    const oldKid = keys[1]?.kid ?? '';
    // A terminal's queued application, sealed to the now retired key, is still accepted.
    const body = submissionBody();
    const sent = await hub.app.inject({
      method: 'POST',
      url: API.submissions,
      headers: terminalHeaders,
      payload: body,
    });
    expect(sent.statusCode).toBe(201);
    // The current key cannot go; the retired one not while that application is open.
    const current = await call('POST', routes.removeOfficeKey.path, {
      officeId: 'buergerbuero',
      kid: 'rathaus-2026-b',
    });
    expect(current.statusCode).toBe(409);
    const open = await call('POST', routes.removeOfficeKey.path, { officeId: 'buergerbuero', kid: oldKid });
    expect(open.statusCode).toBe(409);
    expect(open.json<{ message: string }>().message).toMatch(/kid: 1 unfinished application/);
    const clerk = await login(hub.app, TEST_CLERK.username, TEST_CLERK.password);
    const done = await hub.app.inject({
      method: 'POST',
      url: `/api/v1/clerk/submissions/${body.id}/status`,
      headers: { cookie: clerk },
      payload: { status: 'completed', message: 'Erledigt.' },
    });
    expect(done.statusCode).toBe(204);
    const removed = await call('POST', routes.removeOfficeKey.path, {
      officeId: 'buergerbuero',
      kid: oldKid,
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json<{ encryptionKeys: unknown[] }>().encryptionKeys).toHaveLength(keys.length - 1);
    // The same public key cannot be added twice under its kid.
    const again = await call(
      'POST',
      routes.addOfficeKey.path,
      { officeId: 'buergerbuero' },
      { jwk: key2.public },
    );
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ issues: [{ path: 'kid' }] });
  });

  it('invites a clerk who must change the password; disabling ends the session at once', async () => {
    const invited = await call(
      'POST',
      routes.inviteClerk.path,
      {},
      {
        username: 'paul',
        displayName: 'Paul Schmidt',
        role: 'clerk',
        officeIds: ['buergerbuero'],
      },
    );
    expect(invited.statusCode).toBe(201);
    const { initialPassword } = invited.json<{ initialPassword: string }>();
    const paul = await login(hub.app, 'paul', initialPassword);
    const inbox = await adminCall(hub.app, paul, 'GET', API.clerkSubmissions);
    expect(inbox.statusCode).toBe(403);
    const changed = await adminCall(
      hub.app,
      paul,
      'POST',
      contract.account.changePassword.path,
      {},
      {
        currentPassword: initialPassword,
        newPassword: 'pauls-eigenes-passwort',
      },
    );
    expect(changed.statusCode).toBe(204);
    expect((await adminCall(hub.app, paul, 'GET', API.clerkSubmissions)).statusCode).toBe(200);

    const disabled = await call('POST', routes.disableClerk.path, { username: 'paul' });
    expect(disabled.json()).toMatchObject({ disabled: true });
    expect((await adminCall(hub.app, paul, 'GET', API.clerkSubmissions)).statusCode).toBe(401);
    const relogin = await hub.app.inject({
      method: 'POST',
      url: API.clerkLogin,
      payload: { username: 'paul', password: 'pauls-eigenes-passwort' },
    });
    expect(relogin.statusCode).toBe(401);

    await call('POST', routes.enableClerk.path, { username: 'paul' });
    const reset = await call('POST', routes.resetClerkPassword.path, { username: 'paul' });
    const fresh = reset.json<{ initialPassword: string }>().initialPassword;
    expect(fresh).not.toBe(initialPassword);
    const again = await login(hub.app, 'paul', fresh);
    expect((await adminCall(hub.app, again, 'GET', contract.account.account.path)).json()).toMatchObject({
      mustChangePassword: true,
    });
  });

  it('a clerk disabled while holding a session is refused on the very next request', async () => {
    const clerk = await login(hub.app, TEST_CLERK.username, TEST_CLERK.password);
    // Disabled directly in the database, as another hub instance would: no session delete here.
    await hub.db
      .updateTable('clerks')
      .set({ disabled_at: new Date().toISOString() })
      .where('username', '=', TEST_CLERK.username)
      .execute();
    expect((await adminCall(hub.app, clerk, 'GET', API.clerkSubmissions)).statusCode).toBe(401);
    await hub.db
      .updateTable('clerks')
      .set({ disabled_at: null })
      .where('username', '=', TEST_CLERK.username)
      .execute();
  });

  it.each([
    [
      'an unknown office',
      400,
      'officeIds.0',
      { username: 'eva', displayName: 'Eva', role: 'clerk', officeIds: ['nirgendwo'] },
    ],
    ['a clerk without office', 400, 'officeIds', { username: 'eva', displayName: 'Eva', role: 'clerk' }],
    ['a taken username', 409, 'username', { username: 'paul', displayName: 'Paul 2', role: 'admin' }],
    ['a bad username', 400, 'username', { username: 'Eva Maria', displayName: 'Eva', role: 'admin' }],
    ['an unknown role', 400, 'role', { username: 'eva', displayName: 'Eva', role: 'root' }],
  ])('refuses to invite %s (%i, %s) and creates nothing', async (_what, status, field, body) => {
    const before = await hub.db.selectFrom('clerks').select('username').execute();
    const response = await call('POST', routes.inviteClerk.path, {}, body);
    expect(response.statusCode).toBe(status);
    expect(response.json<{ issues?: { path: string }[] }>().issues?.map((i) => i.path)).toContain(field);
    expect(await hub.db.selectFrom('clerks').select('username').execute()).toEqual(before);
  });

  it('an admin cannot disable their own account or drop their own admin role', async () => {
    expect((await call('POST', routes.disableClerk.path, { username: 'admin' })).statusCode).toBe(409);
    const demote = await call(
      'PUT',
      routes.updateClerk.path,
      { username: 'admin' },
      { role: 'clerk', officeIds: ['rathaus'] },
    );
    expect(demote.statusCode).toBe(409);
  });

  it('sets the municipality name and refuses an empty one', async () => {
    const set = await call('PUT', routes.setMunicipality.path, {}, { name: 'Neustadt' });
    expect(set.json()).toMatchObject({ name: 'Neustadt' });
    const empty = await call('PUT', routes.setMunicipality.path, {}, { name: ' ' });
    expect(empty.statusCode).toBe(400);
    expect((await call('GET', routes.municipality.path)).json()).toMatchObject({ name: 'Neustadt' });
  });
});
