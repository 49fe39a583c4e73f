import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrateToLatest } from './migrate.js';
import { openDatabase, redactPassword, SQLITE_FILE_NAME } from './open.js';

/** Tables of migration 0004 (fleet management). */
const FLEET_TABLES = [
  'config_documents',
  'config_releases',
  'enrollment_codes',
  'fleet_events',
  'provider_sessions',
  'provider_token_tenants',
  'provider_tokens',
  'rate_limits',
  'release_hub_origins',
  'terminal_commands',
  'terminal_daily',
  'terminal_keys',
  'terminal_status',
  'terminal_token_secrets',
];

const root = mkdtempSync(join(tmpdir(), 'pop-hub-migrate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('migrations on SQLite', () => {
  it('create the schema in a data dir that does not exist yet, and a re-run changes nothing', async () => {
    const dataDir = join(root, 'nested', 'data');
    const first = openDatabase({ dataDir });
    expect(await migrateToLatest(first.db)).toEqual(Object.keys(MIGRATIONS));
    expect(await migrateToLatest(first.db)).toEqual([]);
    await first.db.destroy();

    const second = openDatabase({ dataDir });
    expect(await migrateToLatest(second.db)).toEqual([]);
    const tables = (await second.db.introspection.getTables()).map((t) => t.name).sort();
    expect(tables).toEqual(
      [
        'alert_state',
        'attachment_chunks',
        'attachment_uploads',
        'audit_log',
        'call_clerks',
        'call_instances',
        'call_log',
        'call_requests',
        'call_signals',
        'call_terminals',
        'categories',
        'clerk_sessions',
        'clerks',
        'login_attempts',
        'oidc_logins',
        'office_delivery_routes',
        'fitconnect_deliveries',
        'content_meta',
        'forms',
        'life_situations',
        'live_calls',
        'offices',
        'services',
        'shared_translations',
        'shell_incidents',
        'submissions',
        'quarantine_discards',
        'terminal_quarantine',
        'terminals',
        'retention_rules',
        'deletion_log',
        'tenants',
        ...FLEET_TABLES,
      ].sort(),
    );
    await second.db.destroy();
  });

  it('opens SQLite durable: WAL, synchronous FULL, foreign keys on', async () => {
    const dataDir = join(root, 'pragmas');
    const { db, location } = openDatabase({ dataDir });
    await migrateToLatest(db);
    await db.destroy();
    expect(location).toBe(join(dataDir, SQLITE_FILE_NAME));
    // journal_mode is stored in the file; the others are per connection, so ask one opened by us.
    const raw = new SqliteDatabase(location);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('enforces foreign keys, so a submission cannot point to an unknown terminal', async () => {
    const { db } = openDatabase({ dataDir: join(root, 'fk') });
    await migrateToLatest(db);
    await expect(
      db
        .insertInto('submissions')
        .values({
          id: '00000000-0000-4000-8000-000000000000',
          tracking_code: 'AAAA-BBBB-CCCC',
          form_id: 'x',
          form_version: 1,
          service_id: 'x',
          office_id: 'x',
          terminal_id: 'nobody',
          locale: 'de',
          key_id: 'k',
          data_jwe: 'x',
          metadata_jwe: 'x',
          status_message: '',
          status_updated_at: null,
          body_hash: 'x',
          status: 'received',
          submitted_at: 'x',
          received_at: 'x',
          attachments: '[]',
        })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
    await db.destroy();
  });
});

describe('migrations against an unreachable PostgreSQL', () => {
  it('fail with a sentence that says the database could not be migrated', async () => {
    // Port 1 on the loopback refuses at once: no network, no waiting.
    const { db } = openDatabase({ dataDir: root, databaseUrl: 'postgres://pop:pw@127.0.0.1:1/pop' });
    await expect(migrateToLatest(db)).rejects.toThrow(/^Cannot migrate the database: .*ECONNREFUSED/);
    await db.destroy();
  });
});

describe('redactPassword', () => {
  it('hides the password of a database URL before it is logged', () => {
    expect(redactPassword('postgres://pop:s3cret@db.example:5432/pop')).toBe(
      'postgres://pop:***@db.example:5432/pop',
    );
  });
});
