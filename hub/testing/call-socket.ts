import { WebSocket } from 'ws';

/**
 * A real call socket against a hub or a balancer, as tests and benchmarks use it: collects what
 * arrives, answers pings, and waits for a message of a type (and matching a condition).
 */
export class CallSocket<T extends { type: string }> {
  readonly received: T[] = [];
  private waiters: { match: (m: T) => boolean; resolve: (m: T) => void }[] = [];
  readonly closed: Promise<number>;

  constructor(readonly socket: WebSocket) {
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw)) as T;
      if (message.type === 'ping') {
        socket.send(JSON.stringify({ type: 'pong' }));
        return;
      }
      this.received.push(message);
      this.waiters = this.waiters.filter((w) => (w.match(message) ? (w.resolve(message), false) : true));
    });
    this.closed = new Promise((resolve) => socket.on('close', (code) => resolve(code)));
    socket.on('error', () => undefined);
  }

  static async open<T extends { type: string }>(
    url: string,
    headers: Record<string, string> = {},
  ): Promise<CallSocket<T>> {
    const socket = new WebSocket(url, { headers });
    const client = new CallSocket<T>(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      socket.once('error', reject);
    });
    return client;
  }

  send(message: unknown): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  /** The next message of this type (from now on) that passes `match`. */
  next<K extends T['type']>(
    type: K,
    match: (m: Extract<T, { type: K }>) => boolean = () => true,
  ): Promise<Extract<T, { type: K }>> {
    return new Promise((resolve) =>
      this.waiters.push({
        match: (m) => m.type === type && match(m as Extract<T, { type: K }>),
        resolve: resolve as (m: T) => void,
      }),
    );
  }

  /** A message of this type that passes `match`, whether it came already or comes later. */
  seen<K extends T['type']>(
    type: K,
    match: (m: Extract<T, { type: K }>) => boolean = () => true,
  ): Promise<Extract<T, { type: K }>> {
    const earlier = this.received.find((m) => m.type === type && match(m as Extract<T, { type: K }>));
    return earlier ? Promise.resolve(earlier as Extract<T, { type: K }>) : this.next(type, match);
  }

  close(): void {
    this.socket.close();
  }
}
