import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testDialects } from '../../testing/dialects.js';
import { MIGRATIONS, migrateToLatest } from '../migrate.js';

const BEFORE = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '0028'));
const at = '2026-11-01T00:00:00.000Z';

describe.each(testDialects('retention-rule migration'))(
  'migration 0028 (retention by tenant) on %s',
  (_name, open) => {
    it('gives an office rule its office’s tenant and a form rule every tenant with that form', async () => {
      const { db, close } = await open();
      try {
        await migrateToLatest(db, BEFORE);
        const raw = db as never;
        for (const tenant of ['149990000001', '149990000002'])
          await sql`INSERT INTO tenants (id, name, created_at) VALUES (${tenant}, ${tenant}, ${at})`.execute(
            raw,
          );
        await sql`INSERT INTO offices (tenant_id, id, position, document, updated_at)
        VALUES ('149990000001', 'amt-a', 0, '{}', ${at}), ('149990000002', 'amt-b', 0, '{}', ${at})`.execute(
          raw,
        );
        await sql`INSERT INTO forms (tenant_id, id, version, office_id, position, document, updated_at)
        VALUES ('149990000001', 'antrag', 1, 'amt-a', 0, '{}', ${at}),
               ('149990000001', 'antrag', 2, 'amt-a', 0, '{}', ${at}),
               ('149990000002', 'antrag', 1, 'amt-b', 0, '{}', ${at})`.execute(raw);
        await sql`INSERT INTO retention_rules (scope, target_id, days, updated_at)
        VALUES ('office', 'amt-b', 90, ${at}), ('form', 'antrag', 30, ${at}), ('form', 'gone', 7, ${at})`.execute(
          raw,
        );
        await migrateToLatest(db);
        const rules = await db
          .selectFrom('retention_rules')
          .select(['tenant_id', 'scope', 'target_id', 'days'])
          .orderBy('tenant_id')
          .orderBy('scope')
          .execute();
        expect(rules).toEqual([
          { tenant_id: '149990000001', scope: 'form', target_id: 'antrag', days: 30 },
          { tenant_id: '149990000002', scope: 'form', target_id: 'antrag', days: 30 },
          { tenant_id: '149990000002', scope: 'office', target_id: 'amt-b', days: 90 },
        ]);
      } finally {
        await close();
      }
    });
  },
);
