// Brings in the types of request.cookies and reply.setCookie, which @fastify/cookie adds.
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { CLERK_SESSION_COOKIE } from '../../protocol/api.js';
import type { ClerkRole } from '../../protocol/admin.js';
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
  /** Route hook: 401 unless the request carries a live session of an enabled account whose password is its own. */
  requireClerk: onRequestHookHandler;
  /** Like requireClerk, and 403 unless the account has the role admin. */
  requireAdmin: onRequestHookHandler;
  /** Like requireClerk, but lets an account through that must still change its password. */
  requireAccount: onRequestHookHandler;
  /** The clerk of a request that passed one of the guards. */
  clerkOf(request: FastifyRequest): ClerkProfile;
  /** The account (role, password state) of a request that passed one of the guards. */
  accountOf(request: FastifyRequest): SessionAccount;
  /** Ends every session of an account (disable, password reset), optionally but one. */
  endAll(username: string, except?: FastifyRequest): Promise<void>;
}

export interface SessionAccount extends ClerkProfile {
  /** The municipality the account belongs to: everything it reads and changes is of this tenant. */
  tenantId: string;
  role: ClerkRole;
  mustChangePassword: boolean;
}

type Need = 'account' | 'clerk' | 'admin';

export function clerkSessions(db: HubKysely, now: () => Date): ClerkSessions {
  const clerks = new WeakMap<FastifyRequest, SessionAccount>();
  const tokenOf = (request: FastifyRequest) => request.cookies[CLERK_SESSION_COOKIE];

  // Every request reads the account afresh: a disabled account or a changed role counts at once.
  const guard =
    (need: Need): onRequestHookHandler =>
    async (request) => {
      const token = tokenOf(request);
      const row = token
        ? await db
            .selectFrom('clerk_sessions')
            .innerJoin('clerks', 'clerks.username', 'clerk_sessions.username')
            .select([
              'clerks.username',
              'clerks.tenant_id',
              'clerks.display_name',
              'clerks.office_ids',
              'clerks.role',
              'clerks.must_change_password',
            ])
            .where('clerk_sessions.token_hash', '=', sha256Hex(token))
            .where('clerk_sessions.expires_at', '>', now().toISOString())
            .where('clerks.disabled_at', 'is', null)
            .executeTakeFirst()
        : undefined;
      if (!row) {
        throw new HttpError(401, {
          error: 'unauthenticated',
          message: 'Please log in: there is no valid clerk session.',
        });
      }
      const account: SessionAccount = {
        username: row.username,
        tenantId: row.tenant_id,
        displayName: row.display_name,
        officeIds: parseOfficeIds(row.office_ids),
        role: row.role === 'admin' ? 'admin' : 'clerk',
        mustChangePassword: row.must_change_password !== 0,
      };
      if (need !== 'account' && account.mustChangePassword)
        throw new HttpError(403, {
          error: 'password_change_required',
          message: 'Choose your own password first (POST /api/v1/clerk/password).',
        });
      if (need === 'admin' && account.role !== 'admin')
        throw new HttpError(403, {
          error: 'not_admin',
          message: 'This needs an account with the role admin.',
        });
      clerks.set(request, account);
    };

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

    requireClerk: guard('clerk'),
    requireAdmin: guard('admin'),
    requireAccount: guard('account'),

    accountOf(request) {
      const account = clerks.get(request);
      if (!account) throw new Error(`Route ${request.url} reads the account without requiring a session`);
      return account;
    },

    async endAll(username, except) {
      const token = except && tokenOf(except);
      let query = db.deleteFrom('clerk_sessions').where('username', '=', username);
      if (token) query = query.where('token_hash', '<>', sha256Hex(token));
      await query.execute();
    },

    clerkOf(request) {
      const clerk = clerks.get(request);
      if (!clerk) throw new Error(`Route ${request.url} reads the clerk without requiring a session`);
      return { username: clerk.username, displayName: clerk.displayName, officeIds: clerk.officeIds };
    },
  };
}

export function parseOfficeIds(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
}
