import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, type Migration } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrateToLatest } from '../migrate.js';
import { openDatabase } from '../open.js';

const root = mkdtempSync(join(tmpdir(), 'pop-hub-0009-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const signed = (hubUrl: unknown) =>
  JSON.stringify({ payload: JSON.stringify({ settings: { hubUrl } }), keyId: 'k', signature: 'x' });

describe('0009_release_hub_origins', () => {
  it('records the hub addresses of releases published before it, and skips what is no address', async () => {
    const { db } = openDatabase({ dataDir: root });
    const before = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '0009'));
    type MigratorProps = ConstructorParameters<typeof Migrator>[0];
    const migrator = new Migrator({
      // The test's kysely types resolve apart from the hub's (ESM/CJS declarations): same object.
      db: db as unknown as MigratorProps['db'],
      provider: { getMigrations: () => Promise.resolve(before as unknown as Record<string, Migration>) },
      allowUnorderedMigrations: true,
    });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const at = '2026-11-21T10:00:00.000Z';
    for (const version of [1, 2])
      await db
        .insertInto('config_releases')
        // The schema as of 0008: tenant_id comes with migration 0027.
        .values({
          version,
          issuer: 'kdn',
          created_at: at,
          rollout_percent: 100,
          rollout_terminals: '[]',
          updated_at: at,
        } as unknown as {
          version: number;
          tenant_id: string;
          issuer: string;
          created_at: string;
          rollout_percent: number;
          rollout_terminals: string;
          updated_at: string;
        })
        .execute();
    await db
      .insertInto('config_documents')
      .values([
        { version: 1, terminal_id: 'a', signed: signed('http://127.0.0.1:8080') },
        { version: 1, terminal_id: 'b', signed: signed('http://127.0.0.1:8080/') },
        { version: 2, terminal_id: 'a', signed: signed('https://hub-neu.example.org/pop') },
        { version: 2, terminal_id: 'b', signed: signed('javascript:alert(1)') },
        { version: 2, terminal_id: 'c', signed: 'not json' },
      ])
      .execute();

    expect(await migrateToLatest(db)).toEqual(Object.keys(MIGRATIONS).filter((name) => name >= '0009'));
    const rows = await db
      .selectFrom('release_hub_origins')
      .selectAll()
      .orderBy('version')
      .orderBy('hub_url')
      .execute();
    expect(rows).toEqual([
      { version: 1, hub_url: 'http://127.0.0.1:8080' },
      { version: 2, hub_url: 'https://hub-neu.example.org' },
    ]);
    await db.destroy();
  });
});
