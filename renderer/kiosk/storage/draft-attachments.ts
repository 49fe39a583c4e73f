import type { DraftAttachment, KioskDatabase, StoredDraftAttachment } from './db.js';

/**
 * The photos and scans of the current draft. They are the citizen's: they live only here, in a
 * citizen table (wiped at session end), sealed under the session key (session-vault.ts), and
 * leave in the finalize transaction. The form field and the time taken stay readable (the
 * review counts pictures per field and orders them); name, type, size and bytes do not.
 */
type Info = Pick<DraftAttachment, 'name' | 'mediaType' | 'size'>;

export async function addDraftAttachment(db: KioskDatabase, attachment: DraftAttachment): Promise<void> {
  const { id, fieldId, createdAt, name, mediaType, size, bytes } = attachment;
  const info: Info = { name, mediaType, size };
  const stored: StoredDraftAttachment = {
    id,
    fieldId,
    createdAt,
    sealedInfo: await db.sessionVault.sealJson(info, `attachment-info:${id}:${fieldId}`),
    sealedBytes: await db.sessionVault.seal(bytes, `attachment-bytes:${id}:${fieldId}`),
  };
  await db.draftAttachments.add(stored);
}

export async function removeDraftAttachment(db: KioskDatabase, id: string): Promise<void> {
  await db.draftAttachments.delete(id);
}

/** In the order they were taken; those whose key is gone (an earlier session's) are left out. */
export async function draftAttachments(db: KioskDatabase): Promise<DraftAttachment[]> {
  const rows = await db.draftAttachments.orderBy('id').toArray();
  rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const opened = await Promise.all(rows.map((row) => openAttachment(db, row)));
  return opened.filter((attachment): attachment is DraftAttachment => attachment !== undefined);
}

export async function clearDraftAttachments(db: KioskDatabase): Promise<void> {
  await db.draftAttachments.clear();
}

async function openAttachment(
  db: KioskDatabase,
  row: StoredDraftAttachment,
): Promise<DraftAttachment | undefined> {
  const info = await db.sessionVault.openJson<Info>(
    row.sealedInfo,
    `attachment-info:${row.id}:${row.fieldId}`,
  );
  const bytes = await db.sessionVault.open(row.sealedBytes, `attachment-bytes:${row.id}:${row.fieldId}`);
  if (!info || !bytes) return undefined;
  return { id: row.id, fieldId: row.fieldId, createdAt: row.createdAt, ...info, bytes };
}
