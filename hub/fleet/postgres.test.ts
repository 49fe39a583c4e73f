import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProviderKey } from '../../kiosk-config/fleet/keys.js';
import { migrateToLatest } from '../db/migrate.js';
import { openDatabase, type OpenDatabase } from '../db/open.js';
import { CommandQueue } from './commands.js';
import { HeartbeatBuffer } from './heartbeats.js';
import { publishRelease } from './releases.js';
import { RolloutCache } from './rollout.js';
import {
  exampleFleet,
  heartbeat,
  insertTerminals,
  signedRelease,
  testProviderKeys,
} from '../testing/fleet.js';

/** Fleet queries that differ most between dialects (upserts, SET LOCAL) against a real PostgreSQL. */
const baseUrl = process.env['POP_TEST_POSTGRES_URL'];
if (!baseUrl)
  console.log('PostgreSQL fleet tests skipped: set POP_TEST_POSTGRES_URL=postgres://... to run them.');
const schema = `pop_fleet_${randomBytes(6).toString('hex')}`;

describe.skipIf(!baseUrl)('fleet on PostgreSQL', () => {
  let database: OpenDatabase;
  let admin: pg.Client;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const url = new URL(baseUrl ?? '');
    url.searchParams.set('options', `-c search_path=${schema}`);
    database = openDatabase({ dataDir: '/nonexistent-unused', databaseUrl: url.toString() });
    await migrateToLatest(database.db);
    await insertTerminals(database.db, ['t-00', 't-01']);
  });

  afterAll(async () => {
    await database?.db.destroy();
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.end();
  });

  it('buffers heartbeats and adds up sessions and online time per day', async () => {
    const buffer = new HeartbeatBuffer(database.db, 60_000);
    const at = new Date('2026-11-21T10:00:00.000Z');
    buffer.record('t-00', { ...heartbeat({ sessions: 2, storageBytes: 5_000_000_000 }), events: [] }, at);
    await buffer.flush();
    buffer.record('t-00', { ...heartbeat({ sessions: 3 }), events: [] }, new Date(at.getTime() + 30_000));
    await buffer.close();
    const daily = await database.db.selectFrom('terminal_daily').selectAll().execute();
    expect(daily).toEqual([{ terminal_id: 't-00', day: '2026-11-21', sessions: 5, online_seconds: 30 }]);
    const status = await database.db.selectFrom('terminal_status').selectAll().executeTakeFirstOrThrow();
    expect(Number(status.storage_bytes)).toBe(1000);
  });

  it('publishes, assigns and queues commands', async () => {
    const release = await signedRelease(exampleFleet(2), await generateProviderKey('pg'), 1);
    await publishRelease(
      database.db,
      release,
      { percent: 0, terminals: ['t-01'] },
      new Date(),
      testProviderKeys,
    );
    const rollout = new RolloutCache(database.db);
    expect([await rollout.versionFor('t-00'), await rollout.versionFor('t-01')]).toEqual([null, 1]);
    const commands = new CommandQueue(database.db);
    await commands.create('t-01', 'reload', 60, new Date());
    expect((await commands.take('t-01', new Date())).map((c) => c.kind)).toEqual(['reload']);
  });

  it('refuses an unsigned release claiming version 900000000000000 and stores nothing', async () => {
    const key = await generateProviderKey('pg');
    const genuine = await signedRelease(exampleFleet(2), key, 2);
    const poison = structuredClone(genuine);
    poison.version = 900_000_000_000_000;
    for (const config of Object.values(poison.configs)) {
      config.payload = config.payload.replace('"version":2', '"version":900000000000000');
      config.signature = 'A'.repeat(86);
    }
    await expect(
      publishRelease(database.db, poison, { percent: 100, terminals: [] }, new Date(), testProviderKeys),
    ).rejects.toMatchObject({ statusCode: 422, body: { error: 'release_not_verified' } });
    const highest = await database.db
      .selectFrom('config_releases')
      .select((eb) => eb.fn.max('version').as('version'))
      .executeTakeFirst();
    expect(Number(highest?.version)).toBe(1);
    await publishRelease(database.db, genuine, { percent: 100, terminals: [] }, new Date(), testProviderKeys);
    expect(await new RolloutCache(database.db).versionFor('t-00')).toBe(2);
  });
});
