import type { Kysely, Migration } from 'kysely';

/**
 * The live side of video calls, shared by every hub instance on one database: calls waiting or
 * running (with their deadlines), clerk presence, which instance holds which socket, signaling
 * messages on their way to a socket held by another instance, and the instances themselves.
 * Keyed by call id, office id and clerk username only; nothing here outlives a call for long.
 */
export const liveCalls: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('live_calls')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('terminal_id', 'text', (c) => c.notNull())
      .addColumn('terminal_name', 'text', (c) => c.notNull())
      .addColumn('office_id', 'text', (c) => c.notNull())
      .addColumn('service_id', 'text')
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('queued_at', 'text', (c) => c.notNull())
      .addColumn('waiting_since', 'text', (c) => c.notNull())
      /** 'waiting' or 'active'; accepting is one update from 'waiting'. */
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('front', 'integer', (c) => c.notNull())
      /** Unique: a clerk runs at most one call, whichever instance accepted it. */
      .addColumn('clerk', 'text', (c) => c.unique())
      .addColumn('last_clerk', 'text')
      .addColumn('offered_to', 'text')
      .addColumn('transferred_by', 'text')
      .addColumn('accepted_at', 'text')
      .addColumn('transfers', 'integer', (c) => c.notNull())
      .addColumn('queue_deadline', 'text')
      .addColumn('offer_deadline', 'text')
      .addColumn('terminal_gone_at', 'text')
      .addColumn('clerk_gone_at', 'text')
      .execute();
    await db.schema.createIndex('live_calls_terminal').on('live_calls').columns(['terminal_id']).execute();

    await db.schema
      .createTable('call_clerks')
      .addColumn('username', 'text', (c) => c.primaryKey())
      .addColumn('display_name', 'text', (c) => c.notNull())
      /** JSON array of office ids. */
      .addColumn('office_ids', 'text', (c) => c.notNull())
      .addColumn('presence', 'text', (c) => c.notNull())
      .addColumn('instance_id', 'text')
      .addColumn('conn_id', 'text')
      .addColumn('forget_at', 'text')
      .execute();

    await db.schema
      .createTable('call_terminals')
      .addColumn('terminal_id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('instance_id', 'text')
      .addColumn('conn_id', 'text')
      .execute();

    await db.schema
      .createTable('call_signals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('call_id', 'text', (c) => c.notNull())
      .addColumn('recipient_kind', 'text', (c) => c.notNull())
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('call_signals_created').on('call_signals').columns(['created_at']).execute();

    await db.schema
      .createTable('call_instances')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seen_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ['call_instances', 'call_signals', 'call_terminals', 'call_clerks', 'live_calls'])
      await db.schema.dropTable(table).execute();
  },
};
