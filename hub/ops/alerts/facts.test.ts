import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../../protocol/api.js';
import { migrateToLatest } from '../../db/migrate.js';
import { openDatabase } from '../../db/open.js';
import type { HubKysely } from '../../db/schema.js';
import { seedIfEmpty } from '../../seed/seed.js';
import { buildHub } from '../../server.js';
import { insertTerminals } from '../../testing/fleet.js';
import { submissionBody, terminalHeaders, testSeed, TEST_TERMINAL } from '../../testing/test-hub.js';
import { gatherConditions, type DeliveryFailureSource } from './facts.js';
import { AlertMonitor } from './monitor.js';
import type { AlertNotice } from './policy.js';
import { loadAlertState, saveAlertState } from './store.js';
import { TEST_TENANT } from '../../testing/tenant.js';

/** The facts and the stored state on both dialects: SQLite always, PostgreSQL when given. */
const postgresUrl = process.env['POP_TEST_POSTGRES_URL'];
if (!postgresUrl)
  console.log('PostgreSQL alert tests skipped: set POP_TEST_POSTGRES_URL=postgres://... to run them.');

const NOW = new Date('2026-11-21T10:00:00.000Z');
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();
const thresholds = { silentAfterMs: 10 * 60_000, quarantineAbove: 1, deliveryAfterMs: 3_600_000 };

interface Dialect {
  db: HubKysely;
  close(): Promise<void>;
}

