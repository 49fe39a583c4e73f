import type { CallRequest } from '../../../protocol/calls.js';
import type { KioskDatabase } from './db.js';
import type { Sealed } from './session-vault.js';

/**
 * The small offline queue of callback requests and appointment bookings. They are not
 * applications, so they do not go into the submission outbox; they live in the device table
 * (key "call-request:<id>") until the hub acknowledges them.
 *
 * A request carries what the citizen typed (name, phone, note), so it is stored sealed under the
 * queue key (db.queueVault, session-vault.ts): it outlives the citizen's session and a reload,
 * not a restart of the browser or the shell. A request still waiting when the terminal restarts
 * cannot be read any more and is deleted with a log line (docs/security/terminal-disk.md says
 * why). The queue key is forgotten whenever the queue is empty, so what LevelDB keeps of
 * delivered requests is unreadable from then on.
 */
export interface PendingCallRequest {
  request: CallRequest;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
}

/** As stored: the request sealed, the sender's bookkeeping in the clear. */
interface StoredCallRequest {
  sealed?: Sealed;
  /** Rows written before requests were sealed. */
  request?: CallRequest;
  createdAt: string;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
}

const PREFIX = 'call-request:';

/** Adding and the key's forgetting take turns, so a request is never sealed under a key being dropped. */
const turns = new WeakMap<KioskDatabase, Promise<unknown>>();
function inTurn<T>(db: KioskDatabase, work: () => Promise<T>): Promise<T> {
  const next = (turns.get(db) ?? Promise.resolve()).then(work, work);
  turns.set(
    db,
    next.catch(() => undefined),
  );
  return next;
}

export async function queueCallRequest(db: KioskDatabase, request: CallRequest): Promise<void> {
  await inTurn(db, async () => {
    const key = PREFIX + request.id;
    const stored: StoredCallRequest = {
      sealed: await db.queueVault.sealJson(request, key),
      createdAt: request.createdAt,
      attempts: 0,
      nextAttemptAt: 0,
      lastError: null,
    };
    await db.device.put({ key, value: stored });
  });
}

export async function pendingCallRequests(db: KioskDatabase): Promise<PendingCallRequest[]> {
  const rows = await db.device.where('key').startsWith(PREFIX).toArray();
  const entries: PendingCallRequest[] = [];
  const lost: string[] = [];
  for (const row of rows) {
    const stored = row.value as StoredCallRequest;
    const request = stored.request ?? (await db.queueVault.openJson<CallRequest>(stored.sealed, row.key));
    if (!request) lost.push(row.key);
    else
      entries.push({
        request,
        attempts: stored.attempts,
        nextAttemptAt: stored.nextAttemptAt,
        lastError: stored.lastError,
      });
  }
  if (lost.length > 0) {
    console.warn(`call requests: ${lost.length} sealed before the last restart cannot be read, deleted`);
    await db.device.bulkDelete(lost);
  }
  return entries.sort((a, b) => a.request.createdAt.localeCompare(b.request.createdAt));
}

export async function acknowledgeCallRequest(db: KioskDatabase, id: string): Promise<void> {
  await db.device.delete(PREFIX + id);
  await inTurn(db, async () => {
    if ((await db.device.where('key').startsWith(PREFIX).count()) === 0) db.queueVault.forget();
  });
}

export async function retryCallRequestLater(
  db: KioskDatabase,
  id: string,
  nextAttemptAt: number,
  error: string,
): Promise<void> {
  await db.transaction('rw', db.device, async () => {
    const row = await db.device.get(PREFIX + id);
    if (!row) return;
    const entry = row.value as StoredCallRequest;
    await db.device.put({
      key: row.key,
      value: { ...entry, attempts: entry.attempts + 1, nextAttemptAt, lastError: error },
    });
  });
}
