import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../protocol/api.js';
import { CALL_API, CLOSE, type HubToClerk, type HubToTerminal } from '../protocol/calls.js';
import { freePort, startBalancer, type Balancer } from '../tests/support/balancer.js';
import { migrateToLatest } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import type { HubKysely } from './db/schema.js';
import { seedIfEmpty } from './seed/seed.js';
import { CallSocket } from './testing/call-socket.js';
import { exitCodeOf, startTraffic } from './testing/cluster-traffic.js';
import { listeningUrl, postgresSchema, spawnHub, type HubChild } from './testing/hub-cli.js';
import { TEST_CLERK, TEST_TERMINAL, terminalHeaders, testSeed } from './testing/test-hub.js';
import { sha256Hex } from './util/hash.js';

/**
 * Video calls across three hub processes on one PostgreSQL behind nginx: the two sides of a call
 * on different instances, two clerks on two instances accepting at once, and the instance that
 * holds a call killed mid-call.
 */
const pgUrl = process.env['POP_TEST_POSTGRES_URL'];
if (!pgUrl) console.log('Cluster call tests skipped: set POP_TEST_POSTGRES_URL=postgres://... to run them.');

const GRACE_SECONDS = 3;
/** POP_CLUSTER_SOAK=1: the rolling restart with more traffic beside the call. */
const SOAK = process.env['POP_CLUSTER_SOAK'] === '1';

type Terminal = CallSocket<HubToTerminal>;
type Clerk = CallSocket<HubToClerk>;

interface Instance {
  port: number;
  url: string;
  child: HubChild;
}

const root = mkdtempSync(join(tmpdir(), 'pop-hub-cluster-calls-'));
let schema: { url: string; drop(): Promise<void> };
let db: HubKysely;
const instances: Instance[] = [];
let balancer: Balancer;
const open: { close(): void }[] = [];

/** More terminals and clerks, copied from the seeded ones (so they sign in the same way). */
async function addTerminal(id: string): Promise<string> {
  const seeded = await db
    .selectFrom('terminals')
    .selectAll()
    .where('id', '=', TEST_TERMINAL.id)
    .executeTakeFirstOrThrow();
  const token = `token-of-${id}-0123456789abcdef`;
  await db
    .insertInto('terminals')
    .values({ ...seeded, id, name: `Terminal ${id}`, token_hash: sha256Hex(token) })
    .execute();
  return token;
}

async function addClerk(username: string): Promise<void> {
  const seeded = await db
    .selectFrom('clerks')
    .selectAll()
    .where('username', '=', TEST_CLERK.username)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('clerks')
    .values({ ...seeded, username, display_name: username.toUpperCase() })
    .execute();
}

async function startInstance(port: number): Promise<Instance> {
  const child = spawnHub(
    ['--demo', '--no-migrate', '--port', String(port), '--database-url', schema.url, '--data-dir', root],
    // A short grace period, so a side that never comes back ends its call within the test.
    { POP_DRAIN_SECONDS: '1', POP_CALL_GRACE: String(GRACE_SECONDS) },
  );
  return { port, url: await listeningUrl(child), child };
}

const ws = (base: string) => base.replace(/^http/, 'ws');

async function terminalAt(base: string, token: string): Promise<Terminal> {
  const socket = await CallSocket.open<HubToTerminal>(ws(base) + CALL_API.terminalSocket);
  open.push(socket);
  const welcome = socket.next('welcome');
  socket.send({ type: 'hello', token });
  await welcome;
  return socket;
}

