import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api.js';
import type { SubmissionRequest } from '../../protocol/submission.js';
import { migrateToLatest } from '../db/migrate.js';
import { openDatabase, type DatabaseOptions } from '../db/open.js';
import { seedIfEmpty } from '../seed/seed.js';
import { buildHub } from '../server.js';
import { submissionBody, terminalHeaders, testSeed } from '../testing/test-hub.js';
import { backup, BackupError, restore } from './backup.js';

/** A hub on the given database, its submissions posted as a terminal does. */
async function hubOn(database: DatabaseOptions, seed = false) {
  const { db } = openDatabase(database);
  await migrateToLatest(db);
  if (seed) await seedIfEmpty(db, testSeed);
  const app = buildHub({ db, staticDir: '/nonexistent-static' });
  await app.ready();
  return {
    db,
    submit: (body: SubmissionRequest) =>
      app.inject({ method: 'POST', url: API.submissions, headers: terminalHeaders, payload: body }),
    count: async () =>
      (await db.selectFrom('submissions').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n,
    close: async () => {
      await app.close();
      await db.destroy();
    },
  };
}

/**
 * The restore story for one dialect: an acknowledged application is in the backup; on the
 * restored database the terminal's token still works, and the same application sent again is
 * recognised (same receipt, no second row).
 */
async function restoreStory(
  source: DatabaseOptions,
  target: DatabaseOptions,
  file: string,
  loseSource: () => Promise<void>,
) {
  const before = await hubOn(source, true);
  const acknowledged = submissionBody();
  const first = await before.submit(acknowledged);
  expect(first.statusCode).toBe(201);
  // Backed up while the hub is running.
  const made = await backup(source, file);
  expect(made.migrations).toBeGreaterThan(0);
  const after = submissionBody();
  expect((await before.submit(after)).statusCode).toBe(201);
  await before.close();
  await loseSource();

  const restored = await restore(target, file);
  expect(restored.migrations).toBe(made.migrations);
  const hub = await hubOn(target);
  try {
    expect(Number(await hub.count())).toBe(1);
    const again = await hub.submit(acknowledged);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(Number(await hub.count())).toBe(1);
    // What came after the backup is sent again by its terminal and arrives once.
    expect((await hub.submit(after)).statusCode).toBe(201);
    expect(Number(await hub.count())).toBe(2);
  } finally {
    await hub.close();
  }
}

describe('backup and restore on SQLite', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pop-backup-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('restores onto a fresh machine: acknowledged applications kept, re-sent ones recognised', async () => {
    const source = { dataDir: join(dir, 'old-machine') };
    await restoreStory(source, { dataDir: join(dir, 'new-machine') }, join(dir, 'hub.backup'), () =>
      rm(source.dataDir, { recursive: true, force: true }),
    );
  });

  it('refuses to overwrite a backup, to restore over a hub, or from a file that is not a hub backup', async () => {
    const source = { dataDir: join(dir, 'refusals') };
    const hub = await hubOn(source, true);
    await hub.close();
    const file = join(dir, 'refusals.backup');
    await backup(source, file);
    await expect(backup(source, file)).rejects.toThrow(/exists already; choose a new file/);
    await expect(restore(source, file)).rejects.toThrow(/restore only into an empty data folder/);
    const junk = join(dir, 'junk.backup');
    await writeFile(junk, 'not a database');
    await expect(restore({ dataDir: join(dir, 'empty') }, junk)).rejects.toThrow(BackupError);
    await expect(restore({ dataDir: join(dir, 'empty') }, junk)).rejects.toThrow(/is not a SQLite database/);
    await expect(backup({ dataDir: join(dir, 'nothing-here') }, join(dir, 'x.backup'))).rejects.toThrow(
      /no hub database to back up/,
    );
  });
});

const baseUrl = process.env['POP_TEST_POSTGRES_URL'];
if (!baseUrl)
  console.log('PostgreSQL backup tests skipped: set POP_TEST_POSTGRES_URL=postgres://... to run them.');

describe.skipIf(!baseUrl)('backup and restore on PostgreSQL', () => {
  const schema = `pop_backup_${randomBytes(6).toString('hex')}`;
  // Spelled out: libpq (pg_dump) reads %20 as a space but not URLSearchParams' "+".
  const url = () => `${baseUrl}${baseUrl?.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`;
  let admin: pg.Client;
  let dir: string;
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    dir = await mkdtemp(join(tmpdir(), 'pop-backup-pg-'));
  });
  afterAll(async () => {
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.end();
    await rm(dir, { recursive: true, force: true });
  });

  it('restores with pg_restore after the database is lost: nothing acknowledged lost, no duplicates', async () => {
    const database = { dataDir: '/nonexistent-unused', databaseUrl: url() };
    await restoreStory(database, database, join(dir, 'hub.pgdump'), async () => {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    });
    // A second restore into the now living database is refused.
    await expect(restore(database, join(dir, 'hub.pgdump'))).rejects.toThrow(/already holds a hub database/);
  });
});
