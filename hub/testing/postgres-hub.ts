import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrateToLatest } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import { seedIfEmpty } from '../seed/seed.js';
import { buildHub, type HubOptions } from '../server.js';
import { testProviderKeys } from './fleet.js';
import { testSeed, type TestHub } from './test-hub.js';

/** The test hub of test-hub.ts on a real PostgreSQL, in a schema of its own that close() drops. */
export async function startPostgresTestHub(
  baseUrl: string,
  overrides: Partial<Omit<HubOptions, 'db'>> = {},
): Promise<TestHub> {
  const schema = `pop_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const dataDir = await mkdtemp(join(tmpdir(), 'pop-hub-pg-test-'));
  const { db } = openDatabase({ dataDir, databaseUrl: url.toString() });
  await migrateToLatest(db);
  await seedIfEmpty(db, testSeed);
  const app = buildHub({
    db,
    databaseUrl: url.toString(),
    staticDir: join(dataDir, 'no-static-build'),
    checkAnswers: true,
    providerKeys: testProviderKeys,
    ...overrides,
  });
  await app.ready();
  return {
    app,
    db,
    dataDir,
    async close() {
      await app.close();
      await db.destroy();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
