import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { CLOSE } from '../../../protocol/calls.js';
import { reconnectDelayMs, SignalingClient } from './signaling-client.js';

describe('reconnectDelayMs', () => {
  it('comes back at once (within 250 ms) when the hub instance restarts, however many tries came before', () => {
    for (const attempt of [0, 3, 10]) {
      expect(reconnectDelayMs(CLOSE.serviceRestart, attempt, () => 0.999)).toBeLessThan(250);
      expect(reconnectDelayMs(CLOSE.serviceRestart, attempt, () => 0)).toBe(0);
    }
  });

  it('backs off with full jitter after other drops, up to 4 s', () => {
    expect(reconnectDelayMs(1006, 0, () => 0)).toBe(125);
    expect(reconnectDelayMs(1006, 0, () => 1)).toBe(250);
    expect(reconnectDelayMs(1006, 4, () => 0)).toBe(2000);
    expect(reconnectDelayMs(null, 99, () => 1)).toBe(4000);
  });
});

/** A WebSocket the test drives: it records what was sent and closes with the codes it is told. */
class FakeSocket {
  static made: FakeSocket[] = [];
  static readonly OPEN = 1;
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.made.push(this);
  }
  send(text: string) {
    this.sent.push(text);
  }
  close() {}
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  closeWith(code: number) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

describe('a refused token on the call socket', () => {
  const schema = z.object({ type: z.string() });
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  beforeEach(() => {
    FakeSocket.made = [];
    vi.stubGlobal('WebSocket', FakeSocket);
    vi.stubGlobal('window', globalThis);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('is renewed and the socket comes back at once with the new token', async () => {
    let token = 'old';
    const renewAuth = vi.fn(() => {
      token = 'new';
      return Promise.resolve(true);
    });
    const statuses: string[] = [];
    new SignalingClient({
      url: 'ws://hub/calls',
      schema,
      hello: () => ({ type: 'hello', token }),
      onMessage: () => undefined,
      onStatus: (status) => statuses.push(status),
      isFatal: (code) => code === CLOSE.unauthenticated,
      renewAuth,
    });
    FakeSocket.made[0]?.open();
    FakeSocket.made[0]?.closeWith(CLOSE.unauthenticated);
    await flush();
    expect(renewAuth).toHaveBeenCalledOnce();
    expect(FakeSocket.made).toHaveLength(2);
    FakeSocket.made[1]?.open();
    expect(FakeSocket.made[1]?.sent).toEqual([JSON.stringify({ type: 'hello', token: 'new' })]);
    expect(statuses).not.toContain('closed');
  });

  it('is final when the renewed token is refused too, or there is none', async () => {
    for (const fresh of [true, false]) {
      FakeSocket.made = [];
      const statuses: string[] = [];
      new SignalingClient({
        url: 'ws://hub/calls',
        schema,
        onMessage: () => undefined,
        onStatus: (status) => statuses.push(status),
        isFatal: (code) => code === CLOSE.unauthenticated,
        renewAuth: () => Promise.resolve(fresh),
      });
      FakeSocket.made[0]?.closeWith(CLOSE.unauthenticated);
      await flush();
      FakeSocket.made[1]?.closeWith(CLOSE.unauthenticated);
      await flush();
      expect(statuses.at(-1), `renewal gave ${fresh}`).toBe('closed');
      expect(FakeSocket.made).toHaveLength(fresh ? 2 : 1);
    }
  });
});
