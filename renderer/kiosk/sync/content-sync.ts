import { applyStaged, pullStart, stagePage, type KioskDatabase } from '../storage/index.js';
import type { HubClient } from './hub-client.js';

export type ContentSyncResult = 'updated' | 'unchanged' | 'failed';

/**
 * Delta pull from the last checkpoint: an unchanged catalog costs one tiny request (304); pages
 * are staged as they arrive, so a pull cut off halfway resumes where it stopped, and all pages
 * are applied together in one transaction at the end.
 */
export async function syncContent(db: KioskDatabase, client: HubClient): Promise<ContentSyncResult> {
  try {
    const start = await pullStart(db);
    let { since, inProgress } = start;
    const { revision } = start;
    for (;;) {
      const page = await client.fetchChanges(since, inProgress ? null : revision);
      if (!page) return 'unchanged';
      await stagePage(db, page);
      inProgress = true;
      since = page.checkpoint;
      if (!page.hasMore) break;
    }
    await applyStaged(db);
    return 'updated';
  } catch (error) {
    console.warn('content sync failed', error);
    return 'failed';
  }
}
