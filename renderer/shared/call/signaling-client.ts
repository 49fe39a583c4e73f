import type { z } from 'zod';
import { CLOSE } from '../../../protocol/calls.js';

export type SocketStatus = 'connecting' | 'open' | 'closed';

export interface SignalingClientOptions<In> {
  /** ws:// or wss:// URL of the hub's socket. */
  url: string;
  schema: z.ZodType<In>;
  /** First message after every (re)connect, e.g. the terminal's hello with its token. */
  hello?: () => unknown;
  onMessage(message: In): void;
  /** Called after every successful (re)connect, after the hello: resend what the hub must know. */
  onOpen?(): void;
  onStatus?(status: SocketStatus): void;
  /** A close code after which reconnecting is pointless (bad token, replaced). */
  isFatal?(code: number): boolean;
  /**
   * The hub refused the credentials (4401): get new ones. Resolves true when there are new ones;
   * the socket then connects again at once. A second refusal right after a renewal is final.
   */
  renewAuth?(): Promise<boolean>;
}

/** Without a word from the hub for this long the connection is taken as dead (it pings every 10 s). */
const SILENCE_MS = 25_000;
const BACKOFF_MS = [250, 500, 1000, 2000, 4000];
/** A hub instance that stops says 1012 (service restart): come back at once, spread over this. */
const RESTART_SPREAD_MS = 250;
const SERVICE_RESTART = CLOSE.serviceRestart;

/**
 * How long to wait before reconnecting after a close with `code`, the `attempt`-th retry in a row.
 * A restarting hub (1012) is no failure: another instance is ready, so the next try is at once
 * (jittered, so a town hall's terminals do not all come back in the same instant). Otherwise
 * backoff with full jitter.
 */
export function reconnectDelayMs(
  code: number | null,
  attempt: number,
  random: () => number = Math.random,
): number {
  if (code === SERVICE_RESTART) return random() * RESTART_SPREAD_MS;
  const base = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)] ?? 4000;
  return base / 2 + random() * (base / 2);
}

/**
 * A WebSocket to the hub that comes back by itself: reconnects with backoff after a drop,
 * answers the hub's pings, notices a silent (half-open) connection, parses every message with
 * the protocol schema.
 */
export class SignalingClient<In extends { type: string }, Out> {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private stopped = false;
  private retryTimer: number | undefined;
  private silenceTimer: number | undefined;
  /** Set after a renewal until a connection opens: a refusal then is not renewed again. */
  private renewed = false;
  status: SocketStatus = 'connecting';

  constructor(private readonly options: SignalingClientOptions<In>) {
    this.connect();
  }

  send(message: Out): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  /** Drops the current connection at once and reconnects (after a network change, say). */
  reconnectNow(): void {
    if (this.stopped) return;
    this.attempt = 0;
    this.socket?.close();
  }

  close(): void {
    this.stopped = true;
    window.clearTimeout(this.retryTimer);
    window.clearTimeout(this.silenceTimer);
    this.socket?.close(1000, 'done');
    this.setStatus('closed');
  }

  private setStatus(status: SocketStatus) {
    if (this.status === status) return;
    this.status = status;
    this.options.onStatus?.(status);
  }

  private armSilence() {
    window.clearTimeout(this.silenceTimer);
    this.silenceTimer = window.setTimeout(() => this.socket?.close(), SILENCE_MS);
  }

  private connect() {
    if (this.stopped) return;
    this.setStatus('connecting');
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.options.url);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      const hello = this.options.hello?.();
      if (hello !== undefined) socket.send(JSON.stringify(hello));
      this.armSilence();
      this.setStatus('open');
      this.options.onOpen?.();
    };
    socket.onmessage = (event) => {
      this.armSilence();
      let json: unknown;
      try {
        json = JSON.parse(String(event.data));
      } catch {
        return;
      }
      const parsed = this.options.schema.safeParse(json);
      if (!parsed.success) {
        console.warn('signaling: unexpected message', parsed.error.issues[0]);
        return;
      }
      if (parsed.data.type === 'ping') {
        socket.send(JSON.stringify({ type: 'pong' }));
        return;
      }
      // A message past the hello means the credentials were taken: a later refusal may renew again.
      this.renewed = false;
      this.options.onMessage(parsed.data);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      window.clearTimeout(this.silenceTimer);
      const renew = this.options.renewAuth;
      if (event.code === CLOSE.unauthenticated && renew && !this.renewed) {
        this.renewed = true;
        this.setStatus('connecting');
        void renew().then(
          (fresh) => (fresh ? this.reconnectAfterRenewal() : this.stop()),
          () => this.stop(),
        );
        return;
      }
      if (this.options.isFatal?.(event.code)) {
        this.stopped = true;
        this.setStatus('closed');
        return;
      }
      if (event.code === SERVICE_RESTART) this.attempt = 0;
      this.scheduleRetry(event.code);
    };
  }

  private reconnectAfterRenewal() {
    if (this.stopped) return;
    this.attempt = 0;
    this.connect();
  }

  private stop() {
    this.stopped = true;
    this.setStatus('closed');
  }

  private scheduleRetry(code: number | null = null) {
    if (this.stopped) return;
    this.setStatus('connecting');
    const delay = reconnectDelayMs(code, this.attempt);
    this.attempt++;
    this.retryTimer = window.setTimeout(() => this.connect(), delay);
  }
}

/** ws(s):// URL of a hub path, from the hub's http(s) base URL (or the page's own origin). */
export function socketUrl(base: string, path: string): string {
  const url = new URL(path, base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}
