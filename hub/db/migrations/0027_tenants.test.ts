import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_TENANT_ID } from '../../../protocol/tenants.js';
import { testDialects } from '../../testing/dialects.js';
import { MIGRATIONS, migrateToLatest } from '../migrate.js';
import type { HubKysely } from '../schema.js';

const BEFORE = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '0027'));
const at = '2026-11-01T00:00:00.000Z';

/** A single-municipality hub as it stood before tenants, written with the old schema's statements. */
async function oldHub(db: HubKysely, municipalityId: string): Promise<void> {
  await migrateToLatest(db, BEFORE);
  // The test's kysely types resolve apart from the hub's (ESM/CJS declarations): same object.
  const raw = db as never;
  const doc = (value: object) => JSON.stringify(value);
  await sql`INSERT INTO content_meta (id, revision, municipality, updated_at)
    VALUES (1, 'r1', ${doc({ id: municipalityId, name: 'Altstadt' })}, ${at})`.execute(raw);
  await sql`INSERT INTO offices (id, position, document, updated_at) VALUES ('amt', 0, ${doc({ id: 'amt' })}, ${at})`.execute(
    raw,
  );
  await sql`INSERT INTO services (id, position, document, updated_at) VALUES ('meldebescheinigung', 0, '{}', ${at})`.execute(
    raw,
  );
  await sql`INSERT INTO forms (id, version, office_id, position, document, updated_at)
    VALUES ('anmeldung', 1, 'amt', 0, '{}', ${at})`.execute(raw);
  await sql`INSERT INTO terminals (id, name, token_hash, created_at) VALUES ('t-1', 'T', 'h', ${at})`.execute(
    raw,
  );
  await sql`INSERT INTO clerks (username, display_name, password_hash, office_ids, created_at)
    VALUES ('erika', 'Erika', 'x', '["amt"]', ${at})`.execute(raw);
  await sql`INSERT INTO submissions (id, tracking_code, form_id, form_version, service_id, office_id, terminal_id,
    locale, body_hash, status, submitted_at, received_at)
    VALUES ('s-1', 'TC-1', 'anmeldung', 1, 'meldebescheinigung', 'amt', 't-1', 'de', 'b', 'received', ${at}, ${at})`.execute(
    raw,
  );
  await sql`INSERT INTO provider_tokens (token_hash, name, created_at) VALUES ('p', 'kdn', ${at})`.execute(
    raw,
  );
  await sql`INSERT INTO audit_log (id, at, actor_kind, actor, action, target)
    VALUES ('a-1', ${at}, 'clerk', 'erika', 'office.create', 'office:amt')`.execute(raw);
}

describe.each(testDialects('tenant migration'))('migration 0027 (tenants) on %s', (_name, open) => {
  it('moves a hub whose municipality id is an ARS into that tenant, keeping every row', async () => {
    const { db, close } = await open();
    try {
      await oldHub(db, '146270010010');
      await migrateToLatest(db);
      expect(await db.selectFrom('tenants').select(['id', 'name']).execute()).toEqual([
        { id: '146270010010', name: 'Altstadt' },
      ]);
      for (const table of ['offices', 'services', 'forms', 'content_meta', 'terminals', 'clerks'] as const)
        expect(
          (await db.selectFrom(table).select('tenant_id').execute()).map((r) => r.tenant_id),
          table,
        ).toEqual(['146270010010']);
      expect((await db.selectFrom('audit_log').select('tenant_id').execute())[0]?.tenant_id).toBe(
        '146270010010',
      );
      expect((await db.selectFrom('submissions').select('id').execute()).map((r) => r.id)).toEqual(['s-1']);
      expect(await db.selectFrom('provider_tokens').select(['name', 'operator']).execute()).toEqual([
        { name: 'kdn', operator: 1 },
      ]);
    } finally {
      await close();
    }
  });

  it('uses the placeholder ARS otherwise; a second tenant may reuse service ids, not office ids', async () => {
    const { db, close } = await open();
    try {
      await oldHub(db, 'altstadt');
      await migrateToLatest(db);
      expect((await db.selectFrom('tenants').select('id').execute()).map((r) => r.id)).toEqual([
        PLACEHOLDER_TENANT_ID,
      ]);
      const other = '146270020020';
      await db
        .insertInto('services')
        .values({
          tenant_id: other,
          id: 'meldebescheinigung',
          position: 0,
          document: '{}',
          updated_at: at,
          deleted_at: null,
        })
        .execute();
      await db
        .insertInto('forms')
        .values({
          tenant_id: other,
          id: 'anmeldung',
          version: 1,
          office_id: 'amt2',
          position: 0,
          document: '{}',
          updated_at: at,
          deleted_at: null,
        })
        .execute();
      const office = {
        tenant_id: other,
        id: 'amt',
        position: 0,
        document: '{}',
        updated_at: at,
        deleted_at: null,
      };
      await expect(db.insertInto('offices').values(office).execute()).rejects.toThrow();
      const again = { ...office, tenant_id: PLACEHOLDER_TENANT_ID, id: 'meldebescheinigung' };
      await expect(db.insertInto('services').values(again).execute()).rejects.toThrow();
      // The submission's service and form no longer need a hub-wide key: the office names the tenant.
      expect(
        (await db.selectFrom('services').select('tenant_id').orderBy('tenant_id').execute()).length,
      ).toBe(2);
    } finally {
      await close();
    }
  });

  it('gives an empty database no tenant', async () => {
    const { db, close } = await open();
    try {
      await migrateToLatest(db);
      expect(await db.selectFrom('tenants').selectAll().execute()).toEqual([]);
    } finally {
      await close();
    }
  });
});
