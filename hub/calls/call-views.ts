import {
  estimateWaitSeconds,
  type ClerkState,
  type OfficeCallStatus,
  type QueueEntry,
} from '../../protocol/calls.js';
import type { Locale } from '../../protocol/i18n.js';
import type { CallClerkRow, LiveCallRow } from '../db/call-schema.js';

const DEFAULT_CALL_SECONDS = 300;
const DEFAULT_PICKUP_SECONDS = 20;

/** What every instance knows of the shared call state: the rows, last read after a change notice. */
export interface CallSnapshot {
  calls: ReadonlyMap<string, LiveCallRow>;
  clerks: ReadonlyMap<string, CallClerkRow>;
  /** Seconds of the last answered calls (for the wait estimate). */
  durations: readonly number[];
}

export const officeIdsOf = (clerk: CallClerkRow): string[] => JSON.parse(clerk.office_ids) as string[];

/**
 * What one municipality may see of the shared rows: calls to its offices and clerks of its
 * offices (office ids are unique on the hub, so an office names its tenant). A clerk without
 * offices takes no calls and shows to nobody.
 */
export function forTenant(
  snapshot: CallSnapshot,
  officeTenants: ReadonlyMap<string, string>,
  tenantId: string,
): CallSnapshot {
  const ours = (officeId: string) => officeTenants.get(officeId) === tenantId;
  return {
    calls: new Map([...snapshot.calls].filter(([, call]) => ours(call.office_id))),
    clerks: new Map([...snapshot.clerks].filter(([, clerk]) => officeIdsOf(clerk).some(ours))),
    durations: snapshot.durations,
  };
}

/** Waiting calls of one office in queue order: transferred first, then by time waited. */
export function queueOf(snapshot: CallSnapshot, officeId: string): LiveCallRow[] {
  return [...snapshot.calls.values()]
    .filter((c) => c.state === 'waiting' && c.office_id === officeId)
    .sort(
      (a, b) =>
        b.front - a.front ||
        a.waiting_since.localeCompare(b.waiting_since) ||
        a.queued_at.localeCompare(b.queued_at) ||
        a.id.localeCompare(b.id),
    );
}

export function activeCallOf(snapshot: CallSnapshot, username: string): LiveCallRow | undefined {
  return [...snapshot.calls.values()].find((c) => c.clerk === username);
}

function presenceOf(snapshot: CallSnapshot, clerk: CallClerkRow): ClerkState['presence'] {
  return activeCallOf(snapshot, clerk.username) ? 'in_call' : clerk.presence;
}

export function clerkState(snapshot: CallSnapshot, clerk: CallClerkRow): ClerkState {
  return {
    username: clerk.username,
    displayName: clerk.display_name,
    officeIds: officeIdsOf(clerk),
    presence: presenceOf(snapshot, clerk),
  };
}

function clerkCounts(snapshot: CallSnapshot, officeId: string): { available: number; busy: number } {
  let available = 0;
  let busy = 0;
  for (const clerk of snapshot.clerks.values()) {
    if (!clerk.conn_id || !officeIdsOf(clerk).includes(officeId)) continue;
    const state = presenceOf(snapshot, clerk);
    if (state === 'available') available++;
    else if (state === 'in_call') busy++;
  }
  return { available, busy };
}

export function estimate(snapshot: CallSnapshot, officeId: string, position: number): number | null {
  const { available, busy } = clerkCounts(snapshot, officeId);
  const { durations } = snapshot;
  const averageCallSeconds =
    durations.length === 0 ? DEFAULT_CALL_SECONDS : durations.reduce((a, b) => a + b, 0) / durations.length;
  return estimateWaitSeconds({
    position,
    clerksAvailable: available,
    clerksBusy: busy,
    averageCallSeconds,
    averagePickupSeconds: DEFAULT_PICKUP_SECONDS,
  });
}

export function queueEntries(snapshot: CallSnapshot): QueueEntry[] {
  const offices = [...new Set([...snapshot.calls.values()].map((c) => c.office_id))].sort();
  const entries: QueueEntry[] = [];
  for (const officeId of offices)
    queueOf(snapshot, officeId).forEach((call, index) =>
      entries.push({
        callId: call.id,
        officeId,
        serviceId: call.service_id,
        terminalId: call.terminal_id,
        terminalName: call.terminal_name,
        locale: call.locale as Locale,
        waitingSince: call.waiting_since,
        position: index + 1,
        offeredTo: call.offered_to,
        transferredBy: call.transferred_by,
      }),
    );
  return entries;
}

export function officeStatuses(snapshot: CallSnapshot): OfficeCallStatus[] {
  const offices = new Set<string>();
  for (const clerk of snapshot.clerks.values())
    if (clerk.conn_id) officeIdsOf(clerk).forEach((o) => offices.add(o));
  for (const call of snapshot.calls.values()) offices.add(call.office_id);
  return [...offices].sort().map((officeId) => {
    const { available, busy } = clerkCounts(snapshot, officeId);
    const waiting = queueOf(snapshot, officeId).length;
    return {
      officeId,
      clerksAvailable: available,
      clerksBusy: busy,
      waiting,
      estimatedWaitSeconds: estimate(snapshot, officeId, waiting + 1),
    };
  });
}

export function clerkStates(snapshot: CallSnapshot): ClerkState[] {
  return [...snapshot.clerks.values()]
    .filter((c) => c.conn_id)
    .map((c) => clerkState(snapshot, c))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}
