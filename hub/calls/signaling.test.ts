import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { CALL_API, CallRequestReceipt, type HubToClerk, type HubToTerminal } from '../../protocol/calls.js';
import {
  loginCookie,
  startTestHub,
  TEST_TERMINAL,
  terminalHeaders,
  type TestHub,
} from '../testing/test-hub.js';

/** A real socket against a listening hub; collects what arrives and waits for a message type. */
class Client<T extends { type: string }> {
  readonly received: T[] = [];
  private waiters: { type: string; resolve: (m: T) => void }[] = [];
  readonly closed: Promise<number>;

  constructor(readonly socket: WebSocket) {
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw)) as T;
      this.received.push(message);
      this.waiters = this.waiters.filter((w) =>
        w.type === message.type ? (w.resolve(message), false) : true,
      );
    });
    this.closed = new Promise((resolve) => socket.on('close', (code) => resolve(code)));
  }

  static async open<T extends { type: string }>(url: string, headers: Record<string, string> = {}) {
    const socket = new WebSocket(url, { headers });
    const client = new Client<T>(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      socket.once('error', reject);
    });
    return client;
  }

  send(message: unknown) {
    this.socket.send(JSON.stringify(message));
  }

  next<K extends T['type']>(type: K): Promise<Extract<T, { type: K }>> {
    return new Promise((resolve) => this.waiters.push({ type, resolve: resolve as (m: T) => void }));
  }
}

describe('call signaling over WebSocket', () => {
  let hub: TestHub;
  let base: string;

  beforeEach(async () => {
    hub = await startTestHub();
    const address = await hub.app.listen({ port: 0, host: '127.0.0.1' });
    base = address.replace(/^http/, 'ws');
  });
  afterEach(async () => hub.close());

  it('authenticates the terminal by its first message and the clerk by the session cookie, then pairs them', async () => {
    const terminal = await Client.open<HubToTerminal>(base + CALL_API.terminalSocket);
    const welcome = terminal.next('welcome');
    terminal.send({ type: 'hello', token: TEST_TERMINAL.token });
    expect((await welcome).terminalId).toBe(TEST_TERMINAL.id);

    const cookie = await loginCookie(hub.app);
    const clerk = await Client.open<HubToClerk>(base + CALL_API.clerkSocket, { cookie });
    clerk.send({ type: 'presence', presence: 'available' });
    await clerk.next('queue');

    const callId = randomUUID();
    const queued = terminal.next('call.queued');
    const queue = clerk.next('queue');
    terminal.send({
      type: 'call.request',
      callId,
      officeId: 'buergerbuero',
      serviceId: 'anmelden',
      locale: 'de',
    });
    expect(await queued).toMatchObject({ callId, position: 1 });
    expect((await queue).entries[0]).toMatchObject({
      callId,
      serviceId: 'anmelden',
      terminalName: 'Testterminal',
    });

    const connectTerminal = terminal.next('call.connect');
    const connectClerk = clerk.next('call.connect');
    clerk.send({ type: 'call.accept', callId });
    // No TURN configured: an empty list, never a public STUN default.
    expect((await connectTerminal).iceServers).toEqual([]);
    expect(await connectClerk).toMatchObject({ callId, terminalId: TEST_TERMINAL.id });

    const signal = clerk.next('signal');
    terminal.send({ type: 'signal', callId, generation: 0, data: { type: 'offer', sdp: 'v=0' } });
    expect((await signal).data).toEqual({ type: 'offer', sdp: 'v=0' });

    const ended = terminal.next('call.ended');
    clerk.send({ type: 'call.hangup', callId });
    expect((await ended).reason).toBe('hangup');
    terminal.socket.close();
    clerk.socket.close();
  });

  it('keeps what a terminal sends while its token is checked, as a kiosk does after a reconnect', async () => {
    const terminal = await Client.open<HubToTerminal>(base + CALL_API.terminalSocket);
    const callId = randomUUID();
    const queued = terminal.next('call.queued');
    // Both in one go: the request arrives before the token check is over.
    terminal.send({ type: 'hello', token: TEST_TERMINAL.token });
    terminal.send({ type: 'call.request', callId, officeId: 'buergerbuero', serviceId: null, locale: 'de' });
    expect(await queued).toMatchObject({ callId, position: 1 });
    terminal.socket.close();
  });

  it('refuses a wrong terminal token, a clerk without session, and a foreign origin', async () => {
    const terminal = await Client.open<HubToTerminal>(base + CALL_API.terminalSocket);
    terminal.send({ type: 'hello', token: 'not-a-terminal-token' });
    expect(await terminal.closed).toBe(4401);

    await expect(Client.open(base + CALL_API.clerkSocket)).rejects.toThrow('HTTP 401');
    const cookie = await loginCookie(hub.app);
    await expect(
      Client.open(base + CALL_API.clerkSocket, { cookie, origin: 'https://evil.example' }),
    ).rejects.toThrow('HTTP 403');
    await expect(
      Client.open(base + CALL_API.terminalSocket, { origin: 'https://evil.example' }),
    ).rejects.toThrow('HTTP 403');
  });

  it('stores a callback request once, however often the terminal resends it', async () => {
    const body = {
      kind: 'callback',
      id: randomUUID(),
      officeId: 'buergerbuero',
      serviceId: null,
      locale: 'de',
      name: 'Frieda',
      phone: '+49 30 1234567',
      note: '',
      createdAt: '2026-11-24T10:00:00.000Z',
    };
    const send = (payload: Record<string, unknown>) =>
      hub.app.inject({ method: 'POST', url: CALL_API.requests, headers: terminalHeaders, payload });
    const first = await send(body);
    expect(first.statusCode).toBe(201);
    const again = await send(body);
    expect(again.statusCode).toBe(200);
    expect(CallRequestReceipt.parse(again.json())).toEqual(CallRequestReceipt.parse(first.json()));
    expect((await send({ ...body, name: 'Someone else' })).statusCode).toBe(409);
    expect((await send({ ...body, id: randomUUID(), phone: 'call me' })).statusCode).toBe(400);
    expect((await hub.app.inject({ method: 'POST', url: CALL_API.requests, payload: body })).statusCode).toBe(
      401,
    );
    const rows = await hub.db.selectFrom('call_requests').select(['name']).execute();
    expect(rows).toEqual([{ name: 'Frieda' }]);

    const cookie = await loginCookie(hub.app);
    const list = await hub.app.inject({ method: 'GET', url: CALL_API.clerkRequests, headers: { cookie } });
    expect(list.json()).toMatchObject({ requests: [{ name: 'Frieda', kind: 'callback' }] });
  });
});
