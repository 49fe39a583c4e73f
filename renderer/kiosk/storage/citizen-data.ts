import type { KioskDatabase } from './db.js';

/**
 * The tables that belong to the citizen at the terminal, not to the terminal: emptied together at
 * the end of every session. A table added for citizen data (attachments, photos, ...) joins
 * this list, and the privacy e2e test fails if its marker survives.
 *
 * Why not a separate database deleted as a whole: finalizing an application moves it from the
 * draft into the outbox in one transaction (outbox-store.ts), and IndexedDB transactions do not
 * span databases. Two databases would open a window in which a crash leaves the application in
 * both or in neither. Deleting is not enough on its own (LevelDB keeps deleted records until
 * compaction): these rows are sealed under the session key, which the wipe forgets.
 */
export const CITIZEN_TABLES = ['drafts', 'draftAttachments'] as const;

export async function wipeCitizenData(db: KioskDatabase): Promise<void> {
  const tables = CITIZEN_TABLES.map((name) => db.table(name));
  await db.transaction('rw', tables, async () => {
    for (const table of tables) await table.clear();
  });
  db.sessionVault.forget();
}
