import type { Kysely, Migration } from 'kysely';

/** Reports of kiosk shells that cannot keep themselves running (crash loops). */
export const shellIncidents: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('shell_incidents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('terminal_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull())
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('shell_incidents_terminal')
      .on('shell_incidents')
      .columns(['terminal_id', 'received_at'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('shell_incidents').execute();
  },
};
