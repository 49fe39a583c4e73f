import type { Kysely, Migration } from 'kysely';

/**
 * Video calls: a log of calls (times and outcome only, never media, chat or co-view content) and
 * the callback requests / appointment bookings citizens leave when nobody can answer.
 */
export const calls: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('call_log')
      .addColumn('call_id', 'text', (c) => c.primaryKey())
      .addColumn('office_id', 'text', (c) => c.notNull())
      .addColumn('service_id', 'text')
      .addColumn('terminal_id', 'text', (c) => c.notNull())
      .addColumn('clerk_username', 'text')
      .addColumn('queued_at', 'text', (c) => c.notNull())
      .addColumn('accepted_at', 'text')
      .addColumn('ended_at', 'text', (c) => c.notNull())
      .addColumn('end_reason', 'text', (c) => c.notNull())
      .addColumn('transfers', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('call_log_ended_at').on('call_log').columns(['ended_at']).execute();

    await db.schema
      .createTable('call_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('office_id', 'text', (c) => c.notNull())
      .addColumn('service_id', 'text')
      .addColumn('terminal_id', 'text', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('slot', 'text')
      /** 1 confirmed, 0 taken meanwhile, null for a callback. */
      .addColumn('slot_confirmed', 'integer')
      .addColumn('body_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('call_requests_slot')
      .on('call_requests')
      .columns(['office_id', 'slot'])
      .execute();
    await db.schema
      .createIndex('call_requests_received_at')
      .on('call_requests')
      .columns(['received_at'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('call_requests').execute();
    await db.schema.dropTable('call_log').execute();
  },
};