async function sqlite(): Promise<Dialect> {
  const dataDir = await mkdtemp(join(tmpdir(), 'pop-alert-facts-'));
  const { db } = openDatabase({ dataDir });
  return {
    db,
    async close() {
      await db.destroy();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function postgres(): Promise<Dialect> {
  const schema = `pop_alerts_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(postgresUrl ?? '');
  url.searchParams.set('options', `-c search_path=${schema}`);
  const { db } = openDatabase({ dataDir: '/nonexistent-unused', databaseUrl: url.toString() });
  return {
    db,
    async close() {
      await db.destroy();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}

const status = (terminalId: string, lastSeen: string, quarantined: number) => ({
  terminal_id: terminalId,
  last_seen_at: lastSeen,
  app_version: '0.1.0',
  config_version: 1,
  last_sync_at: null,
  outbox_depth: 0,
  quarantined,
  storage_bytes: 0,
  uptime_seconds: 60,
  last_error: null,
  heartbeat_seconds: 30,
});

describe.each([
  ['SQLite', sqlite, false],
  ['PostgreSQL', postgres, !postgresUrl],
] as const)('alert facts on %s', (name, open, skip) => {
  let dialect: Dialect;
  let db: HubKysely;

  beforeAll(async () => {
    if (skip) return;
    dialect = await open();
    db = dialect.db;
    await migrateToLatest(db);
    await seedIfEmpty(db, testSeed);
    await insertTerminals(db, ['t-quiet', 't-full', 't-revoked', 't-upload']);
    await db
      .updateTable('terminals')
      .set({ revoked_at: ago(60) })
      .where('id', '=', 't-revoked')
      .execute();
    await db
      .insertInto('terminal_status')
      .values([
        status(TEST_TERMINAL.id, ago(1), 0),
        status('t-quiet', ago(25), 0),
        status('t-full', ago(2), 3),
        status('t-revoked', ago(600), 9),
      ])
      .execute();
    // Two applications through the real route: one old (not taken up), one fresh.
    const app = buildHub({ db, staticDir: '/nonexistent-unused', now: () => new Date(ago(120)) });
    const fresh = buildHub({ db, staticDir: '/nonexistent-unused', now: () => NOW });
    for (const [hub, payload] of [
      [app, submissionBody()],
      [fresh, submissionBody()],
    ] as const) {
      const sent = await hub.inject({
        method: 'POST',
        url: API.submissions,
        headers: terminalHeaders,
        payload,
      });
      expect(sent.statusCode).toBe(201);
      await hub.close();
    }
    await db
      .insertInto('attachment_uploads')
      .values({
        submission_id: 'sub-stalled',
        attachment_id: 'att-1',
        terminal_id: 't-upload',
        length: 100,
        received: 40,
        created_at: ago(180),
        completed_at: null,
      })
      .execute();
    for (const version of [1, 2])
      await db
        .insertInto('config_releases')
        .values({
          version,
          tenant_id: TEST_TENANT.id,
          issuer: 'provider',
          created_at: ago(300),
          rollout_percent: 100,
          rollout_terminals: '[]',
          updated_at: ago(300),
        })
        .execute();
    const revert = (id: string, terminal: string, version: number) => ({
      id,
      terminal_id: terminal,
      at: ago(30),
      kind: 'config_reverted',
      version,
      message: 'health check failed',
    });
    await db
      .insertInto('fleet_events')
      .values([
        revert('e1', 't-quiet', 2),
        revert('e2', 't-full', 2),
        revert('e3', 't-full', 2),
        revert('e4', 't-full', 1),
      ])
      .execute();
  });

  afterAll(async () => {
    await dialect?.close();
  });

  it.skipIf(skip)(
    'finds silent terminals, big quarantines, failed deliveries and reverted releases',
    async () => {
      const conditions = await gatherConditions({ db, now: NOW, thresholds });
      expect(conditions.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
        {
          key: 'delivery_failed:unfetched:buergerbuero',
          kind: 'delivery_failed',
          subject: { office: 'buergerbuero', source: 'unfetched' },
          count: 1,
        },
        {
          key: 'delivery_failed:upload_stalled:t-upload',
          kind: 'delivery_failed',
          subject: { terminal: 't-upload', source: 'upload_stalled' },
          count: 1,
        },
        { key: 'quarantine:t-full', kind: 'quarantine', subject: { terminal: 't-full' }, count: 3 },
        // Of the newest release only, by distinct terminals.
        { key: 'release_reverted:2', kind: 'release_reverted', subject: { release: 2 }, count: 2 },
        {
          key: 'terminal_silent:t-quiet',
          kind: 'terminal_silent',
          subject: { terminal: 't-quiet' },
          count: 25,
        },
      ]);
    },
  );

  it.skipIf(skip)('takes a further delivery-failure source as one more function', async () => {
    const fitConnect: DeliveryFailureSource = () =>
      Promise.resolve([
        {
          key: 'delivery_failed:fit_connect:buergerbuero',
          kind: 'delivery_failed',
          subject: { office: 'buergerbuero', source: 'fit_connect' },
          count: 4,
        },
      ]);
    const conditions = await gatherConditions({ db, now: NOW, thresholds }, [fitConnect]);
    expect(conditions.filter((c) => c.kind === 'delivery_failed').map((c) => c.key)).toEqual([
      'delivery_failed:fit_connect:buergerbuero',
    ]);
  });

  it.skipIf(skip)('stores the state and reads it back; a restarted monitor continues from it', async () => {
    const sent: AlertNotice[][] = [];
    const channel = {
      name: 'webhook' as const,
      send: (n: readonly AlertNotice[]) => (sent.push([...n]), Promise.resolve()),
    };
    const monitor = () =>
      new AlertMonitor({
        db,
        channels: [channel],
        thresholds,
        repeatMs: 0,
        log: { info: () => undefined, error: () => undefined },
      });
    expect((await monitor().evaluate(NOW)).length).toBe(5);
    const stored = await loadAlertState(db);
    expect(stored.map((s) => [s.key, s.told, s.active])).toContainEqual([
      'quarantine:t-full',
      'firing',
      true,
    ]);
    expect(await monitor().evaluate(new Date(NOW.getTime() + 60_000))).toEqual([]);
    // t-full empties its quarantine: one recovery, from a fresh monitor.
    await db
      .updateTable('terminal_status')
      .set({ quarantined: 0 })
      .where('terminal_id', '=', 't-full')
      .execute();
    const recovered = await monitor().evaluate(new Date(NOW.getTime() + 120_000));
    expect(recovered.map((n) => [n.key, n.status])).toEqual([['quarantine:t-full', 'recovered']]);
    await saveAlertState(db, []);
    expect(await loadAlertState(db)).toEqual([]);
  });

  // SQLite serves one hub process (the data folder's lock), so only PostgreSQL has several.
  if (name === 'PostgreSQL')
    it.skipIf(skip)('lets only one of several hubs on one PostgreSQL send a notice', async () => {
      await saveAlertState(db, []);
      let sent = 0;
      const hubs = Array.from(
        { length: 4 },
        () =>
          new AlertMonitor({
            db,
            channels: [{ name: 'webhook', send: (n) => ((sent += n.length), Promise.resolve()) }],
            thresholds,
            repeatMs: 0,
            log: { info: () => undefined, error: () => undefined },
          }),
      );
      const holding = (await gatherConditions({ db, now: NOW, thresholds })).length;
      expect(holding).toBeGreaterThan(0);
      await Promise.all(hubs.map((hub) => hub.evaluate(NOW)));
      expect(sent).toBe(holding);
    });
});
