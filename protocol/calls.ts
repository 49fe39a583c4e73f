import { z } from 'zod';
import type { OpeningInterval } from './catalog.js';
import { localWallClock, minutesOfClock } from './clock.js';
import { Locale } from './i18n.js';
import { Id } from './id.js';

/**
 * Video calls from a terminal to the town hall: the signaling messages that travel over the
 * hub's WebSockets, the callback/appointment requests a terminal leaves when nobody can answer,
 * and small pure helpers both sides use (video hours, wait estimate, TURN username format).
 *
 * The hub only brokers: it keeps a queue per office, pairs a citizen with a clerk and relays
 * SDP and ICE. Media, chat and co-view travel peer to peer and are never stored.
 */
export const CALL_API = {
  /** Terminal socket: authenticates with its bearer token in the first message (browsers cannot set headers on a WebSocket). */
  terminalSocket: '/api/v1/calls/terminal',
  /** Clerk socket: under /api/v1/clerk so the session cookie (path-scoped) comes along. */
  clerkSocket: '/api/v1/clerk/calls/socket',
  /** Callback requests and appointment bookings from terminals (idempotent by id). */
  requests: '/api/v1/calls/requests',
  clerkRequests: '/api/v1/clerk/calls/requests',
  clerkLog: '/api/v1/clerk/calls/log',
  /** Offices and services by name, for transfer and "show this page" in the console. */
  clerkDirectory: '/api/v1/clerk/calls/directory',
} as const;

export const CallId = z.uuid();
const OfficeId = Id;
const ServiceId = Id;
const Username = z.string().min(1).max(100);

/** What RTCPeerConnection takes; never a public default server, always the hub's own list. */
export const IceServer = z.object({
  urls: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof IceServer>;

export const ClerkPresence = z.enum(['available', 'in_call', 'away']);
export type ClerkPresence = z.infer<typeof ClerkPresence>;

/** Why a call ended, as both sides and the call log name it. */
export const CallEndReason = z.enum([
  /** One side hung up. */
  'hangup',
  /** The citizen cancelled while waiting. */
  'cancelled',
  /** Nobody accepted within the queue timeout. */
  'unanswered',
  /** A side's connection vanished and did not come back within the grace period. */
  'peer_vanished',
  /** The hub is shutting down or the call became impossible (office without clerks, ...). */
  'closed',
]);
export type CallEndReason = z.infer<typeof CallEndReason>;

/** Live state of one office's video service, as a terminal shows it before and while queueing. */
export const OfficeCallStatus = z.object({
  officeId: OfficeId,
  clerksAvailable: z.number().int().nonnegative(),
  clerksBusy: z.number().int().nonnegative(),
  waiting: z.number().int().nonnegative(),
  /** Null when no clerk of the office is signed in: then nobody can promise a wait. */
  estimatedWaitSeconds: z.number().int().nonnegative().nullable(),
});
export type OfficeCallStatus = z.infer<typeof OfficeCallStatus>;

export const QueueEntry = z.object({
  callId: CallId,
  officeId: OfficeId,
  /** The service page the citizen was looking at when calling (or now), if any. */
  serviceId: ServiceId.nullable(),
  terminalId: z.string(),
  terminalName: z.string(),
  locale: Locale,
  /** When the citizen started waiting (hub time, ISO); a transfer keeps the original time. */
  waitingSince: z.string(),
  /** 1-based place in the office's queue. */
  position: z.number().int().positive(),
  /** A transfer to one clerk: only that clerk may accept until it declines or the offer lapses. */
  offeredTo: Username.nullable(),
  transferredBy: z.string().nullable(),
});
export type QueueEntry = z.infer<typeof QueueEntry>;

export const ClerkState = z.object({
  username: Username,
  displayName: z.string(),
  officeIds: z.array(OfficeId),
  presence: ClerkPresence,
});
export type ClerkState = z.infer<typeof ClerkState>;

const Signal = z.object({
  type: z.literal('signal'),
  callId: CallId,
  /** Each new peer inside the same call gets the next generation; older ones are ignored. */
  generation: z.number().int().nonnegative(),
  /** SDP offer/answer or ICE candidate, as the media library produced it; relayed untouched. */
  data: z.record(z.string(), z.unknown()),
});
export type SignalMessage = z.infer<typeof Signal>;

const Ping = z.object({ type: z.literal('ping') });
const Pong = z.object({ type: z.literal('pong') });

// ---------------------------------------------------------------- terminal -> hub

export const TerminalToHub = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), token: z.string().min(1).max(200) }),
  /** Joins the queue; sent again with the same id after a reconnect, it resumes the call. */
  z.object({
    type: z.literal('call.request'),
    callId: CallId,
    officeId: OfficeId,
    serviceId: ServiceId.nullable(),
    locale: Locale,
  }),
  /** What the citizen looks at while waiting, so the clerk knows what it is about. */
  z.object({ type: z.literal('call.viewing'), callId: CallId, serviceId: ServiceId.nullable() }),
  z.object({ type: z.literal('call.cancel'), callId: CallId }),
  z.object({ type: z.literal('call.hangup'), callId: CallId }),
  Signal,
  Pong,
]);
export type TerminalToHub = z.infer<typeof TerminalToHub>;

