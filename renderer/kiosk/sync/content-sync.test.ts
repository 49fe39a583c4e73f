import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContentChanges } from '../../../protocol/content-changes.js';
import { demoContent } from '../../../demo/demo-content.js';
import { KioskDatabase, readCatalog } from '../storage/index.js';
import { syncContent } from './content-sync.js';
import type { ChangesAnswer, HubClient } from './hub-client.js';

let db: KioskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new KioskDatabase(`content-sync-${++counter}`);
  await db.open();
});
afterEach(() => db.delete());

const services = demoContent.services.slice(0, 6);
const at = '2026-11-01T08:00:00.000Z';

/** The hub's pages: two services each, the checkpoint is the page number. */
function pageAfter(since: string | null): ContentChanges {
  const index = since === null ? 0 : Number(since);
  const slice = services.slice(index * 2, index * 2 + 2);
  const last = index * 2 + 2 >= services.length;
  return {
    revision: 'r1',
    municipality: demoContent.municipality,
    changes: slice.map((s) => ({ kind: 'service', key: s.id, updatedAt: at, deleted: false, document: s })),
    checkpoint: String(index + 1),
    hasMore: !last,
  };
}

function hub(hint: (page: ContentChanges) => string | null) {
  const asked: (string | null)[] = [];
  const client = {
    openChanges(since: string | null): Promise<ChangesAnswer | null> {
      asked.push(since);
      const page = pageAfter(since);
      return Promise.resolve({
        next: page.hasMore ? hint(page) : null,
        read: () => Promise.resolve({ page, text: JSON.stringify(page) }),
      });
    },
  };
  return { asked, client: client as unknown as HubClient };
}

describe('syncContent', () => {
  it('asks for the next page on the hub’s hint before reading this one, and applies all at once', async () => {
    const { asked, client } = hub((page) => page.checkpoint);
    expect(await syncContent(db, client)).toBe('updated');
    expect(asked).toEqual([null, '1', '2']);
    const catalog = await readCatalog(db);
    expect(catalog.services.map((s) => s.id).sort()).toEqual(services.map((s) => s.id).sort());
    expect(catalog.meta).toMatchObject({ revision: 'r1', checkpoint: '3' });
  });

  it('drops a hint the page body contradicts and goes on from the body’s checkpoint', async () => {
    const { asked, client } = hub(() => 'bogus');
    expect(await syncContent(db, client)).toBe('updated');
    expect(asked).toEqual([null, 'bogus', '1', 'bogus', '2']);
    expect((await readCatalog(db)).services).toHaveLength(services.length);
  });
});
