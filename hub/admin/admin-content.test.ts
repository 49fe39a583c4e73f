import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api.js';
import type { ContentSnapshot } from '../../protocol/content.js';
import { contract } from '../../protocol/routes/index.js';
import { findForm, readRevision } from '../content/store.js';
import {
  adminCall,
  adminDialects,
  firstAdmin,
  startAdminHub,
  type AdminTestHub,
} from '../testing/admin-hub.js';
import { certificateForm, registrationForm } from '../testing/fixture-content.js';
import { sealedBody, submissionBody, terminalHeaders } from '../testing/test-hub.js';
import { TEST_TENANT } from '../testing/tenant.js';

const routes = contract.admin;

const service = {
  leikaKey: '99115005000000',
  name: { de: 'Hund anmelden', en: 'Register a dog' },
  shortText: { de: 'Hundesteuer anmelden' },
  longText: { de: 'Wer einen Hund hält, meldet ihn an.' },
  requiredDocuments: [{ de: 'Nachweis der Haftpflicht' }],
  prerequisites: [],
  fees: [{ description: { de: 'keine' }, amountCents: 0 }],
  processingTime: { de: 'eine Woche' },
  legalBasis: ['Hundesteuersatzung'],
  officeId: 'buergerbuero',
  categoryId: 'test',
  lifeSituationIds: [],
  keywords: ['Hund', 'Hundesteuer'],
  formId: null,
};

