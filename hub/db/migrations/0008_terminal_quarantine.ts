import type { Kysely, Migration } from 'kysely';

/** What each terminal holds in quarantine (envelope only), as it last reported it. */
export const terminalQuarantine: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('terminal_quarantine')
      .addColumn('terminal_id', 'text', (c) => c.notNull())
      .addColumn('submission_id', 'text', (c) => c.notNull())
      .addColumn('form_id', 'text', (c) => c.notNull())
      .addColumn('form_version', 'integer', (c) => c.notNull())
      .addColumn('service_id', 'text', (c) => c.notNull())
      .addColumn('office_id', 'text')
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('quarantined_at', 'text', (c) => c.notNull())
      .addColumn('reported_at', 'text', (c) => c.notNull())
      .addColumn('retry_requested_at', 'text')
      .addPrimaryKeyConstraint('terminal_quarantine_pk', ['terminal_id', 'submission_id'])
      .execute();
    await db.schema
      .createIndex('terminal_quarantine_office')
      .on('terminal_quarantine')
      .column('office_id')
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('terminal_quarantine').execute();
  },
};
