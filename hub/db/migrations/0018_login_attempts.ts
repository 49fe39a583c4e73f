import type { Kysely, Migration } from 'kysely';

/**
 * Failed-login counters per account and per address, in the database so that a restart does not
 * forgive them and every hub on one PostgreSQL counts together. One row per key and window.
 */
export const loginAttempts: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('login_attempts')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('window_started_at', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('login_attempts').execute();
  },
};
