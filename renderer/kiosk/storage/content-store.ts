import type { IndexableType, Table } from 'dexie';
import { ContentChanges, type ContentChange } from '../../../protocol/content-changes.js';
import type { ContentMeta, KioskDatabase, PullCursor, StagedChange } from './db.js';
import { planChanges } from './plan-changes.js';

/** Where a pull starts: the staged cursor of an interrupted pull, or the last applied checkpoint. */
export async function pullStart(
  db: KioskDatabase,
): Promise<{ since: string | null; inProgress: boolean; revision: string | null }> {
  const [cursor, meta] = await Promise.all([db.pull.get('cursor'), db.meta.get('content')]);
  if (cursor) return { since: cursor.resumeFrom, inProgress: true, revision: meta?.revision ?? null };
  return { since: meta?.checkpoint ?? null, inProgress: false, revision: meta?.revision ?? null };
}

/**
 * Keeps one page of a pull; a pull cut off here resumes after this page. `text` is the page as
 * the hub sent it (already validated), kept as one string: far cheaper to store than its objects.
 */
export async function stagePage(db: KioskDatabase, page: ContentChanges, text?: string): Promise<void> {
  await db.transaction('rw', db.staged, db.pull, async () => {
    await db.staged.add({ page: text ?? JSON.stringify(page) });
    const cursor: PullCursor = {
      key: 'cursor',
      resumeFrom: page.checkpoint,
      revision: page.revision,
      municipality: page.municipality,
    };
    await db.pull.put(cursor);
  });
}

/** The changes of staged rows, in order; a staged page is validated again (it came from the disk). */
function stagedChanges(rows: readonly StagedChange[]): ContentChange[] {
  return rows.flatMap((row) => {
    if (row.page !== undefined) return ContentChanges.parse(JSON.parse(row.page)).changes;
    return row.change ? [row.change] : [];
  });
}

/**
 * Applies every staged page in one transaction, so a citizen never sees a half-updated
 * catalog. Form versions the open draft or the outbox still refers to are kept.
 *
 * `received`: the pages of a pull that began with nothing staged and staged each of them here,
 * still in memory — then the staged rows need not be read back (they are the same pages).
 */
export async function applyStaged(db: KioskDatabase, received?: readonly ContentChanges[]): Promise<void> {
  await db.transaction(
    'rw',
    [
      db.offices,
      db.categories,
      db.lifeSituations,
      db.services,
      db.forms,
      db.meta,
      db.drafts,
      db.staged,
      db.pull,
    ],
    async () => {
      const cursor = await db.pull.get('cursor');
      if (!cursor) return;
      const draft = await db.drafts.get('current');
      const inMemory = received !== undefined && (await db.staged.count()) === received.length;
      const changes = inMemory
        ? received.flatMap((page) => page.changes)
        : stagedChanges(await db.staged.orderBy('seq').toArray());
      const plan = planChanges(changes, new Set(draft ? [draft.formKey] : []));
      await db.offices.bulkDelete(plan.deletes.offices);
      await db.categories.bulkDelete(plan.deletes.categories);
      await db.lifeSituations.bulkDelete(plan.deletes.lifeSituations);
      await db.services.bulkDelete(plan.deletes.services);
      await db.forms.bulkDelete(plan.deletes.forms);
      await Promise.all([
        fill(db.offices, plan.puts.offices),
        fill(db.categories, plan.puts.categories),
        fill(db.lifeSituations, plan.puts.lifeSituations),
        fill(db.services, plan.puts.services),
        fill(db.forms, plan.puts.forms),
      ]);
      const meta: ContentMeta = {
        key: 'content',
        revision: cursor.revision,
        municipality: cursor.municipality,
        checkpoint: cursor.resumeFrom,
        syncedAt: new Date().toISOString(),
      };
      await db.meta.put(meta);
      await db.staged.clear();
      await db.pull.clear();
    },
  );
}

/**
 * Writes documents into a table: into an empty one (a first pull) as plain adds, which spares
 * Dexie's change tracking a lookup of 8,600 old values that cannot exist; otherwise as puts.
 */
async function fill<T, K extends IndexableType>(table: Table<T, K>, items: readonly T[]): Promise<void> {
  if (items.length === 0) return;
  if ((await table.count()) === 0) await table.bulkAdd([...items]);
  else await table.bulkPut([...items]);
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
