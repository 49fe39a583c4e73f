import type { WebSocket } from 'ws';
import { CLOSE } from '../../protocol/calls.js';

/** A socket that does not answer the close handshake within this is cut. */
const CLOSE_HANDSHAKE_MS = 2_000;

/**
 * The stopping hub's first phase (a rolling upgrade): it says not-ready so the balancer moves
 * new work elsewhere, refuses new sockets, then closes the open ones with 1012 (service restart),
 * which clients take as "reconnect now", landing on another instance. Calls are not ended: their
 * media runs browser to browser and both sides come back.
 */
export class Drain {
  private draining = false;
  private readonly sockets = new Set<WebSocket>();

  get isDraining(): boolean {
    return this.draining;
  }

  begin(): void {
    this.draining = true;
  }

  /** Sockets opened before the drain; each leaves the set when it closes. */
  track(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  get openSockets(): number {
    return this.sockets.size;
  }

  /** Closes every open socket with 1012 and resolves once all are gone; returns how many there were. */
  async closeSockets(): Promise<number> {
    const sockets = [...this.sockets];
    await Promise.all(
      sockets.map(
        (socket) =>
          new Promise<void>((resolve) => {
            if (socket.readyState === socket.CLOSED) return resolve();
            const cut = setTimeout(() => socket.terminate(), CLOSE_HANDSHAKE_MS);
            socket.once('close', () => {
              clearTimeout(cut);
              resolve();
            });
            socket.close(CLOSE.serviceRestart, 'hub restarting: reconnect');
          }),
      ),
    );
    return sockets.length;
  }
}
