import { randomUUID } from 'node:crypto';
import type {
  CallEndReason,
  CallLogEntry,
  ClerkState,
  ClerkToHub,
  HubToClerk,
  HubToTerminal,
  OfficeCallStatus,
  QueueEntry,
  TerminalToHub,
} from '../../protocol/calls.js';
import type { Locale } from '../../protocol/i18n.js';
import type { CallClerkRow, LiveCallRow } from '../db/call-schema.js';
import { isUniqueViolation } from '../db/errors.js';
import type { HubKysely } from '../db/schema.js';
import * as views from './call-views.js';
import {
  endCallRow,
  type EndedCall,
  markClerksGone,
  markTerminalsGone,
  recentDurations,
  releaseInstance,
} from './live-store.js';
import { InProcessNotices, type CallNotice, type CallNotices } from './notices.js';
import type { IceConfig } from './turn.js';

/** One live connection of a terminal or a clerk; the transport (WebSocket) stays outside. */
export interface Connection<Out> {
  send(message: Out): void;
  close(code: number, reason: string): void;
}

export interface CallCenterOptions {
  /** Where the call state lives, shared by every instance on the same database. */
  db: HubKysely;
  /** How instances tell each other of changes; in-process (SQLite, one process) by default. */
  notices?: CallNotices;
  /** 'postgres' locks due rows with SKIP LOCKED, so instances split the deadline sweep. */
  dialect?: 'sqlite' | 'postgres';
  /** Nobody accepted within this time: the call ends as 'unanswered' and the kiosk offers a callback. */
  queueTimeoutMs: number;
  /** A side whose connection dropped may come back within this time before its call ends. */
  graceMs: number;
  /** A transfer to one clerk that is neither accepted nor declined falls back to the office queue. */
  offerTimeoutMs: number;
  /** How often this instance handles due deadlines and says it is alive (default 1 s). */
  sweepMs?: number;
  /** An instance silent this long is taken as dead and its sockets as dropped (default 5 s). */
  instanceStaleMs?: number;
  /** Fresh ICE servers (short-lived TURN credentials) for one peer. */
  iceFor(peerId: string): IceConfig;
  /** Told of every call this instance ended (the call log itself is written with the end). */
  log?(entry: CallLogEntry): void;
  onError?(error: unknown): void;
  now?: () => Date;
}

export interface ClerkProfileInfo {
  username: string;
  displayName: string;
  officeIds: string[];
  /** The municipality: the clerk sees and takes only calls to its offices. */
  tenantId: string;
}

interface Local<Out> {
  conn: Connection<Out>;
  connId: string;
}

/** What the hub passes from one side of a call to the other as it came. */
type Relayed = Extract<TerminalToHub | ClerkToHub, { type: 'signal' | 'call.restart' }>;

const REPLACED = 4409;
/** Signaling messages nobody picked up (their socket's instance died) are dropped after this. */
const SIGNAL_TTL_MS = 60_000;

/**
 * The hub's call broker: one queue per office served by several clerks, clerk presence, accept,
 * decline, transfer, hang-up, deadlines for unanswered calls and vanished peers. The state is in
 * database rows shared by every hub instance; each instance holds some of the sockets, keeps a
 * copy of the rows read after every change notice, and relays signaling to sockets held
 * elsewhere through the notice channel. It keeps nothing of a call's content; the log gets times
 * and outcomes only.
 */
export class CallCenter {
  readonly instanceId = randomUUID();
  private readonly db: HubKysely;
  private readonly notices: CallNotices;
  private readonly now: () => Date;
  private readonly terminals = new Map<string, Local<HubToTerminal> & { name: string; tenantId: string }>();
  private readonly clerks = new Map<string, Local<HubToClerk> & { profile: ClerkProfileInfo }>();
  private snapshot: views.CallSnapshot = { calls: new Map(), clerks: new Map(), durations: [] };
  /** Each live office's tenant, read with the rows: what a side sees is cut to its tenant. */
  private officeTenants = new Map<string, string>();
  private work: Promise<void> = Promise.resolve();
  private refreshQueued = false;
  /** The wait estimate's durations change only with a call ended by hang-up, whose notice says so. */
  private durationsStale = true;
  /** Terminal attaches not yet written: a step is queued for them and takes more until it starts. */
  private attaching: {
    terminals: Map<string, { name: string; connId: string }>;
    done: Promise<void>;
  } | null = null;
  /** The running sweep; it runs beside the steps, so a socket's message never waits for it. */
  private sweeping: Promise<void> | null = null;
  private sweepTimer: ReturnType<typeof setInterval> | undefined;
  private stopped = false;

