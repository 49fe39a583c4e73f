import type { SubmissionRequest } from '../../../protocol/submission.js';
import { MAX_REPORTED_QUARANTINE, type QuarantinedItem } from '../../../protocol/quarantine.js';
import Dexie from 'dexie';
import { formKey, type KioskDatabase, type OutboxAttachment, type OutboxEntry } from './db.js';

/**
 * The outbox of finalized applications. An entry is deleted only after the hub's durable
 * acknowledgement; what can never be sent is quarantined with its reason, never dropped.
 */

/**
 * Finalizes: the application and its sealed attachments enter the outbox and the draft with its
 * plaintext photos is gone, in one transaction.
 */
export async function finalizeSubmission(
  db: KioskDatabase,
  request: SubmissionRequest,
  attachments: readonly { id: string; jwe: string }[] = [],
): Promise<void> {
  const entry: OutboxEntry = {
    id: request.id,
    state: 'final',
    request,
    attempts: 0,
    nextAttemptAt: 0,
    lastError: null,
    createdAt: new Date().toISOString(),
  };
  const sealed: OutboxAttachment[] = attachments.map((a) => ({
    submissionId: request.id,
    id: a.id,
    jwe: a.jwe,
  }));
  await db.transaction('rw', [db.outbox, db.outboxAttachments, db.drafts, db.draftAttachments], async () => {
    await db.outbox.add(entry);
    if (sealed.length > 0) await db.outboxAttachments.bulkAdd(sealed);
    await db.drafts.clear();
    await db.draftAttachments.clear();
  });
  // What is left of the draft in LevelDB's log becomes unreadable (session-vault.ts).
  db.sessionVault.forget();
}

/** The sealed attachment the sender uploads (one read per attachment, when it is its turn). */
export async function outboxAttachment(
  db: KioskDatabase,
  submissionId: string,
  id: string,
): Promise<OutboxAttachment | undefined> {
  return db.outboxAttachments.get([submissionId, id]);
}

/** An entry left in "sending" by a crash may or may not have arrived; resending is safe (idempotent). */
export async function recoverInterruptedSends(db: KioskDatabase): Promise<number> {
  return db.outbox.where('state').equals('sending').modify({ state: 'final' });
}

/** The oldest applications due for sending, in the order they were finalized. */
export async function dueEntries(db: KioskDatabase, now: number, limit = 25): Promise<OutboxEntry[]> {
  return db.outbox
    .where('[state+createdAt]')
    .between(['final', Dexie.minKey], ['final', Dexie.maxKey])
    .filter((entry) => entry.nextAttemptAt <= now)
    .limit(limit)
    .toArray();
}

export async function nextDueEntry(db: KioskDatabase, now: number): Promise<OutboxEntry | undefined> {
  return (await dueEntries(db, now, 1))[0];
}

/** When the next waiting application is due: one step on an index, however long the outbox is. */
export async function earliestAttempt(db: KioskDatabase): Promise<number | null> {
  const next = await db.outbox
    .where('[state+nextAttemptAt]')
    .between(['final', Dexie.minKey], ['final', Dexie.maxKey])
    .first();
  return next?.nextAttemptAt ?? null;
}

export async function markSending(db: KioskDatabase, id: string): Promise<void> {
  await db.outbox.update(id, { state: 'sending' });
}

export async function acknowledge(db: KioskDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.outbox, db.outboxAttachments, async () => {
    await db.outbox.delete(id);
    await db.outboxAttachments.where('submissionId').equals(id).delete();
  });
}

export async function scheduleRetry(
  db: KioskDatabase,
  id: string,
  error: string,
  nextAttemptAt: number,
): Promise<void> {
  await db.outbox
    .where('id')
    .equals(id)
    .modify((entry) => {
      entry.state = 'final';
      entry.attempts += 1;
      entry.lastError = error;
      entry.nextAttemptAt = nextAttemptAt;
    });
}

/**
 * Resets the backoff of every waiting entry: the hub answered again. Only entries still waiting
 * out a backoff are touched (after an outage that is the few the sender tried, not the hundreds
 * finalized meanwhile), found by an index range instead of rewriting every queued application.
 */
export async function retryAllNow(db: KioskDatabase, now: number = Date.now()): Promise<number> {
  return db.outbox
    .where('[state+nextAttemptAt]')
    .between(['final', now], ['final', Dexie.maxKey], false, true)
    .modify({ nextAttemptAt: 0 });
}

export async function quarantine(
  db: KioskDatabase,
  id: string,
  reason: string,
  at: Date = new Date(),
): Promise<void> {
  await db.outbox.update(id, { state: 'quarantined', lastError: reason, quarantinedAt: at.toISOString() });
}

/**
 * What the terminal reports about its quarantine: the envelope of each entry (form, service,
 * office, reason, when) — never the sealed answers, never the tracking code.
 */
export async function quarantineReport(db: KioskDatabase): Promise<QuarantinedItem[]> {
  return db.transaction('r', db.outbox, db.forms, async () => {
    const entries = await db.outbox.where('state').equals('quarantined').toArray();
    entries.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const items: QuarantinedItem[] = [];
    for (const entry of entries.slice(0, MAX_REPORTED_QUARANTINE)) {
      const { id, formId, formVersion, serviceId } = entry.request;
      const form = await db.forms.get(formKey(formId, formVersion));
      items.push({
        submissionId: id,
        formId,
        formVersion,
        serviceId,
        officeId: form?.officeId ?? null,
        reason: (entry.lastError ?? 'refused by the hub').slice(0, 500) || 'refused by the hub',
        quarantinedAt: entry.quarantinedAt ?? entry.createdAt,
      });
    }
    return items;
  });
}

/** The provider asked for another try (after a fix): back to the queue, due at once. */
export async function releaseQuarantined(db: KioskDatabase, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return db.outbox
    .where('id')
    .anyOf([...ids])
    .and((entry) => entry.state === 'quarantined')
    .modify((entry) => {
      entry.state = 'final';
      entry.attempts = 0;
      entry.nextAttemptAt = 0;
    });
}

/**
 * The responsible office discarded these (it decided they can never be delivered, with a reason
 * the hub keeps): the entries and their sealed attachments go, in one transaction. Only
 * quarantined entries — a waiting application is never deleted this way.
 */
export async function discardQuarantined(db: KioskDatabase, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return db.transaction('rw', db.outbox, db.outboxAttachments, async () => {
    const doomed = await db.outbox
      .where('id')
      .anyOf([...ids])
      .and((entry) => entry.state === 'quarantined')
      .primaryKeys();
    if (doomed.length === 0) return 0;
    await db.outbox.bulkDelete(doomed);
    await db.outboxAttachments.where('submissionId').anyOf(doomed).delete();
    return doomed.length;
  });
}

export interface OutboxCounts {
  waiting: number;
  quarantined: number;
}

/**
 * Three counts of one key each, which IndexedDB answers from the index alone. (`anyOf(...).count()`
 * walks a cursor that loads every queued application: with a thousand queued that was a 28 MB
 * read a few times a second, holding up the sender's writes for hundreds of milliseconds each.)
 */
export async function outboxCounts(db: KioskDatabase): Promise<OutboxCounts> {
  const [final, sending, quarantined] = await Promise.all(
    (['final', 'sending', 'quarantined'] as const).map((state) =>
      db.outbox.where('state').equals(state).count(),
    ),
  );
  return { waiting: (final ?? 0) + (sending ?? 0), quarantined: quarantined ?? 0 };
}

export async function isPending(db: KioskDatabase, id: string): Promise<boolean> {
  return (await db.outbox.get(id)) !== undefined;
}