describe.each(adminDialects())('administration of services, forms and the audit log on %s', (_name, open) => {
  let hub: AdminTestHub;
  let cookie: string;
  beforeAll(async () => {
    hub = await startAdminHub(open);
    cookie = await firstAdmin(hub.app);
  }, 60_000);
  afterAll(() => hub.close(), 60_000);

  const call = (...args: Parameters<typeof adminCall> extends [unknown, unknown, ...infer R] ? R : never) =>
    adminCall(hub.app, cookie, ...args);
  const snapshot = async () =>
    (
      await hub.app.inject({ method: 'GET', url: API.content, headers: terminalHeaders })
    ).json<ContentSnapshot>();

  it('creates a category for services, and refuses one without a German name', async () => {
    const category = { name: { de: 'Tiere', en: 'Animals' }, icon: '🐕', order: 5 };
    const created = await call('PUT', routes.putCategory.path, { categoryId: 'tiere' }, category);
    expect(created.statusCode).toBe(201);
    expect((await snapshot()).categories.map((c) => c.id)).toContain('tiere');
    const listed = await call('GET', routes.categories.path);
    expect(listed.statusCode).toBe(200);
    expect(listed.json<{ categories: { id: string; order: number }[] }>().categories).toContainEqual(
      expect.objectContaining({ id: 'tiere', order: 5 }),
    );
    const revision = await readRevision(hub.db, TEST_TENANT.id);
    const bad = await call(
      'PUT',
      routes.putCategory.path,
      { categoryId: 'tiere' },
      { ...category, name: {} },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ issues: { path: string }[] }>().issues.map((i) => i.path)).toContain('name.de');
    expect(await readRevision(hub.db, TEST_TENANT.id)).toBe(revision);
  });

  it('creates a service (201), changes it (200), and terminals get it', async () => {
    const created = await call(
      'PUT',
      routes.putService.path,
      { serviceId: 'hund' },
      { ...service, categoryId: 'tiere' },
    );
    expect(created.statusCode).toBe(201);
    const changed = await call(
      'PUT',
      routes.putService.path,
      { serviceId: 'hund' },
      {
        ...service,
        name: { de: 'Hund anmelden', en: 'Register a dog', tr: 'Köpek kaydı' },
      },
    );
    expect(changed.statusCode).toBe(200);
    const live = (await snapshot()).services.find((s) => s.id === 'hund');
    expect(live?.name).toEqual({ de: 'Hund anmelden', en: 'Register a dog', tr: 'Köpek kaydı' });
  });

  it.each([
    ['an unknown office', 'officeId', { ...service, officeId: 'nirgendwo' }],
    ['an unknown category', 'categoryId', { ...service, categoryId: 'nirgendwo' }],
    ['an unknown form', 'formId', { ...service, formId: 'nirgendwo' }],
    ['no German name', 'name.de', { ...service, name: { en: 'Dog' } }],
    ['a malformed LeiKa key', 'leikaKey', { ...service, leikaKey: '123' }],
  ])('refuses a service with %s naming %s, and changes nothing', async (_what, field, body) => {
    const revision = await readRevision(hub.db, TEST_TENANT.id);
    const response = await call('PUT', routes.putService.path, { serviceId: 'katze' }, body);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ issues: { path: string }[] }>().issues.map((i) => i.path)).toContain(field);
    expect(await readRevision(hub.db, TEST_TENANT.id)).toBe(revision);
    expect((await snapshot()).services.map((s) => s.id)).not.toContain('katze');
  });

  it('publishes a form as the next version; a citizen with the older version can still send it', async () => {
    const published = await call(
      'POST',
      routes.publishForm.path,
      { serviceId: 'anmelden' },
      {
        ...registrationForm,
        title: { de: 'Anmeldung (neu)' },
      },
    );
    expect(published.statusCode).toBe(201);
    expect(published.json()).toEqual({
      id: registrationForm.id,
      version: registrationForm.version + 1,
      serviceId: 'anmelden',
    });
    const live = (await snapshot()).forms.find((f) => f.id === registrationForm.id);
    expect(live).toMatchObject({ version: registrationForm.version + 1, title: { de: 'Anmeldung (neu)' } });
    // Filled in offline with the version before: still accepted.
    const older = await hub.app.inject({
      method: 'POST',
      url: API.submissions,
      headers: terminalHeaders,
      payload: submissionBody(),
    });
    expect(older.statusCode).toBe(201);
    expect(
      await findForm(hub.db, TEST_TENANT.id, registrationForm.id, registrationForm.version),
    ).toBeDefined();
  });

  it('links the service it was published for', async () => {
    const published = await call(
      'POST',
      routes.publishForm.path,
      { serviceId: 'hund' },
      { ...certificateForm, id: 'hund-form', officeId: 'buergerbuero' },
    );
    expect(published.json()).toMatchObject({ id: 'hund-form', version: 1 });
    expect((await snapshot()).services.find((s) => s.id === 'hund')?.formId).toBe('hund-form');
  });

  it.each([
    [
      'a field placed in no step',
      400,
      'ui',
      {
        ...registrationForm,
        ui: { ...registrationForm.ui, steps: [{ id: 'leer', title: { de: 'Leer' }, fields: ['consent'] }] },
      },
    ],
    [
      'a form without steps',
      400,
      'ui.steps',
      { ...registrationForm, ui: { ...registrationForm.ui, steps: [] } },
    ],
    ['an unknown office', 400, 'officeId', { ...registrationForm, officeId: 'nirgendwo' }],
  ])('refuses %s (%i naming %s) and publishes nothing', async (_what, status, field, body) => {
    const revision = await readRevision(hub.db, TEST_TENANT.id);
    const response = await call('POST', routes.publishForm.path, { serviceId: 'anmelden' }, body);
    expect(response.statusCode).toBe(status);
    expect(response.json<{ issues: { path: string }[] }>().issues.map((i) => i.path)).toContain(field);
    expect(await readRevision(hub.db, TEST_TENANT.id)).toBe(revision);
  });

  it('refuses a form for an unknown service with 404', async () => {
    const response = await call(
      'POST',
      routes.publishForm.path,
      { serviceId: 'nirgendwo' },
      registrationForm,
    );
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ issues: [{ path: 'serviceId' }] });
  });

  it('withdraws a form: gone from the catalog, unlinked, and filled-in applications still land', async () => {
    const sealed = await sealedBody();
    expect((await call('POST', routes.withdrawForm.path, { formId: registrationForm.id })).statusCode).toBe(
      204,
    );
    const after = await snapshot();
    expect(after.forms.map((f) => f.id)).not.toContain(registrationForm.id);
    expect(after.services.find((s) => s.id === 'anmelden')?.formId).toBeNull();
    const sent = await hub.app.inject({
      method: 'POST',
      url: API.submissions,
      headers: terminalHeaders,
      payload: sealed,
    });
    expect(sent.statusCode).toBe(201);
    expect((await call('POST', routes.withdrawForm.path, { formId: registrationForm.id })).statusCode).toBe(
      404,
    );
  });

  it('withdraws a service; terminals receive the deletion by delta sync', async () => {
    const first = await hub.app.inject({ method: 'GET', url: API.contentChanges, headers: terminalHeaders });
    const checkpoint = first.json<{ checkpoint: string }>().checkpoint;
    expect((await call('POST', routes.withdrawService.path, { serviceId: 'hund' })).statusCode).toBe(204);
    const delta = await hub.app.inject({
      method: 'GET',
      url: `${API.contentChanges}?since=${checkpoint}`,
      headers: terminalHeaders,
    });
    expect(delta.json<{ changes: { key: string; deleted: boolean }[] }>().changes).toContainEqual(
      expect.objectContaining({ key: 'hund', deleted: true }),
    );
    expect((await call('POST', routes.withdrawService.path, { serviceId: 'hund' })).statusCode).toBe(404);
  });

  it('lists every action in the audit log, filters it and exports it without secrets', async () => {
    const all = (await call('GET', routes.audit.path)).json<{
      entries: { action: string; actor: string }[];
    }>();
    expect(all.entries.map((e) => e.action)).toEqual([
      'admin.invite',
      'clerk.password.change',
      'category.create',
      'service.create',
      'service.update',
      'form.publish',
      'form.publish',
      'form.withdraw',
      'service.withdraw',
    ]);
    const forms = (await call('GET', `${routes.audit.path}?target=form%3A`)).json<{ entries: unknown[] }>();
    expect(forms.entries).toHaveLength(3);
    const csv = await call('GET', `${routes.auditCsv.path}?action=service.update`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('id,at,actorKind,actor,action,target,before,after');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('service:hund');
    const jsonl = await call('GET', routes.auditJsonLines.path);
    const entries = jsonl.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { before: unknown });
    expect(entries).toHaveLength(9);
    expect(jsonl.body).not.toMatch(/scrypt\$|password_hash|initialPassword/);
    const service = entries[4];
    expect(service?.before).toMatchObject({ name: { de: 'Hund anmelden' } });
  });

  it('the database itself refuses to change or delete audit entries', async () => {
    await expect(hub.db.updateTable('audit_log').set({ actor: 'someone else' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(hub.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    expect((await call('GET', routes.audit.path)).json<{ entries: unknown[] }>().entries).toHaveLength(9);
  });
});