  constructor(private readonly options: CallCenterOptions) {
    this.db = options.db;
    this.notices = options.notices ?? new InProcessNotices();
    this.now = options.now ?? (() => new Date());
  }

  /** Joins the shared state: says this instance is alive, listens for notices, reads the rows. */
  async start(): Promise<void> {
    await this.heartbeat();
    await this.notices.start({
      notice: (notice) => this.onNotice(notice),
      resync: () => {
        this.durationsStale = true;
        this.queueRefresh();
      },
    });
    await this.run(() => this.refresh());
    this.sweepTimer = setInterval(() => {
      if (this.sweeping || this.stopped) return;
      this.sweeping = this.sweep().finally(() => (this.sweeping = null));
    }, this.options.sweepMs ?? 1000);
    this.sweepTimer.unref?.();
  }

  /** Resolves once everything this instance has been told or asked so far is handled. */
  async idle(): Promise<void> {
    let seen: Promise<void>;
    do {
      await this.sweeping;
      seen = this.work;
      await seen;
    } while (seen !== this.work || this.sweeping);
  }

  // ------------------------------------------------------------ terminals

  attachTerminal(
    terminalId: string,
    name: string,
    conn: Connection<HubToTerminal>,
    tenantId: string,
  ): Promise<void> {
    const previous = this.terminals.get(terminalId);
    if (previous && previous.conn !== conn) previous.conn.close(REPLACED, 'replaced by a newer connection');
    const connId = randomUUID();
    this.terminals.set(terminalId, { name, conn, connId, tenantId });
    conn.send({ type: 'welcome', terminalId, offices: this.officeStatuses(tenantId) });
    return this.joinAttaches(terminalId, name, connId);
  }

  /**
   * Terminals that connect while earlier steps are still running (after a restart every terminal
   * of an instance comes back at once) are written as one step: one upsert and one notice round
   * trip for all of them, instead of a step each that a call change would queue behind.
   */
  private async joinAttaches(terminalId: string, name: string, connId: string): Promise<void> {
    let batch = this.attaching;
    if (!batch) {
      const terminals = new Map<string, { name: string; connId: string }>();
      const done = this.run(async () => {
        this.attaching = null;
        await this.writeAttaches(terminals);
      });
      batch = this.attaching = { terminals, done };
    }
    batch.terminals.set(terminalId, { name, connId });
    await batch.done;
    await this.idle();
  }