async function clerkLogin(base: string, username: string): Promise<string> {
  const login = await fetch(`${base}${API.clerkLogin}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_CLERK.password }),
  });
  expect(login.status).toBe(200);
  return (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

async function clerkAt(base: string, username: string, signedIn?: string): Promise<Clerk> {
  const cookie = signedIn ?? (await clerkLogin(base, username));
  // The console's own origin, as a browser sends it.
  const socket = await CallSocket.open<HubToClerk>(ws(base) + CALL_API.clerkSocket, {
    cookie,
    origin: base,
  });
  open.push(socket);
  const queue = socket.next('queue');
  socket.send({ type: 'presence', presence: 'available' });
  await queue;
  return socket;
}

function request(terminal: Terminal, callId: string): void {
  terminal.send({ type: 'call.request', callId, officeId: 'buergerbuero', serviceId: null, locale: 'de' });
}

const inQueue = (clerk: Clerk, callId: string) =>
  clerk.next('queue', (q) => q.entries.some((e) => e.callId === callId));

async function exchangeSignals(terminal: Terminal, clerk: Clerk, callId: string, generation: number) {
  const atClerk = clerk.next('signal', (m) => m.generation === generation);
  terminal.send({ type: 'signal', callId, generation, data: { type: 'offer', sdp: `offer-${generation}` } });
  expect((await atClerk).data).toEqual({ type: 'offer', sdp: `offer-${generation}` });
  const atTerminal = terminal.next('signal', (m) => m.generation === generation);
  // Longer than a NOTIFY payload may be: the message travels in a row, the notice names it.
  const sdp = `answer-${generation}-${'a'.repeat(12_000)}`;
  clerk.send({ type: 'signal', callId, generation, data: { type: 'answer', sdp } });
  expect((await atTerminal).data).toEqual({ type: 'answer', sdp });
}

/**
 * One side of a call as the kiosk and the console behave: whenever its socket closes it connects
 * again through the balancer (retrying while no instance takes it) and resumes. Everything either
 * socket received is kept, so a test can say that no "call ended" ever came.
 */
class Rejoining<T extends { type: string }> {
  socket!: CallSocket<T>;
  readonly closeCodes: number[] = [];
  readonly received: T[] = [];
  private stopped = false;
  private loop: Promise<void> = Promise.resolve();
  private connecting: Promise<void> = Promise.resolve();

  constructor(private readonly connect: () => Promise<CallSocket<T>>) {}

  async start(): Promise<void> {
    this.socket = await this.connect();
    this.loop = this.follow();
  }

  private async follow(): Promise<void> {
    while (!this.stopped) {
      const code = await this.socket.closed;
      this.received.push(...this.socket.received);
      if (this.stopped) return;
      this.closeCodes.push(code);
      this.connecting = (async () => {
        for (;;) {
          try {
            this.socket = await this.connect();
            return;
          } catch {
            await new Promise((r) => setTimeout(r, 100));
          }
        }
      })();
      await this.connecting;
    }
  }

  /** The open socket, once a reconnect under way has come through. */
  async current(): Promise<CallSocket<T>> {
    await this.connecting;
    return this.socket;
  }

  /** Everything received so far, on every socket this side had. */
  all(): T[] {
    return [...this.received, ...this.socket.received];
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.socket.close();
    await this.loop;
  }
}

/** A call's shared row: who holds it, in which state, since when. */
const liveCall = (callId: string) =>
  db
    .selectFrom('live_calls')
    .select(['state', 'clerk', 'accepted_at'])
    .where('id', '=', callId)
    .executeTakeFirstOrThrow();

async function hangUp(terminal: Terminal, callId: string) {
  const ended = terminal.next('call.ended', (m) => m.callId === callId);
  terminal.send({ type: 'call.hangup', callId });
  await ended;
}

describe.skipIf(!pgUrl)('video calls across hub instances on one PostgreSQL', () => {
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    schema = await postgresSchema(pgUrl ?? '');
    db = openDatabase({ dataDir: root, databaseUrl: schema.url }).db;
    await migrateToLatest(db);
    await seedIfEmpty(db, testSeed);
    for (const id of ['terminal-two', 'terminal-three']) tokens[id] = await addTerminal(id);
    tokens[TEST_TERMINAL.id] = TEST_TERMINAL.token;
    await addClerk('berta');
    const ports = [await freePort(), await freePort(), await freePort()];
    instances.push(...(await Promise.all(ports.map((port) => startInstance(port)))));
    balancer = await startBalancer(
      instances.map((i) => i.url),
      join(root, 'nginx'),
    );
  }, 120_000);

  afterAll(async () => {
    for (const socket of open) socket.close();
    await balancer?.stop();
    for (const instance of instances) if (instance.child.exitCode === null) instance.child.kill('SIGKILL');
    await db?.destroy();
    await schema?.drop();
    rmSync(root, { recursive: true, force: true });
  });

  it('pairs a terminal on one instance with a clerk on another and relays signaling both ways', async () => {
    const [a, b] = instances as [Instance, Instance];
    const terminal = await terminalAt(a.url, TEST_TERMINAL.token);
    const clerk = await clerkAt(b.url, TEST_CLERK.username);
    const callId = randomUUID();
    const queued = terminal.next('call.queued');
    const seen = inQueue(clerk, callId);
    request(terminal, callId);
    expect(await queued).toMatchObject({ callId, position: 1 });
    expect((await seen).entries.find((e) => e.callId === callId)).toMatchObject({
      terminalId: TEST_TERMINAL.id,
      position: 1,
    });
    const connectTerminal = terminal.next('call.connect');
    const connectClerk = clerk.next('call.connect');
    clerk.send({ type: 'call.accept', callId });
    expect(await connectTerminal).toMatchObject({
      callId,
      resumed: false,
      clerkName: TEST_CLERK.displayName,
    });
    expect(await connectClerk).toMatchObject({ callId, terminalId: TEST_TERMINAL.id });
    await exchangeSignals(terminal, clerk, callId, 0);
    const clerkTold = clerk.next('call.ended');
    await hangUp(terminal, callId);
    expect((await clerkTold).reason).toBe('hangup');
    terminal.close();
    clerk.close();
  });

  it('lets exactly one of two clerks on two instances win a call both accept at once', async () => {
    const [a, b, c] = instances as [Instance, Instance, Instance];
    const terminal = await terminalAt(a.url, TEST_TERMINAL.token);
    const erika = await clerkAt(b.url, TEST_CLERK.username);
    const berta = await clerkAt(c.url, 'berta');
    for (let round = 0; round < 3; round++) {
      const callId = randomUUID();
      const seen = [inQueue(erika, callId), inQueue(berta, callId)];
      request(terminal, callId);
      await Promise.all(seen);
      const outcome = (clerk: Clerk) =>
        Promise.race([
          clerk.next('call.connect', (m) => m.callId === callId).then(() => 'won' as const),
          clerk.next('error').then((e) => e.code),
        ]);
      const outcomes = [outcome(erika), outcome(berta)];
      erika.send({ type: 'call.accept', callId });
      berta.send({ type: 'call.accept', callId });
      expect((await Promise.all(outcomes)).sort()).toEqual(['call_gone', 'won']);
      const rows = await db
        .selectFrom('live_calls')
        .select(['clerk', 'state'])
        .where('id', '=', callId)
        .execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]?.state).toBe('active');
      await hangUp(terminal, callId);
    }
    terminal.close();
    erika.close();
    berta.close();
  });

  it('keeps a call through a rolling restart of every instance while submissions and heartbeats run', async () => {
    const callId = randomUUID();
    const cookie = await clerkLogin(balancer.url, TEST_CLERK.username);
    const clerk = new Rejoining<HubToClerk>(() => clerkAt(balancer.url, TEST_CLERK.username, cookie));
    await clerk.start();
    // The kiosk asks for its call again after every reconnect; the hub resumes it.
    const terminal = new Rejoining<HubToTerminal>(async () => {
      const socket = await terminalAt(balancer.url, TEST_TERMINAL.token);
      request(socket, callId);
      return socket;
    });
    const seen = inQueue(clerk.socket, callId);
    await terminal.start();
    await seen;
    const connected = terminal.socket.next('call.connect');
    clerk.socket.send({ type: 'call.accept', callId });
    await connected;
    await exchangeSignals(terminal.socket, clerk.socket, callId, 0);
    const acceptedAt = (await liveCall(callId)).accepted_at;

    const traffic = startTraffic(balancer.url, terminalHeaders, SOAK ? 8 : 2);

    const exitCodes: (number | null)[] = [];
    for (const [index, instance] of instances.entries()) {
      const movedBefore = { terminal: terminal.closeCodes.length, clerk: clerk.closeCodes.length };
      const exited = exitCodeOf(instance.child);
      instance.child.kill('SIGTERM');
      exitCodes.push(await exited);
      instances[index] = await startInstance(instance.port);
      // A side that had to move finds its call resumed where it landed; then signaling goes on
      // (an ICE restart in real life) with no second accept.
      const [t, c] = await Promise.all([terminal.current(), clerk.current()]);
      const resumed = (m: { callId: string; resumed: boolean }) => m.callId === callId && m.resumed;
      await Promise.all([
        terminal.closeCodes.length > movedBefore.terminal ? t.seen('call.connect', resumed) : null,
        clerk.closeCodes.length > movedBefore.clerk ? c.seen('call.connect', resumed) : null,
      ]);
      await exchangeSignals(t, c, callId, index + 1);
    }
    const { sent, failed } = await traffic.stop();

    expect(exitCodes).toEqual([0, 0, 0]);
    expect(failed).toBe(0);
    expect(sent.length).toBeGreaterThan(0);
    // Every drain closed the sockets it held as a restart (1012), never as an error.
    expect(terminal.closeCodes.length).toBeGreaterThanOrEqual(1);
    expect(new Set([...terminal.closeCodes, ...clerk.closeCodes])).toEqual(new Set([CLOSE.serviceRestart]));
    const ended = (m: { type: string }) => m.type === 'call.ended';
    expect(terminal.all().filter(ended)).toEqual([]);
    expect(clerk.all().filter(ended)).toEqual([]);
    expect(clerk.all().filter((m) => m.type === 'error')).toEqual([]);
    expect(await liveCall(callId)).toEqual({
      state: 'active',
      clerk: TEST_CLERK.username,
      accepted_at: acceptedAt,
    });
    const stored = await db.selectFrom('submissions').select('id').where('id', 'in', sent).execute();
    expect(stored.length).toBe(new Set(sent).size);

    await hangUp(await terminal.current(), callId);
    await Promise.all([terminal.stop(), clerk.stop()]);
    console.log(
      `rolling restart with a call: ${sent.length} submissions, sockets moved ` +
        `${terminal.closeCodes.length} (terminal) and ${clerk.closeCodes.length} (clerk) times`,
    );
  }, 180_000);

  it('keeps a call and the queue when the instance holding them is killed', async () => {
    const [a, b] = instances as [Instance, Instance];
    const callId = randomUUID();
    const ahead = randomUUID();
    const behind = randomUUID();
    // The call runs on A; one citizen waits on B, one on A behind them.
    const terminal = await terminalAt(a.url, TEST_TERMINAL.token);
    const clerk = await clerkAt(a.url, TEST_CLERK.username);
    const first = terminal.next('call.queued');
    request(terminal, callId);
    await first;
    const waitingB = await terminalAt(b.url, tokens['terminal-two'] ?? '');
    const queuedB = waitingB.next('call.queued');
    request(waitingB, ahead);
    await queuedB;
    const waitingA = await terminalAt(a.url, tokens['terminal-three'] ?? '');
    const queuedA = waitingA.next('call.queued', (m) => m.position === 3);
    request(waitingA, behind);
    await queuedA;
    const connected = terminal.next('call.connect');
    const movedUp = waitingA.next('call.queued', (m) => m.position === 2);
    clerk.send({ type: 'call.accept', callId });
    await connected;
    await exchangeSignals(terminal, clerk, callId, 0);
    const placeBefore = await movedUp;
    const acceptedAt = (await liveCall(callId)).accepted_at;

    const killedAt = Date.now();
    const dropped = [terminal.closed, clerk.closed, waitingA.closed];
    a.child.kill('SIGKILL');
    await Promise.all(dropped);
    console.log(`sockets dropped ${Date.now() - killedAt} ms after SIGKILL`);
    // Both sides and the waiting citizen come back through the balancer, as the kiosk and console do.
    const terminalBack = await terminalAt(balancer.url, TEST_TERMINAL.token);
    request(terminalBack, callId);
    const clerkBack = await clerkAt(balancer.url, TEST_CLERK.username);
    const resumedTerminal = terminalBack.seen('call.connect', (m) => m.callId === callId && m.resumed);
    const resumedClerk = clerkBack.seen('call.connect', (m) => m.callId === callId && m.resumed);
    const waitingBack = await terminalAt(balancer.url, tokens['terminal-three'] ?? '');
    const placeAfter = waitingBack.next('call.queued', (m) => m.callId === behind);
    request(waitingBack, behind);
    await Promise.all([resumedTerminal, resumedClerk]);
    // Signaling resumes (an ICE restart in real life) with no second accept.
    await exchangeSignals(terminalBack, clerkBack, callId, 1);
    const failoverMs = Date.now() - killedAt;
    expect((await placeAfter).position).toBe(placeBefore.position);
    expect(await liveCall(callId)).toEqual({
      state: 'active',
      clerk: TEST_CLERK.username,
      accepted_at: acceptedAt,
    });
    console.log(`failover: call signaling resumed ${failoverMs} ms after SIGKILL`);
    expect(clerkBack.received.filter((m) => m.type === 'error')).toEqual([]);
    for (const socket of [terminalBack, clerkBack, waitingBack, waitingB]) socket.close();
  }, 60_000);

  it('ends a call whose terminal never comes back after its instance died, once the grace period is over', async () => {
    const [dead, b] = instances as [Instance, Instance];
    const restarted = await startInstance(dead.port);
    instances[0] = restarted;
    const terminal = await terminalAt(restarted.url, tokens['terminal-two'] ?? '');
    const clerk = await clerkAt(b.url, 'berta');
    const callId = randomUUID();
    const seen = inQueue(clerk, callId);
    request(terminal, callId);
    await seen;
    const connected = clerk.next('call.connect');
    clerk.send({ type: 'call.accept', callId });
    await connected;
    const ended = clerk.next('call.ended', (m) => m.callId === callId);
    const killedAt = Date.now();
    restarted.child.kill('SIGKILL');
    // Another instance takes the silent one's sockets as dropped; the grace period then runs out.
    expect((await ended).reason).toBe('peer_vanished');
    const tookMs = Date.now() - killedAt;
    expect(tookMs).toBeGreaterThanOrEqual(GRACE_SECONDS * 1000);
    expect(await db.selectFrom('live_calls').select('id').where('id', '=', callId).execute()).toEqual([]);
    const logged = await db
      .selectFrom('call_log')
      .selectAll()
      .where('call_id', '=', callId)
      .executeTakeFirst();
    expect(logged).toMatchObject({ end_reason: 'peer_vanished', clerk_username: 'berta' });
    clerk.close();
  }, 60_000);
});
