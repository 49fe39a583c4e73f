import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallLogEntry, HubToClerk, HubToTerminal } from '../../protocol/calls.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import type { HubKysely } from '../db/schema.js';
import { CallCenter, type Connection } from './call-center.js';

class FakeConn<T extends { type: string }> implements Connection<T> {
  sent: T[] = [];
  closed: number | null = null;
  send(message: T) {
    this.sent.push(message);
  }
  close(code: number) {
    this.closed = code;
  }
  last<K extends T['type']>(type: K): Extract<T, { type: K }> | undefined {
    return [...this.sent].reverse().find((m) => m.type === type) as Extract<T, { type: K }> | undefined;
  }
  all<K extends T['type']>(type: K): Extract<T, { type: K }>[] {
    return this.sent.filter((m) => m.type === type) as Extract<T, { type: K }>[];
  }
}

/** Two municipalities: the offices the tests use belong to the first; `rathaus-b` to the other. */
const TENANT = '149990000001';
const OTHER = '149990000002';
const OFFICES: [string, string][] = [
  ['buergerbuero', TENANT],
  ['standesamt', TENANT],
  ['rathaus-b', OTHER],
];

async function seedOffices(db: HubKysely) {
  const at = '2026-11-24T08:00:00.000Z';
  await db
    .insertInto('tenants')
    .values([TENANT, OTHER].map((id) => ({ id, name: `Gemeinde ${id}`, created_at: at })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  await db
    .insertInto('offices')
    .values(
      OFFICES.map(([id, tenant], position) => ({
        tenant_id: tenant,
        id,
        position,
        document: JSON.stringify({ id }),
        updated_at: at,
        deleted_at: null,
      })),
    )
    .execute();
}

const clerk = (username: string, officeIds = ['buergerbuero'], tenantId = TENANT) => ({
  username,
  displayName: username.toUpperCase(),
  officeIds,
  tenantId,
});

describe('CallCenter', () => {
  let log: CallLogEntry[];
  let center: CallCenter;

  let dir: string;
  let db: HubKysely;

  // The state machine on SQLite; cluster-calls.test.ts runs instances side by side on PostgreSQL.
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pop-call-center-'));
    db = openDatabase({ dataDir: dir }).db;
    await migrateToLatest(db);
    await seedOffices(db);
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-24T09:00:00Z'));
    log = [];
    center = new CallCenter({
      db,
      queueTimeoutMs: 60_000,
      graceMs: 10_000,
      offerTimeoutMs: 20_000,
      iceFor: () => ({ iceServers: [], iceTransportPolicy: 'all' }),
      log: (entry) => log.push(entry),
    });
    await center.start();
  });
  afterEach(async () => {
    await center.closeAll();
    vi.useRealTimers();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Time passes: the deadline sweep runs, and what it sets off is handled. */
  async function advance(ms: number) {
    await vi.advanceTimersByTimeAsync(ms);
    await center.idle();
  }

  async function terminal(id: string, tenantId = TENANT) {
    const conn = new FakeConn<HubToTerminal>();
    await center.attachTerminal(id, `Terminal ${id}`, conn, tenantId);
    return conn;
  }
  async function request(id: string, callId = randomUUID()) {
    await center.terminalMessage(id, {
      type: 'call.request',
      callId,
      officeId: 'buergerbuero',
      serviceId: 'personalausweis',
      locale: 'de',
    });
    return callId;
  }
  async function signIn(username: string, presence: 'available' | 'away' = 'available') {
    const conn = new FakeConn<HubToClerk>();
    await center.attachClerk(clerk(username), conn);
    await center.clerkMessage(username, { type: 'presence', presence });
    return conn;
  }

  it('queues citizens in order with positions and a wait estimate, and clerks see the queue', async () => {
    const anna = await signIn('anna');
    const t1 = await terminal('t1');
    const t2 = await terminal('t2');
    await request('t1');
    await advance(1000);
    await request('t2');
    expect(t1.last('call.queued')?.position).toBe(1);
    expect(t2.last('call.queued')?.position).toBe(2);
    // One clerk available: the first citizen is picked up soon, the second after a call.
    expect(t1.last('call.queued')?.estimatedWaitSeconds).toBe(20);
    expect(t2.last('call.queued')?.estimatedWaitSeconds).toBe(320);
    const queue = anna.last('queue');
    expect(queue?.entries.map((e) => [e.terminalId, e.position, e.serviceId])).toEqual([
      ['t1', 1, 'personalausweis'],
      ['t2', 2, 'personalausweis'],
    ]);
    expect(t1.last('offices')?.offices).toEqual([
      { officeId: 'buergerbuero', clerksAvailable: 1, clerksBusy: 0, waiting: 2, estimatedWaitSeconds: 620 },
    ]);
  });

  it('pairs on accept, relays signaling both ways, logs the call on hang-up without content', async () => {
    const anna = await signIn('anna');
    const t1 = await terminal('t1');
    const callId = await request('t1');
    await center.clerkMessage('anna', { type: 'call.accept', callId });
    expect(t1.last('call.connect')).toMatchObject({ callId, clerkName: 'ANNA', resumed: false });
    expect(anna.last('call.connect')).toMatchObject({
      callId,
      terminalId: 't1',
      serviceId: 'personalausweis',
    });
    expect(anna.last('queue')?.clerks[0]?.presence).toBe('in_call');

    await center.terminalMessage('t1', {
      type: 'signal',
      callId,
      generation: 0,
      data: { type: 'offer', sdp: 'x' },
    });
    expect(anna.last('signal')?.data).toEqual({ type: 'offer', sdp: 'x' });
    await center.clerkMessage('anna', {
      type: 'signal',
      callId,
      generation: 0,
      data: { type: 'answer', sdp: 'y' },
    });
    expect(t1.last('signal')?.data).toEqual({ type: 'answer', sdp: 'y' });

    await advance(90_000);
    await center.clerkMessage('anna', { type: 'call.hangup', callId });
    expect(t1.last('call.ended')).toEqual({ type: 'call.ended', callId, reason: 'hangup' });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ callId, clerkUsername: 'anna', endReason: 'hangup', transfers: 0 });
    expect(Object.keys(log[0] ?? {})).not.toContain('data');
  });

  it('ends an unanswered call after the queue timeout', async () => {
    await signIn('anna', 'away');
    const t1 = await terminal('t1');
    const callId = await request('t1');
    await advance(60_001);
    expect(t1.last('call.ended')).toEqual({ type: 'call.ended', callId, reason: 'unanswered' });
    expect(log[0]?.endReason).toBe('unanswered');
  });

  it('keeps a call through a short drop of either side, and ends it when a side stays away', async () => {
    const anna = await signIn('anna');
    const t1 = await terminal('t1');
    const callId = await request('t1');
    await center.clerkMessage('anna', { type: 'call.accept', callId });
    await center.detachTerminal('t1', t1);
    await advance(5_000);
    const back = await terminal('t1');
    expect(back.last('call.connect')).toMatchObject({ callId, resumed: true });
    await advance(20_000);
    expect(anna.last('call.ended')).toBeUndefined();

    await center.detachClerk('anna', anna);
    await advance(10_001);
    expect(back.last('call.ended')).toEqual({ type: 'call.ended', callId, reason: 'peer_vanished' });
  });

  it('transfers to another clerk: only that clerk may accept, a decline puts it first in the office queue', async () => {
    const anna = await signIn('anna');
    const ben = await signIn('ben');
    const t1 = await terminal('t1');
    const t2 = await terminal('t2');
    const first = await request('t1');
    await advance(1000);
    const second = await request('t2');
    await center.clerkMessage('anna', { type: 'call.accept', callId: first });
    await center.clerkMessage('anna', {
      type: 'call.transfer',
      callId: first,
      to: { kind: 'clerk', username: 'ben' },
    });
    expect(anna.last('call.transferred')?.callId).toBe(first);
    expect(t1.last('call.queued')).toMatchObject({ position: 1, transferred: true });
    expect(t2.last('call.queued')?.position).toBe(2);
    const entry = ben.last('queue')?.entries.find((e) => e.callId === first);
    expect(entry).toMatchObject({ offeredTo: 'ben', transferredBy: 'ANNA' });

    // Anna cannot take it back, Ben declines, then Anna may.
    await center.clerkMessage('anna', { type: 'call.accept', callId: first });
    expect(anna.last('error')?.code).toBe('not_yours');
    await center.clerkMessage('ben', { type: 'call.decline', callId: first });
    expect(ben.last('queue')?.entries.find((e) => e.callId === first)?.offeredTo).toBeNull();
    await center.clerkMessage('ben', { type: 'call.accept', callId: second });
    expect(t2.last('call.connect')?.clerkName).toBe('BEN');
    await center.clerkMessage('anna', { type: 'call.accept', callId: first });
    expect(t1.last('call.connect')?.clerkName).toBe('ANNA');
  });

  it('transfers to another office, where the citizen goes to the front', async () => {
    await signIn('anna');
    const t1 = await terminal('t1');
    const callId = await request('t1');
    await center.clerkMessage('anna', { type: 'call.accept', callId });
    await center.clerkMessage('anna', {
      type: 'call.transfer',
      callId,
      to: { kind: 'office', officeId: 'standesamt' },
    });
    expect(t1.last('call.queued')).toMatchObject({ officeId: 'standesamt', position: 1, transferred: true });
    const standesamt = new FakeConn<HubToClerk>();
    await center.attachClerk(clerk('carl', ['standesamt']), standesamt);
    await center.clerkMessage('carl', { type: 'call.accept', callId });
    expect(t1.last('call.connect')?.clerkName).toBe('CARL');
  });

  it('a cancel while waiting ends the call as cancelled; a newer terminal connection replaces the old', async () => {
    const t1 = await terminal('t1');
    const callId = await request('t1');
    await center.terminalMessage('t1', { type: 'call.cancel', callId });
    expect(t1.last('call.ended')?.reason).toBe('cancelled');
    await terminal('t1');
    expect(t1.closed).toBe(4409);
  });

  it('keeps each municipality to its own: queue, clerks, office statuses, requests and transfers', async () => {
    const anna = await signIn('anna');
    const bert = new FakeConn<HubToClerk>();
    await center.attachClerk(clerk('bert', ['rathaus-b'], OTHER), bert);
    await center.clerkMessage('bert', { type: 'presence', presence: 'available' });
    const t1 = await terminal('t1');
    const tb = await terminal('tb', OTHER);
    const callId = await request('t1');
    await advance(10);

    // B's clerk sees neither A's waiting citizen nor A's clerk; B's terminal not A's offices.
    expect(anna.last('queue')?.entries.map((e) => e.callId)).toEqual([callId]);
    expect(bert.last('queue')?.entries).toEqual([]);
    expect(bert.last('queue')?.clerks.map((c) => c.username)).toEqual(['bert']);
    expect(anna.last('queue')?.clerks.map((c) => c.username)).toEqual(['anna']);
    expect(tb.last('offices')?.offices.map((o) => o.officeId)).toEqual(['rathaus-b']);
    expect(t1.last('offices')?.offices.map((o) => o.officeId)).toEqual(['buergerbuero']);

    // B's clerk cannot take A's call; B's terminal cannot queue at A's office.
    await center.clerkMessage('bert', { type: 'call.accept', callId });
    expect(t1.last('call.connect')).toBeUndefined();
    await center.terminalMessage('tb', {
      type: 'call.request',
      callId: randomUUID(),
      officeId: 'buergerbuero',
      serviceId: null,
      locale: 'de',
    });
    expect(tb.last('error')?.code).toBe('unknown_office');
    expect(anna.last('queue')?.entries).toHaveLength(1);

    // A's clerk cannot hand the citizen to B's office or B's clerk.
    await center.clerkMessage('anna', { type: 'call.accept', callId });
    await center.clerkMessage('anna', {
      type: 'call.transfer',
      callId,
      to: { kind: 'office', officeId: 'rathaus-b' },
    });
    expect(anna.last('error')?.code).toBe('unknown_office');
    await center.clerkMessage('anna', {
      type: 'call.transfer',
      callId,
      to: { kind: 'clerk', username: 'bert' },
    });
    expect(anna.last('error')?.code).toBe('clerk_unavailable');
    expect(bert.last('queue')?.entries).toEqual([]);
    expect(t1.last('call.connect')?.clerkName).toBe('ANNA');
  });
});
