import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import { demoContent } from '../../demo/demo-content.js';
import { contentRevision, insertContent, readSnapshot } from './store.js';
import { TEST_TENANT } from '../testing/tenant.js';

describe('insertContent', () => {
  it('stores a LeiKa-size catalog (more rows than SQLite binds in one statement), in order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pop-store-'));
    const { db } = openDatabase({ dataDir: dir });
    try {
      await migrateToLatest(db);
      const base = demoContent.services[0];
      if (!base) throw new Error('demo content has no services');
      const services = Array.from({ length: 8_600 }, (_, i) => ({
        ...base,
        id: `svc-${String(i).padStart(5, '0')}`,
      }));
      const content = { ...demoContent, services };
      await db
        .transaction()
        .execute((trx) => insertContent(trx, TEST_TENANT.id, content, contentRevision(content), 'now'));
      const snapshot = await readSnapshot(db, TEST_TENANT.id);
      expect(snapshot?.services).toHaveLength(8_600);
      expect(snapshot?.services.at(-1)?.id).toBe('svc-08599');
      expect(snapshot?.revision).toBe(contentRevision(content));
    } finally {
      await db.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
