// Brings in the types of request.cookies and reply.setCookie, which @fastify/cookie adds.
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { CLERK_SESSION_COOKIE } from '../../protocol/api.js';
import type { ClerkProfile } from '../../protocol/clerk.js';
import type { HubKysely } from '../db/schema.js';
import { HttpError } from '../http/errors.js';
import { randomToken, sha256Hex } from '../util/hash.js';

export const CLERK_SESSION_SECONDS = 8 * 60 * 60;
/** The cookie goes only to the clerk API, never to the kiosk pages served by the same hub. */
export const CLERK_COOKIE_PATH = '/api/v1/clerk';

export interface ClerkSessions {
  /** Stores a new session and sets its cookie. */
  start(request: FastifyRequest, reply: FastifyReply, username: string): Promise<void>;
  /** Deletes the request's session, if any, and clears the cookie. */
  end(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  /** Route hook: 401 unless the request carries a live session. */
  requireClerk: onRequestHookHandler;
  /** The clerk of a request that passed `requireClerk`. */
  clerkOf(request: FastifyRequest): ClerkProfile;
}

export function clerkSessions(db: HubKysely, now: () => Date): ClerkSessions {
  const clerks = new WeakMap<FastifyRequest, ClerkProfile>();
  const tokenOf = (request: FastifyRequest) => request.cookies[CLERK_SESSION_COOKIE];

  return {
    async start(request, reply, username) {
      const token = randomToken();
      const created = now();
      const at = created.toISOString();
      await db.deleteFrom('clerk_sessions').where('expires_at', '<=', at).execute();
      await db
        .insertInto('clerk_sessions')
        .values({
          token_hash: sha256Hex(token),
          username,
          created_at: at,
          expires_at: new Date(created.getTime() + CLERK_SESSION_SECONDS * 1000).toISOString(),
        })
        .execute();
      reply.setCookie(CLERK_SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        path: CLERK_COOKIE_PATH,
        secure: request.protocol === 'https',
        maxAge: CLERK_SESSION_SECONDS,
      });
    },

    async end(request, reply) {
      const token = tokenOf(request);
      if (token) await db.deleteFrom('clerk_sessions').where('token_hash', '=', sha256Hex(token)).execute();
      reply.clearCookie(CLERK_SESSION_COOKIE, { path: CLERK_COOKIE_PATH });
    },

    async requireClerk(request) {
      const token = tokenOf(request);
      const row = token
        ? await db
            .selectFrom('clerk_sessions')
            .innerJoin('clerks', 'clerks.username', 'clerk_sessions.username')
            .select(['clerks.username', 'clerks.display_name', 'clerks.office_ids'])
            .where('clerk_sessions.token_hash', '=', sha256Hex(token))
            .where('clerk_sessions.expires_at', '>', now().toISOString())
            .executeTakeFirst()
        : undefined;
      if (!row) {
        throw new HttpError(401, {
          error: 'unauthenticated',
          message: 'Please log in: there is no valid clerk session.',
        });
      }
      clerks.set(request, {
        username: row.username,
        displayName: row.display_name,
        officeIds: parseOfficeIds(row.office_ids),
      });
    },

    clerkOf(request) {
      const clerk = clerks.get(request);
      if (!clerk) throw new Error(`Route ${request.url} reads the clerk without requiring a session`);
      return clerk;
    },
  };
}

export function parseOfficeIds(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
}
