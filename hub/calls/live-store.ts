import type { CallEndReason, CallLogEntry } from '../../protocol/calls.js';
import type { LiveCallRow } from '../db/call-schema.js';
import { sql } from 'kysely';
import type { HubKysely } from '../db/schema.js';
import { callLogRow } from './store.js';

/** The rows of live calls: reads and the writes several instances may race on. */

type Executor = Pick<HubKysely, 'selectFrom' | 'deleteFrom' | 'insertInto' | 'updateTable'>;

const HISTORY = 20;

export function logEntryOf(call: LiveCallRow, reason: CallEndReason, endedAt: string): CallLogEntry {
  return {
    callId: call.id,
    officeId: call.office_id,
    serviceId: call.service_id,
    terminalId: call.terminal_id,
    clerkUsername: call.last_clerk,
    queuedAt: call.queued_at,
    acceptedAt: call.accepted_at,
    endedAt,
    endReason: reason,
    transfers: call.transfers,
  };
}

export interface EndedCall {
  entry: CallLogEntry;
  /** The clerk in the call when it ended (told of the end with the terminal). */
  clerk: string | null;
}

/**
 * Deletes the call and logs it; undefined when another instance ended it first. On PostgreSQL the
 * call-state sessions commit without waiting for the WAL flush (hub/db/open.ts); a transaction that
 * writes the call log waits for it, so a database crash never loses a logged call.
 */
export async function endCallRow(
  db: Executor & Pick<HubKysely, 'getExecutor'>,
  callId: string,
  reason: CallEndReason,
  endedAt: string,
  dialect: 'sqlite' | 'postgres' = 'sqlite',
): Promise<EndedCall | undefined> {
  const gone = await db.deleteFrom('live_calls').where('id', '=', callId).returningAll().executeTakeFirst();
  if (!gone) return undefined;
  if (dialect === 'postgres') await sql`SET LOCAL synchronous_commit = on`.execute(db);
  const entry = logEntryOf(gone, reason, endedAt);
  await db
    .insertInto('call_log')
    .values(callLogRow(entry))
    .onConflict((oc) => oc.column('call_id').doNothing())
    .execute();
  return { entry, clerk: gone.clerk };
}

/** Seconds of the last answered calls, newest first, for the wait estimate of every instance. */
export async function recentDurations(db: Executor): Promise<number[]> {
  const rows = await db
    .selectFrom('call_log')
    .select(['accepted_at', 'ended_at'])
    .where('end_reason', '=', 'hangup')
    .where('accepted_at', 'is not', null)
    .orderBy('ended_at', 'desc')
    .limit(HISTORY)
    .execute();
  return rows.map((r) => (Date.parse(r.ended_at) - Date.parse(r.accepted_at ?? r.ended_at)) / 1000);
}

/** A side's socket dropped (or its instance died): its calls end unless it is back by `goneAt`. */
export async function markTerminalsGone(db: Executor, terminalIds: string[], goneAt: string): Promise<void> {
  if (terminalIds.length === 0) return;
  await db
    .updateTable('live_calls')
    .set({ terminal_gone_at: goneAt })
    .where('terminal_id', 'in', terminalIds)
    .where('terminal_gone_at', 'is', null)
    .execute();
}

export async function markClerksGone(db: Executor, usernames: string[], goneAt: string): Promise<void> {
  if (usernames.length === 0) return;
  await db
    .updateTable('live_calls')
    .set({ clerk_gone_at: goneAt })
    .where('clerk', 'in', usernames)
    .where('clerk_gone_at', 'is', null)
    .execute();
  // An offer to a clerk who left goes back to the office queue.
  await db
    .updateTable('live_calls')
    .set({ offered_to: null, offer_deadline: null })
    .where('offered_to', 'in', usernames)
    .execute();
  await db
    .updateTable('call_clerks')
    .set({ instance_id: null, conn_id: null, forget_at: goneAt })
    .where('username', 'in', usernames)
    .execute();
}

/**
 * The sockets an instance held when it stopped answering: taken as dropped, so their calls get
 * the grace period and nothing waits on a dead instance.
 */
export async function releaseInstance(db: HubKysely, instanceId: string, goneAt: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const terminals = await trx
      .updateTable('call_terminals')
      .set({ instance_id: null, conn_id: null })
      .where('instance_id', '=', instanceId)
      .returning('terminal_id')
      .execute();
    const clerks = await trx
      .selectFrom('call_clerks')
      .select('username')
      .where('instance_id', '=', instanceId)
      .execute();
    await markTerminalsGone(
      trx,
      terminals.map((t) => t.terminal_id),
      goneAt,
    );
    await markClerksGone(
      trx,
      clerks.map((c) => c.username),
      goneAt,
    );
    const removed = await trx.deleteFrom('call_instances').where('id', '=', instanceId).executeTakeFirst();
    return removed.numDeletedRows > 0n || terminals.length + clerks.length > 0;
  });
}
