import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import type { HubKysely } from '../db/schema.js';
import { HttpError } from '../http/errors.js';
import { sha256Hex } from '../util/hash.js';

export interface AuthenticatedTerminal {
  id: string;
  name: string;
  /** The municipality the terminal belongs to: it gets that tenant's content only. */
  tenantId: string;
}

export interface TerminalAuth {
  /** Route hook: runs before the body is read, so strangers cannot make the hub parse uploads. */
  authenticate: onRequestHookHandler;
  /** The terminal a token belongs to (installation or enrolled), for sockets; undefined if none. */
  terminalForToken(token: string): Promise<AuthenticatedTerminal | undefined>;
  /** The terminal of a request that passed `authenticate`. */
  terminalOf(request: FastifyRequest): AuthenticatedTerminal;
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return match?.[1];
}

function unauthenticated(message: string): HttpError {
  return new HttpError(
    401,
    { error: 'unauthenticated', message },
    { 'www-authenticate': 'Bearer realm="hub"' },
  );
}

/** Short-lived tokens of enrolled terminals (hub/fleet/enrollment.ts): the terminal id, or null. */
export interface SignedTokenVerifier {
  verify(token: string, now: Date): string | null | Promise<string | null>;
}

export function terminalAuth(
  db: HubKysely,
  signedTokens?: SignedTokenVerifier,
  now: () => Date = () => new Date(),
): TerminalAuth {
  const terminals = new WeakMap<FastifyRequest, AuthenticatedTerminal>();
  // Installation tokens are stored as a hash: a leaked database hands out no working token.
  // Enrolled terminals' short-lived tokens are checked against the revocation list every time,
  // so a revocation takes effect at once, not at token expiry.
  async function terminalForToken(token: string): Promise<AuthenticatedTerminal | undefined> {
    if (signedTokens && /^t\d+\./.test(token)) {
      const id = await signedTokens.verify(token, now());
      if (!id) return undefined;
      return db
        .selectFrom('terminals')
        .select(['id', 'name', 'tenant_id as tenantId'])
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
    }
    return db
      .selectFrom('terminals')
      .select(['id', 'name', 'tenant_id as tenantId'])
      .where('token_hash', '=', sha256Hex(token))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
  }

  return {
    terminalForToken,
    async authenticate(request) {
      const token = bearerToken(request.headers.authorization);
      if (!token)
        throw unauthenticated('This route needs the terminal token: Authorization: Bearer <token>.');
      const terminal = await terminalForToken(token);
      if (!terminal) throw unauthenticated('The terminal token is unknown, expired or revoked.');
      terminals.set(request, terminal);
    },
    terminalOf(request) {
      const terminal = terminals.get(request);
      if (!terminal) throw new Error(`Route ${request.url} reads the terminal without authenticating it`);
      return terminal;
    },
  };
}
