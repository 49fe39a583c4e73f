import fastifyWebsocket from '@fastify/websocket';
import type { FastifyBaseLogger, FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { z } from 'zod';
import {
  CLOSE,
  ClerkToHub,
  TerminalToHub,
  type HubToClerk,
  type HubToTerminal,
} from '../../protocol/calls.js';
import { contract } from '../../protocol/routes/index.js';
import { bearerToken } from '../auth/terminal-auth.js';
import type { ClerkSessions } from '../auth/clerk-sessions.js';
import type { TerminalAuth } from '../auth/terminal-auth.js';
import { HttpError } from '../http/errors.js';
import { Drain } from '../ops/drain.js';
import type { CallCenter, Connection } from './call-center.js';

/** Signaling messages are small; SDP with many candidates stays well below this. */
export const MAX_MESSAGE_BYTES = 64 * 1024;
/** The hub pings every connection this often; a connection silent for three rounds is dropped. */
export const PING_INTERVAL_MS = 10_000;
const HELLO_TIMEOUT_MS = 10_000;
/** More than this many messages per second from one socket is abuse (ICE trickle stays far below). */
const MAX_MESSAGES_PER_SECOND = 200;
/** Messages a terminal may send while its token is being checked; they are handled after it. */
const MAX_EARLY_MESSAGES = 32;

export interface SignalingOptions {
  center: CallCenter;
  sessions: ClerkSessions;
  terminals: TerminalAuth;
  /** Origins besides the hub's own from which terminals may open their socket (app://kiosk). */
  kioskOrigins: readonly string[];
  /** While the hub drains it opens no socket; on stopping it closes the open ones (1012). */
  drain?: Drain;
}

/** A broadcast hands one message object to many sockets in a row: it is encoded once. */
let lastEncoded: { message: unknown; text: string } | null = null;
function encode(message: unknown): string {
  if (lastEncoded && lastEncoded.message === message) return lastEncoded.text;
  const text = JSON.stringify(message);
  lastEncoded = { message, text };
  return text;
}

function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true; // not a browser: a Node client or a test
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/**
 * Wraps a ws socket: JSON both ways, schema-checked on the way in, a heartbeat, a size and rate
 * limit. Returns the connection object the call center talks to.
 */
function wire<In, Out>(
  socket: WebSocket,
  schema: z.ZodType<In>,
  log: FastifyBaseLogger,
  onMessage: (message: In) => void,
  onClose: () => void,
): Connection<Out> {
  let alive = true;
  let missed = 0;
  let windowStart = Date.now();
  let count = 0;
  const conn: Connection<Out> = {
    send(message) {
      if (socket.readyState === socket.OPEN) socket.send(encode(message));
    },
    close(code, reason) {
      alive = false;
      socket.close(code, reason);
    },
  };
  const heartbeat = setInterval(() => {
    if (++missed > 3) {
      log.info('signaling peer silent: dropping the connection');
      socket.terminate();
      return;
    }
    conn.send({ type: 'ping' } as Out);
  }, PING_INTERVAL_MS);
  socket.on('message', (raw, isBinary) => {
    missed = 0;
    const at = Date.now();
    if (at - windowStart > 1000) {
      windowStart = at;
      count = 0;
    }
    if (++count > MAX_MESSAGES_PER_SECOND) {
      conn.close(CLOSE.protocol, 'too many messages');
      return;
    }
    if (isBinary) {
      conn.close(CLOSE.protocol, 'text frames only');
      return;
    }
    let parsed: z.ZodSafeParseResult<In>;
    try {
      parsed = schema.safeParse(JSON.parse(raw.toString()));
    } catch {
      conn.close(CLOSE.protocol, 'not JSON');
      return;
    }
    if (!parsed.success) {
      conn.send({ type: 'error', code: 'invalid_message', message: parsed.error.issues[0]?.message } as Out);
      return;
    }
    if (alive) onMessage(parsed.data);
  });
  socket.on('pong', () => {
    missed = 0;
  });
  socket.on('close', () => {
    alive = false;
    clearInterval(heartbeat);
    onClose();
  });
  socket.on('error', (error) => log.debug({ err: error }, 'signaling socket error'));
  return conn;
}

/** The two signaling sockets: terminals (bearer token in the first message) and clerks (session cookie). */
export function signalingRoutes(options: SignalingOptions): FastifyPluginAsync {
  const { center, sessions, terminals } = options;
  const drain = options.drain ?? new Drain();
  // A stopping instance takes no new socket: the client retries and the balancer picks another.
  const refuseWhileDraining = async () => {
    if (drain.isDraining)
      throw new HttpError(503, {
        error: 'draining',
        message: 'This hub instance is stopping; connect again to reach another one.',
      });
  };
  const kioskOrigins = new Set(options.kioskOrigins.map((o) => o.toLowerCase()));
  return async (app) => {
    await app.register(fastifyWebsocket, { options: { maxPayload: MAX_MESSAGE_BYTES } });
    app.addHook('onClose', async () => center.closeAll());

    // WebSocket upgrades: the path comes from the contract, the messages are checked by wire().
    app.get(
      contract.calls.terminalSocket.path,
      {
        websocket: true,
        config: { contract: contract.calls.terminalSocket },
        onRequest: async (request) => {
          await refuseWhileDraining();
          const origin = request.headers.origin?.toLowerCase();
          if (origin !== undefined && !sameOrigin(request) && !kioskOrigins.has(origin)) {
            throw new HttpError(403, {
              error: 'origin_not_allowed',
              message: 'This origin may not open a terminal call socket.',
            });
          }
        },
      },
      (socket, request) => {
        drain.track(socket);
        let terminalId: string | null = null;
        let conn: Connection<HubToTerminal> | null = null;
        const helloTimer = setTimeout(
          () => socket.close(CLOSE.unauthenticated, 'hello expected'),
          HELLO_TIMEOUT_MS,
        );
        const authenticate = async (token: string | undefined) => {
          // The same check as every terminal request: installation token or enrolled terminal.
          const terminal = token ? await terminals.terminalForToken(token) : undefined;
          clearTimeout(helloTimer);
          if (!terminal || !conn) {
            socket.close(CLOSE.unauthenticated, 'unknown or revoked terminal token');
            return;
          }
          terminalId = terminal.id;
          request.log.info({ terminalId }, 'terminal signaling connected');
          void center.attachTerminal(terminal.id, terminal.name, conn, terminal.tenantId);
          // What came while the token was checked (a call request after a reconnect) goes on now.
          for (const message of early.splice(0)) void center.terminalMessage(terminal.id, message);
        };
        let authenticating = false;
        const early: TerminalToHub[] = [];
        conn = wire<TerminalToHub, HubToTerminal>(
          socket,
          TerminalToHub,
          request.log,
          (message) => {
            if (terminalId) return void center.terminalMessage(terminalId, message);
            if (message.type === 'hello' && !authenticating) {
              authenticating = true;
              void authenticate(message.token);
            } else if (!authenticating) socket.close(CLOSE.unauthenticated, 'hello expected');
            else if (early.length < MAX_EARLY_MESSAGES) early.push(message);
            else socket.close(CLOSE.protocol, 'too many messages before the token check');
          },
          () => {
            clearTimeout(helloTimer);
            if (terminalId && conn) void center.detachTerminal(terminalId, conn);
          },
        );
        // Node clients may authenticate in the upgrade request itself.
        const headerToken = bearerToken(request.headers.authorization);
        if (headerToken) {
          authenticating = true;
          void authenticate(headerToken);
        }
      },
    );

    app.get(
      contract.calls.clerkSocket.path,
      {
        websocket: true,
        config: { contract: contract.calls.clerkSocket },
        onRequest: [
          refuseWhileDraining,
          async (request) => {
            // The cookie is SameSite=Strict, but a WebSocket has no CORS: check the origin as well.
            if (!sameOrigin(request)) {
              throw new HttpError(403, {
                error: 'origin_not_allowed',
                message: 'The clerk socket is for the console on this hub only.',
              });
            }
          },
          sessions.requireClerk,
        ],
      },
      (socket, request) => {
        drain.track(socket);
        const { tenantId, ...profile } = sessions.accountOf(request);
        const clerk = {
          username: profile.username,
          displayName: profile.displayName,
          officeIds: profile.officeIds,
          tenantId,
        };
        request.log.info({ username: clerk.username }, 'clerk signaling connected');
        const conn: Connection<HubToClerk> = wire<ClerkToHub, HubToClerk>(
          socket,
          ClerkToHub,
          request.log,
          (message) => void center.clerkMessage(clerk.username, message),
          () => void center.detachClerk(clerk.username, conn),
        );
        void center.attachClerk(clerk, conn);
      },
    );
  };
}
