import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresSchema } from '../testing/hub-cli.js';
import { assertSchemaCurrent, MIGRATIONS, migrateToLatest, SchemaBehind, schemaStatus } from './migrate.js';
import { openDatabase, type OpenDatabase } from './open.js';

const root = mkdtempSync(join(tmpdir(), 'pop-hub-migrate-compat-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** What a newer build might bring: an added table (expand), which older code never reads. */
const newer: (typeof MIGRATIONS)[string] = {
  async up(db) {
    await db.schema
      .createTable('from_a_newer_build')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .execute();
  },
};
const NEWER_BUILD = { ...MIGRATIONS, '9990_from_a_newer_build': newer };

const pgUrl = process.env['POP_TEST_POSTGRES_URL'];
if (!pgUrl)
  console.log('PostgreSQL migration-compatibility tests skipped: set POP_TEST_POSTGRES_URL to run them.');

const dialects: { name: string; open(): Promise<{ database: OpenDatabase; drop(): Promise<void> }> }[] = [
  {
    name: 'SQLite',
    open: () =>
      Promise.resolve({
        database: openDatabase({ dataDir: mkdtempSync(join(root, 'db-')) }),
        drop: () => Promise.resolve(),
      }),
  },
  ...(pgUrl
    ? [
        {
          name: 'PostgreSQL',
          async open() {
            const schema = await postgresSchema(pgUrl);
            return { database: openDatabase({ dataDir: root, databaseUrl: schema.url }), drop: schema.drop };
          },
        },
      ]
    : []),
];

describe.each(dialects)('schema compatibility on $name', (dialect) => {
  it('lets an older build start and migrate against a database a newer build migrated', async () => {
    const { database, drop } = await dialect.open();
    try {
      expect(await migrateToLatest(database.db, NEWER_BUILD)).toContain('9990_from_a_newer_build');
      expect(await schemaStatus(database.db)).toEqual({ pending: [], newer: ['9990_from_a_newer_build'] });
      expect(await migrateToLatest(database.db)).toEqual([]);
      await expect(assertSchemaCurrent(database.db)).resolves.toMatchObject({ pending: [] });
    } finally {
      await database.db.destroy();
      await drop();
    }
  });

  it('says which migrations are missing when a hub that may not migrate meets an old schema', async () => {
    const { database, drop } = await dialect.open();
    try {
      const error = await assertSchemaCurrent(database.db).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SchemaBehind);
      expect((error as Error).message).toMatch(
        /schema is behind this build \(missing 0001_initial, .*pop-hub migrate/,
      );
      const older = Object.fromEntries(
        Object.entries(MIGRATIONS).filter(([name]) => name !== '0019_token_secrets'),
      );
      await migrateToLatest(database.db, older);
      await expect(assertSchemaCurrent(database.db)).rejects.toThrow(/missing 0019_token_secrets\)/);
      expect(await migrateToLatest(database.db)).toEqual(['0019_token_secrets']);
      await expect(assertSchemaCurrent(database.db)).resolves.toEqual({ pending: [], newer: [] });
    } finally {
      await database.db.destroy();
      await drop();
    }
  });
});
