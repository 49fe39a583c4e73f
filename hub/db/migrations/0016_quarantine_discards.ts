import type { Kysely, Migration } from 'kysely';

/**
 * The audit trail of quarantined applications an office discarded: who decided, why, and when
 * the terminal had deleted it. Rows are never deleted.
 */
export const quarantineDiscards: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('quarantine_discards')
      .addColumn('terminal_id', 'text', (c) => c.notNull())
      .addColumn('submission_id', 'text', (c) => c.notNull())
      .addColumn('form_id', 'text', (c) => c.notNull())
      .addColumn('form_version', 'integer', (c) => c.notNull())
      .addColumn('service_id', 'text', (c) => c.notNull())
      .addColumn('office_id', 'text')
      .addColumn('quarantine_reason', 'text', (c) => c.notNull())
      .addColumn('discard_reason', 'text', (c) => c.notNull())
      .addColumn('requested_by', 'text', (c) => c.notNull())
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .addColumn('confirmed_at', 'text')
      .addPrimaryKeyConstraint('quarantine_discards_pk', ['terminal_id', 'submission_id'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('quarantine_discards').execute();
  },
};