// ---------------------------------------------------------------- clerk -> hub

export const TransferTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('office'), officeId: OfficeId }),
  z.object({ kind: z.literal('clerk'), username: Username }),
]);
export type TransferTarget = z.infer<typeof TransferTarget>;

export const ClerkToHub = z.discriminatedUnion('type', [
  z.object({ type: z.literal('presence'), presence: z.enum(['available', 'away']) }),
  z.object({ type: z.literal('call.accept'), callId: CallId }),
  /** Turns down a call transferred to this clerk; it goes back to the office queue, at the front. */
  z.object({ type: z.literal('call.decline'), callId: CallId }),
  z.object({ type: z.literal('call.transfer'), callId: CallId, to: TransferTarget }),
  z.object({ type: z.literal('call.hangup'), callId: CallId }),
  /** The clerk's media broke down: asks the terminal to build a new peer. */
  z.object({ type: z.literal('call.restart'), callId: CallId }),
  Signal,
  Pong,
]);
export type ClerkToHub = z.infer<typeof ClerkToHub>;

// ---------------------------------------------------------------- hub -> terminal

const CallConnect = {
  type: z.literal('call.connect'),
  callId: CallId,
  iceServers: z.array(IceServer),
  /** 'relay' forces TURN (set by the hub's configuration for locked-down networks). */
  iceTransportPolicy: z.enum(['all', 'relay']),
  /** True when only the signaling connection was re-established: the media may still run. */
  resumed: z.boolean(),
};

export const HubToTerminal = z.discriminatedUnion('type', [
  z.object({ type: z.literal('welcome'), terminalId: z.string(), offices: z.array(OfficeCallStatus) }),
  z.object({ type: z.literal('offices'), offices: z.array(OfficeCallStatus) }),
  z.object({
    type: z.literal('call.queued'),
    callId: CallId,
    officeId: OfficeId,
    position: z.number().int().positive(),
    estimatedWaitSeconds: z.number().int().nonnegative().nullable(),
    /** Set while a clerk hands the citizen on to someone else. */
    transferred: z.boolean(),
  }),
  z.object({ ...CallConnect, clerkName: z.string() }),
  z.object({ type: z.literal('call.restart'), callId: CallId }),
  z.object({ type: z.literal('call.ended'), callId: CallId, reason: CallEndReason }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
  Signal,
  Ping,
]);
export type HubToTerminal = z.infer<typeof HubToTerminal>;

// ---------------------------------------------------------------- hub -> clerk

export const HubToClerk = z.discriminatedUnion('type', [
  z.object({ type: z.literal('welcome'), me: ClerkState }),
  /** The whole picture after every change: small (a town hall's queue), and never out of step. */
  z.object({
    type: z.literal('queue'),
    /** Hub time, so waiting times are counted against the hub's clock, not the console's. */
    serverNow: z.string(),
    entries: z.array(QueueEntry),
    clerks: z.array(ClerkState),
    offices: z.array(OfficeCallStatus),
  }),
  z.object({
    ...CallConnect,
    terminalId: z.string(),
    terminalName: z.string(),
    officeId: OfficeId,
    serviceId: ServiceId.nullable(),
    locale: Locale,
  }),
  z.object({ type: z.literal('call.ended'), callId: CallId, reason: CallEndReason }),
  /** The call left this clerk by a transfer; it is no longer this clerk's. */
  z.object({ type: z.literal('call.transferred'), callId: CallId }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
  Signal,
  Ping,
]);
export type HubToClerk = z.infer<typeof HubToClerk>;

/** WebSocket close codes the hub uses (4000-4999 are free for applications). */
export const CLOSE = {
  unauthenticated: 4401,
  /** A newer connection of the same terminal or clerk took over. */
  replaced: 4409,
  protocol: 4400,
  /** The hub instance is stopping (a restart or rolling upgrade): reconnect at once, the call goes on. */
  serviceRestart: 1012,
} as const;

// ---------------------------------------------------------------- callback and appointment

/** Who to call back and about what: the same in a callback request and an appointment. */
const callRequestFields = {
  id: z.uuid(),
  officeId: OfficeId,
  serviceId: ServiceId.nullable(),
  locale: Locale,
  name: z.string().trim().min(1).max(200),
  phone: z.string().regex(/^\+?[0-9 ()/-]{5,30}$/, 'phone: digits, spaces, + ( ) / -'),
  note: z.string().max(1000),
};

/** Left by a citizen when nobody can answer; goes through the terminal's offline queue. */
export const CallRequest = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('callback'),
    ...callRequestFields,
    createdAt: z.string(),
  }),
  z.strictObject({
    kind: z.literal('appointment'),
    ...callRequestFields,
    /** Start of the chosen video slot, local wall time of the office: 2026-11-24T14:00. */
    slot: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
    createdAt: z.string(),
  }),
]);
export type CallRequest = z.infer<typeof CallRequest>;

