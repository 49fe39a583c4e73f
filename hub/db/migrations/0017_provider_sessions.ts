import type { Kysely, Migration } from 'kysely';

/**
 * The fleet console's own short-lived sessions (the provider API token is no longer the cookie),
 * and the counters that rate-limit provider login and terminal enrollment. Both live in the
 * database, so several hub instances share them.
 */
export const providerSessions: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('provider_sessions')
      .addColumn('session_hash', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('rate_limits')
      .addColumn('bucket', 'text', (c) => c.primaryKey())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('hits', 'integer', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('rate_limits').execute();
    await db.schema.dropTable('provider_sessions').execute();
  },
};
