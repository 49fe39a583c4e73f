import type { Kysely, Migration } from 'kysely';
import { hubUrlOfSignedConfig } from '../../fleet/hub-origins.js';

/**
 * The hub addresses named in published releases: the kiosk pages this hub serves may connect to
 * them (CSP connect-src), so a signed config can move a Chromium-mode terminal to another hub.
 */
export const releaseHubOrigins: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('release_hub_origins')
      .addColumn('version', 'integer', (c) =>
        c.notNull().references('config_releases.version').onDelete('cascade'),
      )
      .addColumn('hub_url', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('release_hub_origins_pk', ['version', 'hub_url'])
      .execute();
    // Releases published before this migration: their addresses, read once from the documents.
    const typed = db as unknown as Kysely<{
      config_documents: { version: number; terminal_id: string; signed: string };
      release_hub_origins: { version: number; hub_url: string };
    }>;
    let after = { version: 0, terminal_id: '' };
    for (;;) {
      const rows = await typed
        .selectFrom('config_documents')
        .select(['version', 'terminal_id', 'signed'])
        .where((eb) =>
          eb.or([
            eb('version', '>', after.version),
            eb.and([eb('version', '=', after.version), eb('terminal_id', '>', after.terminal_id)]),
          ]),
        )
        .orderBy('version')
        .orderBy('terminal_id')
        .limit(500)
        .execute();
      if (rows.length === 0) break;
      const found = new Map<string, { version: number; hub_url: string }>();
      for (const row of rows) {
        const hubUrl = hubUrlOfSignedConfig(row.signed);
        if (hubUrl) found.set(`${row.version} ${hubUrl}`, { version: row.version, hub_url: hubUrl });
      }
      if (found.size > 0)
        await typed
          .insertInto('release_hub_origins')
          .values([...found.values()])
          .onConflict((oc) => oc.doNothing())
          .execute();
      const last = rows.at(-1);
      if (!last) break;
      after = { version: last.version, terminal_id: last.terminal_id };
    }
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('release_hub_origins').execute();
  },
};
