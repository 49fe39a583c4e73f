import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentChanges } from '../../protocol/content-changes.js';
import { migrateToLatest } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import { demoContent } from '../../demo/demo-content.js';
import { decodeCheckpoint, readChanges, readChangesJson } from './changes.js';
import { contentRevision, insertContent } from './store.js';
import { TEST_TENANT } from '../testing/tenant.js';

describe('readChangesJson', () => {
  it('sends exactly the pages readChanges describes, deletions and forms included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pop-changes-'));
    const { db } = openDatabase({ dataDir: dir });
    try {
      await migrateToLatest(db);
      await db
        .transaction()
        .execute((trx) =>
          insertContent(
            trx,
            TEST_TENANT.id,
            demoContent,
            contentRevision(demoContent),
            '2026-11-01T00:00:00.000Z',
          ),
        );
      const later = '2026-11-02T00:00:00.000Z';
      const gone = demoContent.services[1]?.id ?? '';
      await db
        .updateTable('services')
        .set({ deleted_at: later, updated_at: later })
        .where('id', '=', gone)
        .execute();
      const meta = { revision: 'r1', municipality: demoContent.municipality };

      let pages = 0;
      for (const since of [null, 'after-first']) {
        // A first pull (no deletions), then a delta after the first page of a second pull.
        let checkpoint =
          since === null
            ? null
            : decodeCheckpoint((await readChanges(db, TEST_TENANT.id, null, 7, meta)).checkpoint ?? '');
        for (;;) {
          const expected = await readChanges(db, TEST_TENANT.id, checkpoint, 7, meta);
          const json = await readChangesJson(db, TEST_TENANT.id, checkpoint, 7, meta);
          expect(ContentChanges.parse(JSON.parse(json.text))).toEqual(expected);
          expect(json).toMatchObject({ checkpoint: expected.checkpoint, hasMore: expected.hasMore });
          pages++;
          if (!expected.hasMore || !expected.checkpoint) break;
          checkpoint = decodeCheckpoint(expected.checkpoint);
        }
      }
      expect(pages).toBeGreaterThan(4);

      // Small pages add up to exactly the one big page: nothing skipped, nothing twice.
      const whole = (await readChanges(db, TEST_TENANT.id, null, 1000, meta)).changes.map(
        (c) => `${c.kind}:${c.key}`,
      );
      const paged: string[] = [];
      let cursor = null as ReturnType<typeof decodeCheckpoint> | null;
      for (;;) {
        const page = await readChanges(db, TEST_TENANT.id, cursor, 3, meta);
        // Pages after the first are deltas: they carry the deletion too, which a first pull leaves out.
        paged.push(...page.changes.filter((c) => !c.deleted).map((c) => `${c.kind}:${c.key}`));
        if (!page.hasMore || !page.checkpoint) break;
        cursor = decodeCheckpoint(page.checkpoint);
      }
      expect(paged).toEqual(whole);
      expect(new Set(whole).size).toBe(whole.length);
      const delta = await readChanges(
        db,
        TEST_TENANT.id,
        decodeCheckpoint((await readChanges(db, TEST_TENANT.id, null, 1000, meta)).checkpoint ?? ''),
        1000,
        meta,
      );
      expect(delta.changes).toEqual([expect.objectContaining({ key: gone, deleted: true })]);
    } finally {
      await db.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
