import {
  estimateWaitSeconds,
  type CallEndReason,
  type CallLogEntry,
  type ClerkState,
  type ClerkToHub,
  type HubToClerk,
  type HubToTerminal,
  type OfficeCallStatus,
  type QueueEntry,
  type TerminalToHub,
} from '../../protocol/calls.js';
import type { Locale } from '../../protocol/i18n.js';
import type { IceConfig } from './turn.js';

/** One live connection of a terminal or a clerk; the transport (WebSocket) stays outside. */
export interface Connection<Out> {
  send(message: Out): void;
  close(code: number, reason: string): void;
}

export interface CallCenterOptions {
  /** Nobody accepted within this time: the call ends as 'unanswered' and the kiosk offers a callback. */
  queueTimeoutMs: number;
  /** A side whose connection dropped may come back within this time before its call ends. */
  graceMs: number;
  /** A transfer to one clerk that is neither accepted nor declined falls back to the office queue. */
  offerTimeoutMs: number;
  /** Fresh ICE servers (short-lived TURN credentials) for one peer. */
  iceFor(peerId: string): IceConfig;
  /** Writes the call log (times and outcome only, never content). */
  log(entry: CallLogEntry): void;
  now?: () => Date;
}

export interface ClerkProfileInfo {
  username: string;
  displayName: string;
  officeIds: string[];
}

interface Call {
  id: string;
  terminalId: string;
  terminalName: string;
  officeId: string;
  serviceId: string | null;
  locale: Locale;
  queuedAt: Date;
  /** Kept across transfers, so a handed-on citizen keeps their place in time. */
  waitingSince: Date;
  state: 'queued' | 'active';
  /** Transferred calls go to the front of the queue. */
  front: boolean;
  clerk: string | null;
  lastClerk: string | null;
  offeredTo: string | null;
  transferredBy: string | null;
  acceptedAt: Date | null;
  transfers: number;
  queueTimer: ReturnType<typeof setTimeout> | null;
  offerTimer: ReturnType<typeof setTimeout> | null;
  terminalGone: ReturnType<typeof setTimeout> | null;
  clerkGone: ReturnType<typeof setTimeout> | null;
}

interface ClerkEntry extends ClerkProfileInfo {
  conn: Connection<HubToClerk> | null;
  presence: 'available' | 'away';
  forget: ReturnType<typeof setTimeout> | null;
}

interface TerminalEntry {
  name: string;
  conn: Connection<HubToTerminal>;
}

const REPLACED = 4409;
const DEFAULT_CALL_SECONDS = 300;
const DEFAULT_PICKUP_SECONDS = 20;
const HISTORY = 20;

/**
 * The hub's call broker: one queue per office served by several clerks, clerk presence, accept,
 * decline, transfer, hang-up, timeouts for unanswered calls and vanished peers. It relays
 * signaling and keeps nothing of a call's content; the log gets times and outcomes only.
 */
export class CallCenter {
  private readonly calls = new Map<string, Call>();
  private readonly clerks = new Map<string, ClerkEntry>();
  private readonly terminals = new Map<string, TerminalEntry>();
  private readonly durations: number[] = [];
  private readonly now: () => Date;

  constructor(private readonly options: CallCenterOptions) {
    this.now = options.now ?? (() => new Date());
  }

  // ------------------------------------------------------------ terminals

  attachTerminal(terminalId: string, name: string, conn: Connection<HubToTerminal>): void {
    const previous = this.terminals.get(terminalId);
    if (previous && previous.conn !== conn) previous.conn.close(REPLACED, 'replaced by a newer connection');
    this.terminals.set(terminalId, { name, conn });
    conn.send({ type: 'welcome', terminalId, offices: this.officeStatuses() });
    for (const call of this.callsOfTerminal(terminalId)) {
      if (call.terminalGone) clearTimeout(call.terminalGone);
      call.terminalGone = null;
      this.sendCallStateToTerminal(call, true);
    }
  }

  detachTerminal(terminalId: string, conn: Connection<HubToTerminal>): void {
    const entry = this.terminals.get(terminalId);
    if (!entry || entry.conn !== conn) return;
    this.terminals.delete(terminalId);
    for (const call of this.callsOfTerminal(terminalId)) {
      call.terminalGone ??= setTimeout(() => this.end(call, 'peer_vanished'), this.options.graceMs);
    }
  }