export const CallRequestReceipt = z.object({
  id: z.uuid(),
  /** False when the slot was taken meanwhile: the town hall calls back to find another. */
  slotConfirmed: z.boolean().nullable(),
  receivedAt: z.string(),
});
export type CallRequestReceipt = z.infer<typeof CallRequestReceipt>;

export const StoredCallRequest = z.object({
  id: z.uuid(),
  kind: z.enum(['callback', 'appointment']),
  officeId: z.string(),
  serviceId: z.string().nullable(),
  terminalId: z.string(),
  locale: z.string(),
  name: z.string(),
  phone: z.string(),
  note: z.string(),
  slot: z.string().nullable(),
  slotConfirmed: z.boolean().nullable(),
  createdAt: z.string(),
  receivedAt: z.string(),
});
export type StoredCallRequest = z.infer<typeof StoredCallRequest>;

export const CallLogEntry = z.object({
  callId: CallId,
  officeId: z.string(),
  serviceId: z.string().nullable(),
  terminalId: z.string(),
  clerkUsername: z.string().nullable(),
  queuedAt: z.string(),
  acceptedAt: z.string().nullable(),
  endedAt: z.string(),
  endReason: CallEndReason,
  transfers: z.number().int().nonnegative(),
});
export type CallLogEntry = z.infer<typeof CallLogEntry>;

export const CallLogList = z.object({ calls: z.array(CallLogEntry) });

export const CallDirectory = z.object({
  offices: z.array(z.object({ id: z.string(), name: z.string() })),
  services: z.array(
    z.object({ id: z.string(), name: z.string(), officeId: z.string(), hasForm: z.boolean() }),
  ),
});
export type CallDirectory = z.infer<typeof CallDirectory>;
export const CallRequestList = z.object({ requests: z.array(StoredCallRequest) });

// ---------------------------------------------------------------- peer-to-peer (data channel)

/**
 * What travels on the data channel between kiosk and console. The hub never sees it. Co-view
 * state is sent only after the citizen agreed on screen, and stops when the call ends.
 */
/** One slice of a still (a JPEG data URL): the terminal's still.chunk and the clerk's still.offer. */
const STILL_CHUNK_FIELDS = {
  id: z.string().max(64),
  index: z.number().int().nonnegative(),
  count: z.number().int().positive().max(4000),
  data: z.string().max(16_000),
};

