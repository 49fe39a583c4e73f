import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/migrate.js';
import type { HubKysely } from '../db/schema.js';
import { testDialects, type TestDatabase } from '../testing/dialects.js';
import { applyRetention, listRules, setRule, targetExists } from './store.js';

/**
 * Two municipalities with a form of the same id: a rule of one deletes only its own applications.
 * Rows are written directly; retention.test.ts runs the whole way through the hub's routes.
 */
const A = '149990000001';
const B = '149990000002';
const LONG_AGO = '2026-01-01T08:00:00.000Z';
const NOW = new Date('2026-06-01T08:00:00.000Z');

async function seed(db: HubKysely) {
  await db
    .insertInto('tenants')
    .values([A, B].map((id) => ({ id, name: `Gemeinde ${id}`, created_at: LONG_AGO })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  for (const tenant of [A, B])
    await db
      .insertInto('terminals')
      .values({
        id: `terminal-${tenant}`,
        tenant_id: tenant,
        name: 'T',
        token_hash: tenant,
        created_at: LONG_AGO,
        revoked_at: null,
      })
      .execute();
  for (const [tenant, office] of [
    [A, 'amt-a'],
    [B, 'amt-b'],
  ] as const) {
    const doc = { tenant_id: tenant, position: 0, updated_at: LONG_AGO, deleted_at: null };
    await db
      .insertInto('offices')
      .values({ ...doc, id: office, document: '{}' })
      .execute();
    await db
      .insertInto('forms')
      .values({ ...doc, id: 'antrag', version: 1, office_id: office, document: '{}' })
      .execute();
    await db
      .insertInto('submissions')
      .values({
        id: `sub-${office}`,
        tracking_code: `CODE-${office}`,
        form_id: 'antrag',
        form_version: 1,
        service_id: 'dienst',
        office_id: office,
        terminal_id: `terminal-${tenant}`,
        locale: 'de',
        key_id: 'key',
        data_jwe: 'x',
        metadata_jwe: 'x',
        status_message: '',
        status_updated_at: LONG_AGO,
        body_hash: office,
        status: 'completed',
        submitted_at: LONG_AGO,
        received_at: LONG_AGO,
        attachments: '[]',
      })
      .execute();
  }
}

describe.each(testDialects('retention by tenant'))('retention rules by tenant on %s', (_name, open) => {
  let env: TestDatabase;
  beforeEach(async () => {
    env = await open();
    await migrateToLatest(env.db);
    await seed(env.db);
  });
  afterEach(() => env.close());

  const left = async () =>
    (await env.db.selectFrom('submissions').select('id').orderBy('id').execute()).map((r) => r.id);

  it('a form rule of one municipality deletes its applications, not those of a form of the same id elsewhere', async () => {
    await setRule(env.db, B, 'form', 'antrag', 30, NOW);
    expect(await listRules(env.db, A)).toEqual([]);
    expect((await listRules(env.db, B)).map((r) => r.targetId)).toEqual(['antrag']);
    const deleted = await applyRetention(env.db, NOW);
    expect(deleted.map((d) => d.submissionId)).toEqual(['sub-amt-b']);
    expect(await left()).toEqual(['sub-amt-a']);
  });

  it('each municipality keeps its own period for the same form id', async () => {
    await setRule(env.db, A, 'form', 'antrag', 365, NOW);
    await setRule(env.db, B, 'form', 'antrag', 30, NOW);
    expect((await listRules(env.db)).map((r) => r.days).sort()).toEqual([30, 365]);
    await applyRetention(env.db, NOW);
    expect(await left()).toEqual(['sub-amt-a']);
  });

  it('a rule can name only a target of its own municipality', async () => {
    expect(await targetExists(env.db, A, 'office', 'amt-a')).toBe(true);
    expect(await targetExists(env.db, A, 'office', 'amt-b')).toBe(false);
    expect(await targetExists(env.db, B, 'form', 'antrag')).toBe(true);
    expect(await targetExists(env.db, B, 'form', 'other')).toBe(false);
  });
});
