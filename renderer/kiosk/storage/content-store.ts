import type { ContentSnapshot } from '../../../protocol/content.js';
import { formKey, type ContentMeta, type KioskDatabase } from './db.js';

/**
 * Applies a content snapshot in one transaction, so a citizen never sees a half-updated
 * catalog. Form versions still referenced by the open draft or the outbox are kept.
 */
export async function applySnapshot(db: KioskDatabase, snapshot: ContentSnapshot): Promise<void> {
  await db.transaction(
    'rw',
    [db.offices, db.categories, db.lifeSituations, db.services, db.forms, db.meta, db.drafts],
    async () => {
      const draft = await db.drafts.get('current');
      const keep = new Set(draft ? [draft.formKey] : []);
      await Promise.all([db.offices.clear(), db.categories.clear(), db.lifeSituations.clear()]);
      await db.services.clear();
      const oldForms = await db.forms.toArray();
      await db.forms.bulkDelete(oldForms.filter((f) => !keep.has(f.key)).map((f) => f.key));
      await db.offices.bulkPut(snapshot.offices);
      await db.categories.bulkPut(snapshot.categories);
      await db.lifeSituations.bulkPut(snapshot.lifeSituations);
      await db.services.bulkPut(snapshot.services);
      await db.forms.bulkPut(
        snapshot.forms.map((form) => ({ ...form, key: formKey(form.id, form.version) })),
      );
      const meta: ContentMeta = {
        key: 'content',
        revision: snapshot.revision,
        municipality: snapshot.municipality,
        syncedAt: new Date().toISOString(),
      };
      await db.meta.put(meta);
    },
  );
}

export async function contentRevision(db: KioskDatabase): Promise<string | null> {
  return (await db.meta.get('content'))?.revision ?? null;
}

/** The whole catalog in one read transaction: a consistent view, never half old and half new. */
export function readCatalog(db: KioskDatabase) {
  return db.transaction(
    'r',
    [db.meta, db.services, db.categories, db.lifeSituations, db.offices, db.forms],
    async () => ({
      meta: await db.meta.get('content'),
      services: await db.services.toArray(),
      categories: await db.categories.toArray(),
      lifeSituations: await db.lifeSituations.toArray(),
      offices: await db.offices.toArray(),
      forms: await db.forms.toArray(),
    }),
  );
}

export async function getForm(db: KioskDatabase, key: string) {
  return db.forms.get(key);
}
