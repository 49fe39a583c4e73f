import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/open.js';
import type { HubKysely } from '../db/schema.js';
import { postgresSchema } from './hub-cli.js';

/** An empty database on one dialect; close() destroys it and removes its folder or schema. */
export interface TestDatabase {
  db: HubKysely;
  close(): Promise<void>;
}

export type OpenTestDatabase = () => Promise<TestDatabase>;

/**
 * The dialects a hub test runs on, for describe.each: SQLite always, PostgreSQL when
 * POP_TEST_POSTGRES_URL names a server (each database a schema of its own). Without it, says once
 * which tests were left out.
 */
export function testDialects(what: string): [string, OpenTestDatabase][] {
  const dialects: [string, OpenTestDatabase][] = [
    [
      'SQLite',
      () => {
        const dir = mkdtempSync(join(tmpdir(), 'pop-test-db-'));
        const { db } = openDatabase({ dataDir: dir });
        return Promise.resolve({
          db,
          async close() {
            await db.destroy();
            rmSync(dir, { recursive: true, force: true });
          },
        });
      },
    ],
  ];
  const url = process.env['POP_TEST_POSTGRES_URL'];
  if (url)
    dialects.push([
      'PostgreSQL',
      async () => {
        const schema = await postgresSchema(url);
        const { db } = openDatabase({ dataDir: '/nonexistent-unused', databaseUrl: schema.url });
        return {
          db,
          async close() {
            await db.destroy();
            await schema.drop();
          },
        };
      },
    ]);
  else console.log(`PostgreSQL ${what} tests skipped: set POP_TEST_POSTGRES_URL to run them.`);
  return dialects;
}