  private async writeAttaches(
    terminals: ReadonlyMap<string, { name: string; connId: string }>,
  ): Promise<void> {
    const ids = [...terminals.keys()];
    await this.db
      .insertInto('call_terminals')
      .values(
        [...terminals].map(([terminalId, { name, connId }]) => ({
          terminal_id: terminalId,
          name,
          instance_id: this.instanceId,
          conn_id: connId,
        })),
      )
      .onConflict((oc) =>
        oc.column('terminal_id').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          instance_id: eb.ref('excluded.instance_id'),
          conn_id: eb.ref('excluded.conn_id'),
        })),
      )
      .execute();
    const back = await this.db
      .updateTable('live_calls')
      .set({ terminal_gone_at: null })
      .where('terminal_id', 'in', ids)
      .returningAll()
      .execute();
    await this.publishAll(
      [...terminals].map(([terminalId, { connId }]) => ({
        t: 'attached',
        kind: 'terminal',
        who: terminalId,
        conn: connId,
      })),
    );
    for (const call of back) {
      this.cache(call);
      this.sendCallStateToTerminal(call, true);
    }
  }

  detachTerminal(terminalId: string, conn: Connection<HubToTerminal>): Promise<void> {
    const entry = this.terminals.get(terminalId);
    if (!entry || entry.conn !== conn) return Promise.resolve();
    this.terminals.delete(terminalId);
    return this.act(async () => {
      const released = await this.db
        .updateTable('call_terminals')
        .set({ instance_id: null, conn_id: null })
        .where('terminal_id', '=', terminalId)
        .where('conn_id', '=', entry.connId)
        .executeTakeFirst();
      if (released.numUpdatedRows > 0n)
        await markTerminalsGone(this.db, [terminalId], this.at(this.options.graceMs));
    });
  }

  terminalMessage(terminalId: string, message: TerminalToHub): Promise<void> {
    const terminal = this.terminals.get(terminalId);
    if (!terminal || message.type === 'hello' || message.type === 'pong') return Promise.resolve();
    return this.act(async () => {
      switch (message.type) {
        case 'call.request': {
          if (!(await this.officeOfTenant(message.officeId, terminal.tenantId))) {
            terminal.conn.send({
              type: 'error',
              code: 'unknown_office',
              message: `There is no office "${message.officeId}" for this terminal.`,
            });
            return;
          }
          // The call asked for and this terminal's calls, in one read.
          const mine = await this.db
            .selectFrom('live_calls')
            .selectAll()
            .where((eb) => eb.or([eb('id', '=', message.callId), eb('terminal_id', '=', terminalId)]))
            .execute();
          const existing = mine.find((call) => call.id === message.callId);
          if (existing) {
            if (existing.terminal_id !== terminalId) {
              terminal.conn.send({ type: 'error', code: 'call_taken', message: 'This call id is in use.' });
              return;
            }
            // A terminal back after a drop asks again: same call, same place.
            this.sendCallStateToTerminal(existing, true);
            return;
          }
          // One call per terminal: a new request replaces a forgotten one.
          for (const call of mine) await this.end(call.id, 'cancelled');
          const at = this.at(0);
          const inserted = await this.db
            .insertInto('live_calls')
            .values({
              id: message.callId,
              terminal_id: terminalId,
              terminal_name: terminal.name,
              office_id: message.officeId,
              service_id: message.serviceId,
              locale: message.locale,
              queued_at: at,
              waiting_since: at,
              state: 'waiting',
              front: 0,
              clerk: null,
              last_clerk: null,
              offered_to: null,
              transferred_by: null,
              accepted_at: null,
              transfers: 0,
              queue_deadline: this.at(this.options.queueTimeoutMs),
              offer_deadline: null,
              terminal_gone_at: null,
              clerk_gone_at: null,
            })
            .onConflict((oc) => oc.column('id').doNothing())
            .returning('id')
            .executeTakeFirst();
          if (!inserted)
            terminal.conn.send({ type: 'error', code: 'call_taken', message: 'This call id is in use.' });
          else await this.publish({ t: 'changed' });
          return;
        }
        case 'call.viewing': {
          const updated = await this.db
            .updateTable('live_calls')
            .set({ service_id: message.serviceId })
            .where('id', '=', message.callId)
            .where('terminal_id', '=', terminalId)
            .executeTakeFirst();
          if (updated.numUpdatedRows > 0n) await this.publish({ t: 'changed' });
          return;
        }
        case 'call.cancel':
        case 'call.hangup': {
          const call = await this.readCall(message.callId);
          if (call?.terminal_id === terminalId)
            await this.end(call.id, call.state === 'waiting' ? 'cancelled' : 'hangup');
          return;
        }
        case 'signal': {
          const call = await this.activeCall(message.callId);
          if (call?.terminal_id === terminalId && call.clerk)
            await this.deliver('clerk', call.clerk, call.id, message);
          return;
        }
      }
    });
  }

  // ------------------------------------------------------------ clerks

  attachClerk(profile: ClerkProfileInfo, conn: Connection<HubToClerk>): Promise<void> {
    const known = this.clerks.get(profile.username);
    if (known && known.conn !== conn) known.conn.close(REPLACED, 'replaced by a newer connection');
    const connId = randomUUID();
    this.clerks.set(profile.username, { profile, conn, connId });
    const remembered = this.snapshot.clerks.get(profile.username);
    const row: CallClerkRow = {
      username: profile.username,
      display_name: profile.displayName,
      office_ids: JSON.stringify(profile.officeIds),
      presence: remembered?.presence ?? 'away',
      instance_id: this.instanceId,
      conn_id: connId,
      forget_at: null,
    };
    conn.send({ type: 'welcome', me: views.clerkState(this.tenantSnapshot(profile.tenantId), row) });
    return this.act(async () => {
      // A clerk back within the grace period keeps the presence they had.
      const update = {
        display_name: row.display_name,
        office_ids: row.office_ids,
        instance_id: row.instance_id,
        conn_id: row.conn_id,
        forget_at: null,
      };
      await this.db
        .insertInto('call_clerks')
        .values(row)
        .onConflict((oc) => oc.column('username').doUpdateSet(update))
        .execute();
      const back = await this.db
        .updateTable('live_calls')
        .set({ clerk_gone_at: null })
        .where('clerk', '=', profile.username)
        .returningAll()
        .execute();
      await this.publish({ t: 'attached', kind: 'clerk', who: profile.username, conn: connId });
      for (const call of back) {
        this.cache(call);
        this.sendConnectToClerk(call, true);
      }
      await this.publish({ t: 'changed' });
    });
  }

  detachClerk(username: string, conn: Connection<HubToClerk>): Promise<void> {
    const entry = this.clerks.get(username);
    if (!entry || entry.conn !== conn) return Promise.resolve();
    this.clerks.delete(username);
    return this.act(async () => {
      const row = await this.db
        .selectFrom('call_clerks')
        .select('conn_id')
        .where('username', '=', username)
        .executeTakeFirst();
      if (row?.conn_id !== entry.connId) return; // a newer socket elsewhere took over
      await markClerksGone(this.db, [username], this.at(this.options.graceMs));
      await this.publish({ t: 'changed' });
    });
  }

  clerkMessage(username: string, message: ClerkToHub): Promise<void> {
    const clerk = this.clerks.get(username);
    if (!clerk || message.type === 'pong') return Promise.resolve();
    const refuse = (code: string, text: string) => clerk.conn.send({ type: 'error', code, message: text });
    return this.act(async () => {
      switch (message.type) {
        case 'presence':
          await this.db
            .updateTable('call_clerks')
            .set({ presence: message.presence })
            .where('username', '=', username)
            .execute();
          await this.publish({ t: 'changed' });
          return;
        case 'call.accept':
          return this.accept(username, clerk.profile.officeIds, message.callId, refuse);
        case 'call.decline': {
          const released = await this.db
            .updateTable('live_calls')
            .set({ offered_to: null, offer_deadline: null })
            .where('id', '=', message.callId)
            .where('offered_to', '=', username)
            .executeTakeFirst();
          if (released.numUpdatedRows > 0n) await this.publish({ t: 'changed' });
          return;
        }
        case 'call.transfer': {
          const { to } = message;
          const tenantId = clerk.profile.tenantId;
          if (to.kind === 'clerk') {
            const target = await this.db
              .selectFrom('call_clerks')
              .select(['conn_id', 'office_ids'])
              .where('username', '=', to.username)
              .executeTakeFirst();
            const sameTenant = await this.anyOfficeOfTenant(
              target ? (JSON.parse(target.office_ids) as string[]) : [],
              tenantId,
            );
            if (!target?.conn_id || !sameTenant || to.username === username)
              return refuse('clerk_unavailable', 'That clerk is not signed in.');
          } else if (!(await this.officeOfTenant(to.officeId, tenantId))) {
            return refuse('unknown_office', `There is no office "${to.officeId}".`);
          }
          const offeredTo = to.kind === 'clerk' ? to.username : null;
          const moved = await this.db
            .updateTable('live_calls')
            .set((eb) => ({
              state: 'waiting',
              clerk: null,
              clerk_gone_at: null,
              front: 1,
              transfers: eb('transfers', '+', 1),
              transferred_by: clerk.profile.displayName,
              offered_to: offeredTo,
              offer_deadline: offeredTo ? this.at(this.options.offerTimeoutMs) : null,
              queue_deadline: this.at(this.options.queueTimeoutMs),
              ...(to.kind === 'office' ? { office_id: to.officeId } : {}),
            }))
            .where('id', '=', message.callId)
            .where('clerk', '=', username)
            .executeTakeFirst();
          if (moved.numUpdatedRows === 0n) return refuse('not_yours', 'This is not your call.');
          await this.publishAll([
            { t: 'transferred', call: message.callId, clerk: username },
            { t: 'changed' },
          ]);
          return;
        }
        case 'call.hangup': {
          const call = await this.readCall(message.callId);
          if (call?.clerk === username) await this.end(call.id, 'hangup');
          return;
        }
        case 'call.restart':
        case 'signal': {
          const call = await this.activeCall(message.callId);
          if (call?.clerk === username) await this.deliver('terminal', call.terminal_id, call.id, message);
          return;
        }
      }
    });
  }

  // ------------------------------------------------------------ views (of the last read rows)

  queueEntries(): QueueEntry[] {
    return views.queueEntries(this.snapshot);
  }

  /** Every office's status, or one tenant's. */
  officeStatuses(tenantId?: string): OfficeCallStatus[] {
    return views.officeStatuses(tenantId === undefined ? this.snapshot : this.tenantSnapshot(tenantId));
  }

  clerkStates(): ClerkState[] {
    return views.clerkStates(this.snapshot);
  }

  /**
   * This instance stops (shutdown or restart). Calls go on: its sockets count as dropped, so each
   * side has the grace period to come back through another instance.
   */
  async closeAll(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.sweepTimer);
    await this.idle();
    this.terminals.clear();
    this.clerks.clear();
    try {
      if (await releaseInstance(this.db, this.instanceId, this.at(this.options.graceMs)))
        await this.notices.publish({ t: 'changed' });
    } catch (error) {
      this.options.onError?.(error);
    }
    await this.notices.close();
  }

  // ------------------------------------------------------------ internals

  private tenantSnapshot(tenantId: string): views.CallSnapshot {
    return views.forTenant(this.snapshot, this.officeTenants, tenantId);
  }

  /** Read from the database, not the last rows: an office made a moment ago counts at once. */
  private async officeOfTenant(officeId: string, tenantId: string): Promise<boolean> {
    return this.anyOfficeOfTenant([officeId], tenantId);
  }

  private async anyOfficeOfTenant(officeIds: readonly string[], tenantId: string): Promise<boolean> {
    if (officeIds.length === 0) return false;
    const row = await this.db
      .selectFrom('offices')
      .select('id')
      .where('id', 'in', [...officeIds])
      .where('tenant_id', '=', tenantId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row !== undefined;
  }

  private async accept(
    username: string,
    officeIds: string[],
    callId: string,
    refuse: (code: string, text: string) => void,
  ): Promise<void> {
    const call = await this.readCall(callId);
    if (!call || call.state !== 'waiting') return refuse('call_gone', 'This call is no longer waiting.');
    const busy = await this.db
      .selectFrom('live_calls')
      .select('id')
      .where('clerk', '=', username)
      .executeTakeFirst();
    if (busy) return refuse('busy', 'Finish your current call first.');
    const mayTake =
      call.offered_to === username || (call.offered_to === null && officeIds.includes(call.office_id));
    if (!mayTake) return refuse('not_yours', 'This call is for another office or clerk.');
    // One conditional update: of clerks accepting at once on any instances, exactly one wins.
    let won: LiveCallRow | undefined;
    try {
      won = await this.db
        .updateTable('live_calls')
        .set((eb) => ({
          state: 'active',
          clerk: username,
          last_clerk: username,
          offered_to: null,
          offer_deadline: null,
          queue_deadline: null,
          accepted_at: eb.fn.coalesce('accepted_at', eb.val(this.at(0))),
        }))
        .where('id', '=', callId)
        .where('state', '=', 'waiting')
        .where((eb) =>
          eb.or([
            eb('offered_to', '=', username),
            eb.and([eb('offered_to', 'is', null), eb('office_id', 'in', [...officeIds, ''])]),
          ]),
        )
        .returningAll()
        .executeTakeFirst();
    } catch (error) {
      if (isUniqueViolation(error)) return refuse('busy', 'Finish your current call first.');
      throw error;
    }
    if (!won) return refuse('call_gone', 'This call is no longer waiting.');
    this.cache(won);
    await this.publishAll([{ t: 'connect', call: callId }, { t: 'changed' }]);
  }

  private async end(callId: string, reason: CallEndReason): Promise<void> {
    const ended = await this.db
      .transaction()
      .execute((trx) => endCallRow(trx, callId, reason, this.at(0), this.options.dialect));
    if (ended) await this.announceEnd(ended);
  }

  private async announceEnd({ entry, clerk }: EndedCall): Promise<void> {
    this.options.log?.(entry);
    await this.publishAll([
      { t: 'ended', call: entry.callId, terminal: entry.terminalId, clerk, reason: entry.endReason },
      { t: 'changed' },
    ]);
  }

  /** Straight to a socket of this instance, or through a row and a notice to the one holding it. */
  private async deliver(
    kind: 'terminal' | 'clerk',
    to: string,
    callId: string,
    message: Relayed,
  ): Promise<void> {
    const local = kind === 'terminal' ? this.terminals.get(to) : this.clerks.get(to);
    if (local) return (local.conn as Connection<Relayed>).send(message);
    const id = randomUUID();
    await this.db
      .insertInto('call_signals')
      .values({
        id,
        call_id: callId,
        recipient_kind: kind,
        recipient: to,
        body: JSON.stringify(message),
        created_at: this.at(0),
      })
      .execute();
    await this.publish({ t: 'signal', id, kind, to });
  }

  private onNotice(notice: CallNotice): void {
    if (this.stopped) return;
    if (notice.t === 'changed') return this.queueRefresh();
    void this.run(() => this.handle(notice));
  }

  private async handle(notice: Exclude<CallNotice, { t: 'changed' }>): Promise<void> {
    switch (notice.t) {
      case 'connect': {
        const call = await this.readCall(notice.call);
        if (!call || call.state !== 'active') return;
        this.cache(call);
        if (call.clerk && !this.snapshot.clerks.has(call.clerk)) await this.refresh();
        this.sendConnectToClerk(call, false);
        this.sendCallStateToTerminal(call, false);
        return;
      }
      case 'ended': {
        (this.snapshot.calls as Map<string, LiveCallRow>).delete(notice.call);
        if (notice.reason === 'hangup') this.durationsStale = true;
        const ended = { type: 'call.ended', callId: notice.call, reason: notice.reason } as const;
        this.terminals.get(notice.terminal)?.conn.send(ended);
        if (notice.clerk) this.clerks.get(notice.clerk)?.conn.send(ended);
        return;
      }
      case 'transferred':
        this.clerks.get(notice.clerk)?.conn.send({ type: 'call.transferred', callId: notice.call });
        return;
      case 'signal': {
        const local = notice.kind === 'terminal' ? this.terminals.get(notice.to) : this.clerks.get(notice.to);
        if (!local) return;
        const row = await this.db
          .deleteFrom('call_signals')
          .where('id', '=', notice.id)
          .returning('body')
          .executeTakeFirst();
        if (row) (local.conn as Connection<Relayed>).send(JSON.parse(row.body) as Relayed);
        return;
      }
      case 'attached': {
        const local =
          notice.kind === 'terminal' ? this.terminals.get(notice.who) : this.clerks.get(notice.who);
        if (!local || local.connId === notice.conn) return;
        // The same terminal or clerk connected again at another instance: that socket wins.
        if (notice.kind === 'terminal') this.terminals.delete(notice.who);
        else this.clerks.delete(notice.who);
        local.conn.close(REPLACED, 'replaced by a newer connection');
        return;
      }
    }
  }

  private queueRefresh(): void {
    if (this.refreshQueued || this.stopped) return;
    this.refreshQueued = true;
    void this.run(async () => {
      this.refreshQueued = false;
      await this.refresh();
      this.broadcast();
    });
  }

  private async refresh(): Promise<void> {
    const [calls, clerks, durations, offices] = await Promise.all([
      this.db.selectFrom('live_calls').selectAll().execute(),
      this.db.selectFrom('call_clerks').selectAll().execute(),
      this.durationsStale ? recentDurations(this.db) : this.snapshot.durations,
      this.db.selectFrom('offices').select(['id', 'tenant_id']).where('deleted_at', 'is', null).execute(),
    ]);
    this.durationsStale = false;
    this.officeTenants = new Map(offices.map((o) => [o.id, o.tenant_id]));
    this.snapshot = {
      calls: new Map(calls.map((c) => [c.id, c])),
      clerks: new Map(clerks.map((c) => [c.username, c])),
      durations,
    };
  }

  /**
   * After any change: every clerk gets their municipality's whole queue, every terminal its
   * municipality's office statuses and its place.
   */
  private broadcast(): void {
    const byTenant = new Map<string, { snapshot: HubToClerk; offices: HubToTerminal }>();
    const of = (tenantId: string) => {
      let entry = byTenant.get(tenantId);
      if (!entry) {
        const seen = this.tenantSnapshot(tenantId);
        const offices = views.officeStatuses(seen);
        entry = {
          // One message object per tenant: the socket layer encodes it once for all its sockets.
          offices: { type: 'offices', offices },
          snapshot: {
            type: 'queue',
            serverNow: this.at(0),
            entries: views.queueEntries(seen),
            clerks: views.clerkStates(seen),
            offices,
          },
        };
        byTenant.set(tenantId, entry);
      }
      return entry;
    };
    for (const clerk of this.clerks.values()) clerk.conn.send(of(clerk.profile.tenantId).snapshot);
    for (const terminal of this.terminals.values()) terminal.conn.send(of(terminal.tenantId).offices);
    for (const call of this.snapshot.calls.values())
      if (call.state === 'waiting' && this.terminals.has(call.terminal_id))
        this.sendCallStateToTerminal(call, false);
  }

  private sendConnectToClerk(call: LiveCallRow, resumed: boolean): void {
    const clerk = call.clerk ? this.clerks.get(call.clerk) : undefined;
    if (!clerk) return;
    const ice = this.options.iceFor(`clerk-${clerk.profile.username}`);
    clerk.conn.send({
      type: 'call.connect',
      callId: call.id,
      ...ice,
      resumed,
      terminalId: call.terminal_id,
      terminalName: call.terminal_name,
      officeId: call.office_id,
      serviceId: call.service_id,
      locale: call.locale as Locale,
    });
  }

  private sendCallStateToTerminal(call: LiveCallRow, resumed: boolean): void {
    const conn = this.terminals.get(call.terminal_id)?.conn;
    if (!conn) return;
    if (call.state === 'active' && call.clerk) {
      const ice = this.options.iceFor(`terminal-${call.terminal_id}`);
      const clerkName = this.snapshot.clerks.get(call.clerk)?.display_name ?? call.clerk;
      conn.send({ type: 'call.connect', callId: call.id, ...ice, resumed, clerkName });
      return;
    }
    const position = views.queueOf(this.snapshot, call.office_id).findIndex((c) => c.id === call.id) + 1;
    if (position < 1) return;
    conn.send({
      type: 'call.queued',
      callId: call.id,
      officeId: call.office_id,
      position,
      estimatedWaitSeconds: views.estimate(this.snapshot, call.office_id, position),
      transferred: call.transfers > 0,
    });
  }

  /** Due deadlines of every instance's calls; SKIP LOCKED lets instances sweep side by side. */
  private async sweep(): Promise<void> {
    try {
      await this.heartbeat();
      const now = this.at(0);
      const stale = await this.db
        .selectFrom('call_instances')
        .select('id')
        .where('seen_at', '<', this.at(-(this.options.instanceStaleMs ?? 5000)))
        .where('id', '!=', this.instanceId)
        .execute();
      let changed = false;
      for (const { id } of stale)
        changed = (await releaseInstance(this.db, id, this.at(this.options.graceMs))) || changed;
      const ended = await this.db.transaction().execute(async (trx) => {
        let due = trx
          .selectFrom('live_calls')
          .select(['id', 'queue_deadline'])
          .where((eb) =>
            eb.or([
              eb('queue_deadline', '<=', now),
              eb('terminal_gone_at', '<=', now),
              eb('clerk_gone_at', '<=', now),
            ]),
          );
        if (this.options.dialect === 'postgres') due = due.forUpdate().skipLocked();
        const endings: EndedCall[] = [];
        for (const call of await due.execute()) {
          const reason =
            call.queue_deadline !== null && call.queue_deadline <= now ? 'unanswered' : 'peer_vanished';
          const ending = await endCallRow(trx, call.id, reason, now, this.options.dialect);
          if (ending) endings.push(ending);
        }
        return endings;
      });
      for (const ending of ended) await this.run(() => this.announceEnd(ending));
      const offers = await this.db
        .updateTable('live_calls')
        .set({ offered_to: null, offer_deadline: null })
        .where('offer_deadline', '<=', now)
        .executeTakeFirst();
      const forgotten = await this.db
        .deleteFrom('call_clerks')
        .where('conn_id', 'is', null)
        .where('forget_at', '<=', now)
        .where((eb) =>
          eb.not(eb.exists(eb.selectFrom('live_calls').select('id').whereRef('clerk', '=', 'username'))),
        )
        .executeTakeFirst();
      await this.db.deleteFrom('call_signals').where('created_at', '<', this.at(-SIGNAL_TTL_MS)).execute();
      if (changed || offers.numUpdatedRows > 0n || forgotten.numDeletedRows > 0n)
        await this.publish({ t: 'changed' });
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  private async heartbeat(): Promise<void> {
    const seen = this.at(0);
    await this.db
      .insertInto('call_instances')
      .values({ id: this.instanceId, seen_at: seen })
      .onConflict((oc) => oc.column('id').doUpdateSet({ seen_at: seen }))
      .execute();
  }

  private publish(notice: CallNotice): Promise<void> {
    return this.notices.publish(notice);
  }

  /** Notices that belong together, in order and in one round trip. */
  private publishAll(notices: readonly CallNotice[]): Promise<void> {
    return this.notices.publishAll(notices);
  }

  /** Runs one step after the ones before it, so a socket's messages keep their order. */
  private run(task: () => Promise<void>): Promise<void> {
    const next = this.work.then(task).catch((error: unknown) => this.options.onError?.(error));
    this.work = next;
    return next;
  }

  /** A step asked for from outside; resolves once it and what it set off are handled here. */
  private async act(task: () => Promise<void>): Promise<void> {
    await this.run(task);
    await this.idle();
  }

  private cache(call: LiveCallRow): void {
    (this.snapshot.calls as Map<string, LiveCallRow>).set(call.id, call);
  }

  private readCall(callId: string): Promise<LiveCallRow | undefined> {
    return this.db.selectFrom('live_calls').selectAll().where('id', '=', callId).executeTakeFirst();
  }

  /** Signaling is hot: the copy serves while it shows the call active, else the row decides. */
  private async activeCall(callId: string): Promise<LiveCallRow | undefined> {
    const cached = this.snapshot.calls.get(callId);
    if (cached?.state === 'active') return cached;
    const call = await this.readCall(callId);
    return call?.state === 'active' ? call : undefined;
  }

  private at(offsetMs: number): string {
    return new Date(this.now().getTime() + offsetMs).toISOString();
  }
}
