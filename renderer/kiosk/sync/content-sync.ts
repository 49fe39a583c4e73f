import { applyStaged, pullStart, stagePage, type KioskDatabase } from '../storage/index.js';
import type { ContentChanges } from '../../../protocol/content-changes.js';
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
    const { inProgress } = start;
    let { since } = start;
    const { revision } = start;
    // A pull that starts with nothing staged has every page in memory at the end: the apply
    // then need not read them back from IndexedDB.
    const received: ContentChanges[] | undefined = inProgress ? undefined : [];
    let request = client.openChanges(since, inProgress ? null : revision);
    for (;;) {
      const answer = await request;
      if (!answer) return 'unchanged';
      // Pipelined: the hub prepares the next page while this one is parsed, validated and staged.
      const prefetch = answer.next === null ? null : client.openChanges(answer.next, null);
      void prefetch?.catch(() => undefined); // awaited below, or dropped when the pull fails here
      const { page, text } = await answer.read();
      await stagePage(db, page, text);
      received?.push(page);
      since = page.checkpoint;
      if (!page.hasMore) break;
      // The body decides: a hint that does not match it is dropped.
      request =
        prefetch !== null && answer.next === page.checkpoint ? prefetch : client.openChanges(since, null);
    }
    await applyStaged(db, received);
    return 'updated';
  } catch (error) {
    console.warn('content sync failed', error);
    return 'failed';
  }
}
