import type { CallRequest } from '../../../protocol/calls.js';
import type { KioskDatabase } from './db.js';

/**
 * The small offline queue of callback requests and appointment bookings. They are not
 * applications, so they do not go into the submission outbox; they live in the device table
 * (key "call-request:<id>") until the hub acknowledges them, and survive reloads and restarts.
 */
export interface PendingCallRequest {
  request: CallRequest;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
}

const PREFIX = 'call-request:';

export async function queueCallRequest(db: KioskDatabase, request: CallRequest): Promise<void> {
  const entry: PendingCallRequest = { request, attempts: 0, nextAttemptAt: 0, lastError: null };
  await db.device.put({ key: PREFIX + request.id, value: entry });
}

export async function pendingCallRequests(db: KioskDatabase): Promise<PendingCallRequest[]> {
  const rows = await db.device.where('key').startsWith(PREFIX).toArray();
  return rows
    .map((row) => row.value as PendingCallRequest)
    .sort((a, b) => a.request.createdAt.localeCompare(b.request.createdAt));
}

export async function acknowledgeCallRequest(db: KioskDatabase, id: string): Promise<void> {
  await db.device.delete(PREFIX + id);
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
    const entry = row.value as PendingCallRequest;
    await db.device.put({
      key: row.key,
      value: { ...entry, attempts: entry.attempts + 1, nextAttemptAt, lastError: error },
    });
  });
}
