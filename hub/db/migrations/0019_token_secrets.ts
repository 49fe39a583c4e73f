import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Migration } from 'kysely';
import type { FleetTables } from '../fleet-schema.js';

/**
 * The secrets enrolled terminals' short-lived tokens are signed with, shared by every hub on the
 * database: a token made by one instance is good at all of them and after a restart. Each token
 * names its secret's id, so a rotation keeps older tokens working until their secret is retired.
 * The first secret is made here, once per database, under the migration lock.
 */
export const tokenSecrets: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('terminal_token_secrets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('retired_at', 'text')
      .execute();
    await (db as Kysely<Pick<FleetTables, 'terminal_token_secrets'>>)
      .insertInto('terminal_token_secrets')
      .values({
        id: randomUUID().slice(0, 8),
        secret: randomBytes(32).toString('base64url'),
        created_at: new Date().toISOString(),
        retired_at: null,
      })
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('terminal_token_secrets').execute();
  },
};
