import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import type { HubKysely } from '../db/schema.js';
import { HttpError } from '../http/errors.js';
import { sha256Hex } from '../util/hash.js';

export interface AuthenticatedTerminal {
  id: string;
  name: string;
}

export interface TerminalAuth {
  /** Route hook: runs before the body is read, so strangers cannot make the hub parse uploads. */
  authenticate: onRequestHookHandler;
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
  verify(token: string, now: Date): string | null;
}

export function terminalAuth(
  db: HubKysely,
  signedTokens?: SignedTokenVerifier,
  now: () => Date = () => new Date(),
): TerminalAuth {
  const terminals = new WeakMap<FastifyRequest, AuthenticatedTerminal>();
  return {
    async authenticate(request) {
      const token = bearerToken(request.headers.authorization);
      if (!token)
        throw unauthenticated('This route needs the terminal token: Authorization: Bearer <token>.');
      if (signedTokens && token.startsWith('t1.')) {
        const id = signedTokens.verify(token, now());
        // Checked on every request, so a revocation takes effect at once, not at token expiry.
        const enrolled = id
          ? await db
              .selectFrom('terminals')
              .select(['id', 'name'])
              .where('id', '=', id)
              .where('revoked_at', 'is', null)
              .executeTakeFirst()
          : undefined;
        if (!enrolled) throw unauthenticated('The terminal token is invalid, expired or revoked.');
        terminals.set(request, enrolled);
        return;
      }
      // Stored as a hash: a leaked database does not hand out working terminal tokens.
      const terminal = await db
        .selectFrom('terminals')
        .select(['id', 'name'])
        .where('token_hash', '=', sha256Hex(token))
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (!terminal) throw unauthenticated('The terminal token is unknown or revoked.');
      terminals.set(request, terminal);
    },
    terminalOf(request) {
      const terminal = terminals.get(request);
      if (!terminal) throw new Error(`Route ${request.url} reads the terminal without authenticating it`);
      return terminal;
    },
  };
}
