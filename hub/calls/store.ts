import type {
  CallLogEntry,
  CallRequest,
  CallRequestReceipt,
  StoredCallRequest,
} from '../../protocol/calls.js';
import { isUniqueViolation } from '../db/errors.js';
import type { CallLogTable, CallRequestTable, HubKysely } from '../db/schema.js';
import { canonicalJson } from '../../protocol/encoding.js';
import { sha256Hex } from '../util/hash.js';

/** A call log entry as its row. */
export function callLogRow(entry: CallLogEntry): CallLogTable {
  return {
    call_id: entry.callId,
    office_id: entry.officeId,
    service_id: entry.serviceId,
    terminal_id: entry.terminalId,
    clerk_username: entry.clerkUsername,
    queued_at: entry.queuedAt,
    accepted_at: entry.acceptedAt,
    ended_at: entry.endedAt,
    end_reason: entry.endReason,
    transfers: entry.transfers,
  };
}

export async function writeCallLog(db: HubKysely, entry: CallLogEntry): Promise<void> {
  await db.insertInto('call_log').values(callLogRow(entry)).execute();
}

export async function readCallLog(
  db: HubKysely,
  officeIds: readonly string[],
  limit = 200,
): Promise<CallLogEntry[]> {
  if (officeIds.length === 0) return [];
  const rows = await db
    .selectFrom('call_log')
    .selectAll()
    .where('office_id', 'in', [...officeIds])
    .orderBy('ended_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    callId: r.call_id,
    officeId: r.office_id,
    serviceId: r.service_id,
    terminalId: r.terminal_id,
    clerkUsername: r.clerk_username,
    queuedAt: r.queued_at,
    acceptedAt: r.accepted_at,
    endedAt: r.ended_at,
    endReason: r.end_reason as CallLogEntry['endReason'],
    transfers: r.transfers,
  }));
}

export type RequestOutcome =
  | { kind: 'created'; receipt: CallRequestReceipt }
  | { kind: 'replayed'; receipt: CallRequestReceipt }
  | { kind: 'conflict' };

function receiptOf(row: Pick<CallRequestTable, 'id' | 'slot_confirmed' | 'received_at'>): CallRequestReceipt {
  return {
    id: row.id,
    slotConfirmed: row.slot_confirmed === null ? null : row.slot_confirmed === 1,
    receivedAt: row.received_at,
  };
}

/**
 * Stores a callback request or appointment once per terminal-made id (the terminal resends
 * until it hears back). A slot booked offline may have been taken meanwhile: it is stored all
 * the same, marked unconfirmed, and the town hall calls back.
 */
export async function receiveCallRequest(
  db: HubKysely,
  request: CallRequest,
  terminalId: string,
  now: Date,
): Promise<RequestOutcome> {
  const bodyHash = sha256Hex(canonicalJson(request));
  const existing = await db
    .selectFrom('call_requests')
    .select(['id', 'slot_confirmed', 'received_at', 'body_hash'])
    .where('id', '=', request.id)
    .executeTakeFirst();
  if (existing) {
    return existing.body_hash === bodyHash
      ? { kind: 'replayed', receipt: receiptOf(existing) }
      : { kind: 'conflict' };
  }
  const slot = request.kind === 'appointment' ? request.slot : null;
  let slotConfirmed: number | null = null;
  if (slot !== null) {
    const taken = await db
      .selectFrom('call_requests')
      .select('id')
      .where('office_id', '=', request.officeId)
      .where('slot', '=', slot)
      .where('slot_confirmed', '=', 1)
      .executeTakeFirst();
    slotConfirmed = taken ? 0 : 1;
  }
  const row: CallRequestTable = {
    id: request.id,
    kind: request.kind,
    office_id: request.officeId,
    service_id: request.serviceId,
    terminal_id: terminalId,
    locale: request.locale,
    name: request.name,
    phone: request.phone,
    note: request.note,
    slot,
    slot_confirmed: slotConfirmed,
    body_hash: bodyHash,
    created_at: request.createdAt,
    received_at: now.toISOString(),
  };
  try {
    await db.insertInto('call_requests').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) return receiveCallRequest(db, request, terminalId, now);
    throw error;
  }
  return { kind: 'created', receipt: receiptOf(row) };
}

export async function readCallRequests(
  db: HubKysely,
  officeIds: readonly string[],
  limit = 200,
): Promise<StoredCallRequest[]> {
  if (officeIds.length === 0) return [];
  const rows = await db
    .selectFrom('call_requests')
    .selectAll()
    .where('office_id', 'in', [...officeIds])
    .orderBy('received_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    officeId: r.office_id,
    serviceId: r.service_id,
    terminalId: r.terminal_id,
    locale: r.locale,
    name: r.name,
    phone: r.phone,
    note: r.note,
    slot: r.slot,
    slotConfirmed: r.slot_confirmed === null ? null : r.slot_confirmed === 1,
    createdAt: r.created_at,
    receivedAt: r.received_at,
  }));
}
