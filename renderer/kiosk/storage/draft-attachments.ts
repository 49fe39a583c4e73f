import type { DraftAttachment, KioskDatabase } from './db.js';

/**
 * The photos and scans of the current draft. They are the citizen's plaintext: they live only
 * here, in a citizen table (wiped at session end), and leave in the finalize transaction.
 */
export async function addDraftAttachment(db: KioskDatabase, attachment: DraftAttachment): Promise<void> {
  await db.draftAttachments.add(attachment);
}

export async function removeDraftAttachment(db: KioskDatabase, id: string): Promise<void> {
  await db.draftAttachments.delete(id);
}

/** In the order they were taken. */
export async function draftAttachments(db: KioskDatabase): Promise<DraftAttachment[]> {
  return db.draftAttachments
    .orderBy('id')
    .toArray()
    .then((rows) => rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt)));
}

export async function clearDraftAttachments(db: KioskDatabase): Promise<void> {
  await db.draftAttachments.clear();
}