  terminalMessage(terminalId: string, message: TerminalToHub): void {
    const terminal = this.terminals.get(terminalId);
    if (!terminal) return;
    switch (message.type) {
      case 'hello':
      case 'pong':
        return;
      case 'call.request': {
        const existing = this.calls.get(message.callId);
        if (existing) {
          if (existing.terminalId !== terminalId) {
            terminal.conn.send({ type: 'error', code: 'call_taken', message: 'This call id is in use.' });
            return;
          }
          this.sendCallStateToTerminal(existing, true);
          return;
        }
        // One call per terminal: a new request replaces a forgotten one.
        for (const old of this.callsOfTerminal(terminalId)) this.end(old, 'cancelled');
        const at = this.now();
        const call: Call = {
          id: message.callId,
          terminalId,
          terminalName: terminal.name,
          officeId: message.officeId,
          serviceId: message.serviceId,
          locale: message.locale,
          queuedAt: at,
          waitingSince: at,
          state: 'queued',
          front: false,
          clerk: null,
          lastClerk: null,
          offeredTo: null,
          transferredBy: null,
          acceptedAt: null,
          transfers: 0,
          queueTimer: null,
          offerTimer: null,
          terminalGone: null,
          clerkGone: null,
        };
        this.calls.set(call.id, call);
        this.armQueueTimer(call);
        this.changed();
        return;
      }
      case 'call.viewing': {
        const call = this.ownCall(terminalId, message.callId);
        if (call) {
          call.serviceId = message.serviceId;
          this.changed();
        }
        return;
      }
      case 'call.cancel':
      case 'call.hangup': {
        const call = this.ownCall(terminalId, message.callId);
        if (call) this.end(call, call.state === 'queued' ? 'cancelled' : 'hangup');
        return;
      }
      case 'signal': {
        const call = this.ownCall(terminalId, message.callId);
        if (call?.state === 'active' && call.clerk) this.clerks.get(call.clerk)?.conn?.send(message);
        return;
      }
    }
  }

  // ------------------------------------------------------------ clerks

  attachClerk(profile: ClerkProfileInfo, conn: Connection<HubToClerk>): void {
    const known = this.clerks.get(profile.username);
    if (known?.conn && known.conn !== conn) known.conn.close(REPLACED, 'replaced by a newer connection');
    if (known?.forget) clearTimeout(known.forget);
    const entry: ClerkEntry = {
      ...profile,
      conn,
      presence: known?.presence ?? 'away',
      forget: null,
    };
    this.clerks.set(profile.username, entry);
    conn.send({ type: 'welcome', me: this.clerkState(entry) });
    for (const call of this.calls.values()) {
      if (call.clerk !== profile.username) continue;
      if (call.clerkGone) clearTimeout(call.clerkGone);
      call.clerkGone = null;
      this.sendConnectToClerk(call, entry, true);
    }
    this.changed();
  }

  detachClerk(username: string, conn: Connection<HubToClerk>): void {
    const entry = this.clerks.get(username);
    if (!entry || entry.conn !== conn) return;
    entry.conn = null;
    for (const call of this.calls.values()) {
      if (call.clerk === username) {
        call.clerkGone ??= setTimeout(() => this.end(call, 'peer_vanished'), this.options.graceMs);
      }
      if (call.offeredTo === username) this.releaseOffer(call);
    }
    entry.forget = setTimeout(() => {
      if (!entry.conn && ![...this.calls.values()].some((c) => c.clerk === username))
        this.clerks.delete(username);
    }, this.options.graceMs);
    this.changed();
  }