export const PeerMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('chat'), id: z.string().max(64), text: z.string().min(1).max(2000) }),
  /** The clerk shows a service page or opens a form on the terminal. */
  z.object({ kind: z.literal('push'), serviceId: ServiceId, openForm: z.boolean() }),
  z.object({ kind: z.literal('coview.request') }),
  z.object({ kind: z.literal('coview.answer'), granted: z.boolean() }),
  z.object({ kind: z.literal('coview.stop') }),
  z.object({
    kind: z.literal('coview.state'),
    title: z.string().max(500),
    step: z.string().max(500),
    fields: z.array(z.object({ label: z.string().max(500), value: z.string().max(2000) })).max(100),
  }),
  /** The clerk asks for a still at the camera's full resolution; the terminal answers in chunks. */
  z.object({ kind: z.literal('still.request'), id: z.string().max(64) }),
  z.object({ kind: z.literal('still.chunk'), ...STILL_CHUNK_FIELDS }),
  /**
   * The clerk sends a still back for the citizen's application, in chunks like still.chunk (a
   * JPEG data URL); the terminal attaches it only after the citizen agrees on screen.
   */
  z.object({ kind: z.literal('still.offer'), ...STILL_CHUNK_FIELDS }),
  /** The quality both sides see; the other side shows it too, so the clerk knows the kiosk's line. */
  z.object({
    kind: z.literal('quality'),
    level: z.enum(['good', 'fair', 'poor']),
    rttMs: z.number().nullable(),
    lossPercent: z.number().nullable(),
    fps: z.number().nullable(),
  }),
  z.object({ kind: z.literal('audio-only'), on: z.boolean() }),
]);
export type PeerMessage = z.infer<typeof PeerMessage>;

// ---------------------------------------------------------------- pure helpers

/** TURN REST credentials (coturn's use-auth-secret scheme): username "expiry:id". */
export function turnUsername(expiresAtSeconds: number, id: string): string {
  return `${expiresAtSeconds}:${id}`;
}

/**
 * A rough but honest wait: nobody signed in -> unknown; a free clerk for everyone ahead -> the
 * pick-up time; otherwise rounds of average call length shared by the office's clerks.
 */
export function estimateWaitSeconds(input: {
  position: number;
  clerksAvailable: number;
  clerksBusy: number;
  averageCallSeconds: number;
  averagePickupSeconds: number;
}): number | null {
  const { position, clerksAvailable, clerksBusy, averageCallSeconds, averagePickupSeconds } = input;
  const serving = clerksAvailable + clerksBusy;
  if (serving === 0) return null;
  if (position <= clerksAvailable) return Math.round(averagePickupSeconds);
  const rounds = Math.ceil((position - clerksAvailable) / serving);
  return Math.round(rounds * averageCallSeconds + averagePickupSeconds);
}

const minutesOf = minutesOfClock;

/** Whether a local wall-clock time falls inside the intervals (the office's video hours). */
export function isWithinHours(hours: readonly OpeningInterval[], localTime: Date): boolean {
  const { weekday: day, minutes: minute } = localWallClock(localTime);
  return hours.some((h) => h.day === day && minutesOf(h.from) <= minute && minute < minutesOf(h.to));
}

/** Today's intervals, in order, for "video service today: 09:00–12:00". */
export function hoursOn(hours: readonly OpeningInterval[], localTime: Date): OpeningInterval[] {
  const day = localWallClock(localTime).weekday;
  return hours.filter((h) => h.day === day).sort((a, b) => minutesOf(a.from) - minutesOf(b.from));
}

/**
 * The next appointment slots inside the video hours, computed on the terminal from synced data
 * so that booking works offline. Slots start at `from` and repeat every `slotMinutes`.
 */
export function nextSlots(
  hours: readonly OpeningInterval[],
  after: Date,
  count: number,
  slotMinutes = 20,
  horizonDays = 14,
): string[] {
  const slots: string[] = [];
  const pad = (n: number) => String(n).padStart(2, '0');
  for (let offset = 0; offset <= horizonDays && slots.length < count; offset++) {
    const day = new Date(after.getFullYear(), after.getMonth(), after.getDate() + offset);
    for (const h of hoursOn(hours, day)) {
      for (let m = minutesOf(h.from); m + slotMinutes <= minutesOf(h.to); m += slotMinutes) {
        const start = new Date(day.getFullYear(), day.getMonth(), day.getDate(), Math.floor(m / 60), m % 60);
        // At least half an hour ahead, so the town hall sees the booking in time.
        if (start.getTime() < after.getTime() + 30 * 60_000) continue;
        slots.push(
          `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}T${pad(start.getHours())}:${pad(start.getMinutes())}`,
        );
        if (slots.length >= count) return slots;
      }
    }
  }
  return slots;
}
