import type { KioskDatabase } from '../storage/db.js';
import { applySnapshot, contentRevision } from '../storage/content-store.js';
import type { HubClient } from './hub-client.js';

export type ContentSyncResult = 'updated' | 'unchanged' | 'failed';

/** Pulls the catalog; an unchanged catalog costs one request answered with 304. */
export async function syncContent(db: KioskDatabase, client: HubClient): Promise<ContentSyncResult> {
  try {
    const result = await client.fetchContent(await contentRevision(db));
    if (!result.changed) return 'unchanged';
    await applySnapshot(db, result.snapshot);
    return 'updated';
  } catch (error) {
    console.warn('content sync failed', error);
    return 'failed';
  }
}