  clerkMessage(username: string, message: ClerkToHub): void {
    const clerk = this.clerks.get(username);
    if (!clerk?.conn) return;
    const refuse = (code: string, text: string) => clerk.conn?.send({ type: 'error', code, message: text });
    switch (message.type) {
      case 'pong':
        return;
      case 'presence':
        clerk.presence = message.presence;
        this.changed();
        return;
      case 'call.accept': {
        const call = this.calls.get(message.callId);
        if (!call || call.state !== 'queued') return refuse('call_gone', 'This call is no longer waiting.');
        if (this.activeCallOf(username)) return refuse('busy', 'Finish your current call first.');
        const mayTake =
          call.offeredTo === username || (call.offeredTo === null && clerk.officeIds.includes(call.officeId));
        if (!mayTake) return refuse('not_yours', 'This call is for another office or clerk.');
        if (call.queueTimer) clearTimeout(call.queueTimer);
        if (call.offerTimer) clearTimeout(call.offerTimer);
        call.queueTimer = call.offerTimer = null;
        call.state = 'active';
        call.clerk = call.lastClerk = username;
        call.offeredTo = null;
        call.acceptedAt ??= this.now();
        this.sendConnectToClerk(call, clerk, false);
        this.sendCallStateToTerminal(call, false);
        this.changed();
        return;
      }
      case 'call.decline': {
        const call = this.calls.get(message.callId);
        if (call?.offeredTo === username) this.releaseOffer(call);
        return;
      }
      case 'call.transfer': {
        const call = this.calls.get(message.callId);
        if (!call || call.clerk !== username) return refuse('not_yours', 'This is not your call.');
        const { to } = message;
        if (to.kind === 'clerk') {
          const target = this.clerks.get(to.username);
          if (!target?.conn || to.username === username)
            return refuse('clerk_unavailable', 'That clerk is not signed in.');
        }
        call.state = 'queued';
        call.clerk = null;
        call.front = true;
        call.transfers += 1;
        call.transferredBy = clerk.displayName;
        if (to.kind === 'office') call.officeId = to.officeId;
        call.offeredTo = to.kind === 'clerk' ? to.username : null;
        if (call.offeredTo) {
          call.offerTimer = setTimeout(() => this.releaseOffer(call), this.options.offerTimeoutMs);
        }
        this.armQueueTimer(call);
        clerk.conn.send({ type: 'call.transferred', callId: call.id });
        this.changed();
        return;
      }
      case 'call.hangup': {
        const call = this.calls.get(message.callId);
        if (call?.clerk === username) this.end(call, 'hangup');
        return;
      }
      case 'call.restart': {
        const call = this.calls.get(message.callId);
        if (call?.clerk === username) this.terminals.get(call.terminalId)?.conn.send(message);
        return;
      }
      case 'signal': {
        const call = this.calls.get(message.callId);
        if (call?.clerk === username) this.terminals.get(call.terminalId)?.conn.send(message);
        return;
      }
    }
  }

  // ------------------------------------------------------------ views

  queueEntries(): QueueEntry[] {
    const entries: QueueEntry[] = [];
    for (const [officeId, calls] of this.queuesByOffice()) {
      calls.forEach((call, index) =>
        entries.push({
          callId: call.id,
          officeId,
          serviceId: call.serviceId,
          terminalId: call.terminalId,
          terminalName: call.terminalName,
          locale: call.locale,
          waitingSince: call.waitingSince.toISOString(),
          position: index + 1,
          offeredTo: call.offeredTo,
          transferredBy: call.transferredBy,
        }),
      );
    }
    return entries.sort((a, b) => (a.officeId === b.officeId ? a.position - b.position : 0));
  }

  officeStatuses(): OfficeCallStatus[] {
    const offices = new Set<string>();
    for (const clerk of this.clerks.values()) if (clerk.conn) clerk.officeIds.forEach((o) => offices.add(o));
    for (const call of this.calls.values()) offices.add(call.officeId);
    return [...offices].sort().map((officeId) => {
      const { available, busy } = this.clerkCounts(officeId);
      const waiting = this.queueOf(officeId).length;
      return {
        officeId,
        clerksAvailable: available,
        clerksBusy: busy,
        waiting,
        estimatedWaitSeconds: this.estimate(officeId, waiting + 1),
      };
    });
  }

