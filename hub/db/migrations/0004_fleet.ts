import type { Kysely, Migration } from 'kysely';

/** Fleet management: releases of signed configs, enrollment, heartbeats, remote commands. */
export const fleet: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('provider_tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema
      .createTable('config_releases')
      .addColumn('version', 'integer', (c) => c.primaryKey())
      .addColumn('issuer', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('rollout_percent', 'integer', (c) => c.notNull())
      .addColumn('rollout_terminals', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('config_documents')
      .addColumn('version', 'integer', (c) =>
        c.notNull().references('config_releases.version').onDelete('cascade'),
      )
      .addColumn('terminal_id', 'text', (c) => c.notNull())
      .addColumn('signed', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('config_documents_pk', ['version', 'terminal_id'])
      .execute();
    await db.schema
      .createTable('terminal_keys')
      .addColumn('terminal_id', 'text', (c) => c.primaryKey().references('terminals.id').onDelete('cascade'))
      .addColumn('public_key', 'text', (c) => c.notNull())
      .addColumn('enrolled_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('enrollment_codes')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('terminal_id', 'text', (c) => c.notNull())
      .addColumn('terminal_name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema
      .createTable('terminal_status')
      .addColumn('terminal_id', 'text', (c) => c.primaryKey())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('app_version', 'text', (c) => c.notNull())
      .addColumn('config_version', 'integer', (c) => c.notNull())
      .addColumn('last_sync_at', 'text')
      .addColumn('outbox_depth', 'integer', (c) => c.notNull())
      .addColumn('quarantined', 'integer', (c) => c.notNull())
      .addColumn('storage_bytes', 'bigint', (c) => c.notNull())
      .addColumn('uptime_seconds', 'bigint', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('heartbeat_seconds', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('terminal_daily')
      .addColumn('terminal_id', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('sessions', 'integer', (c) => c.notNull())
      .addColumn('online_seconds', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('terminal_daily_pk', ['terminal_id', 'day'])
      .execute();
    await db.schema.createIndex('terminal_daily_day').on('terminal_daily').column('day').execute();
    await db.schema
      .createTable('terminal_commands')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('terminal_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('delivered_at', 'text')
      .addColumn('completed_at', 'text')
      .addColumn('result', 'text')
      .execute();
    await db.schema
      .createIndex('terminal_commands_pending')
      .on('terminal_commands')
      .columns(['terminal_id', 'status'])
      .execute();
    await db.schema
      .createTable('fleet_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('terminal_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('version', 'integer')
      .addColumn('message', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('fleet_events_at').on('fleet_events').column('at').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of [
      'fleet_events',
      'terminal_commands',
      'terminal_daily',
      'terminal_status',
      'enrollment_codes',
      'terminal_keys',
      'config_documents',
      'config_releases',
      'provider_tokens',
    ])
      await db.schema.dropTable(table).execute();
  },
};
