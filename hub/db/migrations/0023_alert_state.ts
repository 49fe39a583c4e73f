import type { Kysely, Migration } from 'kysely';

/**
 * The alerts the hub has open or told about recently, one row per alert key, so a restart neither
 * fires every open alert again nor forgets to send its recovery.
 */
export const alertState: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('alert_state')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('since', 'text', (c) => c.notNull())
      .addColumn('told', 'text', (c) => c.notNull())
      .addColumn('told_count', 'integer', (c) => c.notNull())
      .addColumn('last_notice_at', 'text')
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('alert_state').execute();
  },
};
