import type { Kysely, Migration } from 'kysely';

/**
 * Retention periods per office or form, and the log of what the hub deleted under them. The log
 * holds ids, times and the rule, never content: it must outlive what it records.
 */
export const retention: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('retention_rules')
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('days', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('retention_rules_pk', ['scope', 'target_id'])
      .execute();
    await db.schema
      .createTable('deletion_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('submission_id', 'text', (c) => c.notNull())
      .addColumn('office_id', 'text', (c) => c.notNull())
      .addColumn('form_id', 'text', (c) => c.notNull())
      .addColumn('form_version', 'integer', (c) => c.notNull())
      .addColumn('attachment_count', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('processed_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('rule_scope', 'text', (c) => c.notNull())
      .addColumn('rule_target_id', 'text', (c) => c.notNull())
      .addColumn('rule_days', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('deletion_log_deleted_at').on('deletion_log').column('deleted_at').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('deletion_log').execute();
    await db.schema.dropTable('retention_rules').execute();
  },
};