  clerkStates(): ClerkState[] {
    return [...this.clerks.values()]
      .filter((c) => c.conn)
      .map((c) => this.clerkState(c))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /** Ends every call (hub shutdown). */
  closeAll(): void {
    for (const call of [...this.calls.values()]) this.end(call, 'closed');
    for (const clerk of this.clerks.values()) if (clerk.forget) clearTimeout(clerk.forget);
  }

  // ------------------------------------------------------------ internals

  private end(call: Call, reason: CallEndReason): void {
    if (this.calls.get(call.id) !== call) return;
    this.calls.delete(call.id);
    for (const timer of [call.queueTimer, call.offerTimer, call.terminalGone, call.clerkGone])
      if (timer) clearTimeout(timer);
    const ended = { type: 'call.ended', callId: call.id, reason } as const;
    this.terminals.get(call.terminalId)?.conn.send(ended);
    if (call.clerk) this.clerks.get(call.clerk)?.conn?.send(ended);
    const endedAt = this.now();
    if (call.acceptedAt && reason === 'hangup') {
      this.durations.push((endedAt.getTime() - call.acceptedAt.getTime()) / 1000);
      if (this.durations.length > HISTORY) this.durations.shift();
    }
    this.options.log({
      callId: call.id,
      officeId: call.officeId,
      serviceId: call.serviceId,
      terminalId: call.terminalId,
      clerkUsername: call.lastClerk,
      queuedAt: call.queuedAt.toISOString(),
      acceptedAt: call.acceptedAt?.toISOString() ?? null,
      endedAt: endedAt.toISOString(),
      endReason: reason,
      transfers: call.transfers,
    });
    this.changed();
  }

  private armQueueTimer(call: Call): void {
    if (call.queueTimer) clearTimeout(call.queueTimer);
    call.queueTimer = setTimeout(() => this.end(call, 'unanswered'), this.options.queueTimeoutMs);
  }

  private releaseOffer(call: Call): void {
    if (call.offerTimer) clearTimeout(call.offerTimer);
    call.offerTimer = null;
    if (call.offeredTo === null) return;
    call.offeredTo = null;
    this.changed();
  }

  private sendConnectToClerk(call: Call, clerk: ClerkEntry, resumed: boolean): void {
    const ice = this.options.iceFor(`clerk-${clerk.username}`);
    clerk.conn?.send({
      type: 'call.connect',
      callId: call.id,
      ...ice,
      resumed,
      terminalId: call.terminalId,
      terminalName: call.terminalName,
      officeId: call.officeId,
      serviceId: call.serviceId,
      locale: call.locale,
    });
  }

  private sendCallStateToTerminal(call: Call, resumed: boolean): void {
    const conn = this.terminals.get(call.terminalId)?.conn;
    if (!conn) return;
    if (call.state === 'active' && call.clerk) {
      const ice = this.options.iceFor(`terminal-${call.terminalId}`);
      const clerkName = this.clerks.get(call.clerk)?.displayName ?? call.clerk;
      conn.send({ type: 'call.connect', callId: call.id, ...ice, resumed, clerkName });
      return;
    }
    const queue = this.queueOf(call.officeId);
    const position = queue.indexOf(call) + 1;
    if (position < 1) return;
    conn.send({
      type: 'call.queued',
      callId: call.id,
      officeId: call.officeId,
      position,
      estimatedWaitSeconds: this.estimate(call.officeId, position),
      transferred: call.transfers > 0,
    });
  }

  /** After any change: every clerk gets the whole queue, every terminal its office statuses and place. */
  private changed(): void {
    const snapshot: HubToClerk = {
      type: 'queue',
      serverNow: this.now().toISOString(),
      entries: this.queueEntries(),
      clerks: this.clerkStates(),
      offices: this.officeStatuses(),
    };
    for (const clerk of this.clerks.values()) clerk.conn?.send(snapshot);
    const offices = snapshot.offices;
    for (const terminal of this.terminals.values()) terminal.conn.send({ type: 'offices', offices });
    for (const call of this.calls.values())
      if (call.state === 'queued') this.sendCallStateToTerminal(call, false);
  }

  private queueOf(officeId: string): Call[] {
    return [...this.calls.values()]
      .filter((c) => c.state === 'queued' && c.officeId === officeId)
      .sort(
        (a, b) =>
          Number(b.front) - Number(a.front) ||
          a.waitingSince.getTime() - b.waitingSince.getTime() ||
          a.queuedAt.getTime() - b.queuedAt.getTime(),
      );
  }

  private queuesByOffice(): Map<string, Call[]> {
    const offices = new Set([...this.calls.values()].map((c) => c.officeId));
    return new Map([...offices].sort().map((o) => [o, this.queueOf(o)]));
  }

  private clerkCounts(officeId: string): { available: number; busy: number } {
    let available = 0;
    let busy = 0;
    for (const clerk of this.clerks.values()) {
      if (!clerk.conn || !clerk.officeIds.includes(officeId)) continue;
      const state = this.presenceOf(clerk);
      if (state === 'available') available++;
      else if (state === 'in_call') busy++;
    }
    return { available, busy };
  }

  private estimate(officeId: string, position: number): number | null {
    const { available, busy } = this.clerkCounts(officeId);
    const averageCallSeconds =
      this.durations.length === 0
        ? DEFAULT_CALL_SECONDS
        : this.durations.reduce((a, b) => a + b, 0) / this.durations.length;
    return estimateWaitSeconds({
      position,
      clerksAvailable: available,
      clerksBusy: busy,
      averageCallSeconds,
      averagePickupSeconds: DEFAULT_PICKUP_SECONDS,
    });
  }

  private presenceOf(clerk: ClerkEntry): ClerkState['presence'] {
    return this.activeCallOf(clerk.username) ? 'in_call' : clerk.presence;
  }

  private clerkState(clerk: ClerkEntry): ClerkState {
    return {
      username: clerk.username,
      displayName: clerk.displayName,
      officeIds: clerk.officeIds,
      presence: this.presenceOf(clerk),
    };
  }

  private activeCallOf(username: string): Call | undefined {
    return [...this.calls.values()].find((c) => c.clerk === username);
  }

  private callsOfTerminal(terminalId: string): Call[] {
    return [...this.calls.values()].filter((c) => c.terminalId === terminalId);
  }

  private ownCall(terminalId: string, callId: string): Call | undefined {
    const call = this.calls.get(callId);
    return call?.terminalId === terminalId ? call : undefined;
  }
}
