import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Retention rules belong to a municipality. A form id is unique only within its tenant, so a rule
 * for form `hundesteuer` of one municipality must not delete another's applications; office ids
 * are unique on the hub, but their rules carry the tenant too, so both scopes read alike.
 * Existing rules go to the tenant of their office, or to every tenant that has a form of that id.
 */
export const retentionTenants: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('retention_rules_by_tenant')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('days', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('retention_rules_tenant_pk', ['tenant_id', 'scope', 'target_id'])
      .execute();
    await sql`
      INSERT INTO retention_rules_by_tenant (tenant_id, scope, target_id, days, updated_at)
      SELECT DISTINCT o.tenant_id, r.scope, r.target_id, r.days, r.updated_at
        FROM retention_rules r JOIN offices o ON r.scope = 'office' AND o.id = r.target_id
      UNION
      SELECT DISTINCT f.tenant_id, r.scope, r.target_id, r.days, r.updated_at
        FROM retention_rules r JOIN forms f ON r.scope = 'form' AND f.id = r.target_id
    `.execute(db);
    await db.schema.dropTable('retention_rules').execute();
    await db.schema.alterTable('retention_rules_by_tenant').renameTo('retention_rules').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('retention_rules_hub')
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('days', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('retention_rules_pk', ['scope', 'target_id'])
      .execute();
    // Without tenants a target keeps one rule: the shortest period, the safer one to keep.
    await sql`
      INSERT INTO retention_rules_hub (scope, target_id, days, updated_at)
      SELECT scope, target_id, MIN(days), MAX(updated_at) FROM retention_rules GROUP BY scope, target_id
    `.execute(db);
    await db.schema.dropTable('retention_rules').execute();
    await db.schema.alterTable('retention_rules_hub').renameTo('retention_rules').execute();
  },
};
