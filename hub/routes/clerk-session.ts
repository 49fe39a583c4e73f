import type { FastifyPluginAsync } from 'fastify';
import { contract } from '../../protocol/routes/index.js';
import { parseOfficeIds, type ClerkSessions } from '../auth/clerk-sessions.js';
import { BusyError } from '../auth/concurrency-limit.js';
import type { LoginGate } from '../auth/login-limits.js';
import { dummyPasswordHash, verifyPassword } from '../auth/passwords.js';
import type { HubKysely } from '../db/schema.js';
import { HttpError } from '../http/errors.js';
import { route } from '../http/route.js';

/** Login, logout and "who am I" for the clerk console. */
export function clerkSessionRoutes(
  db: HubKysely,
  sessions: ClerkSessions,
  logins: LoginGate,
): FastifyPluginAsync {
  return async (app) => {
    app.addHook('onSend', async (_request, reply, payload) => {
      reply.header('cache-control', 'no-store');
      return payload;
    });

    route(app, contract.clerk.login, async (request, reply) => {
      const { username, password } = request.body;
      // Counted before any hashing: a locked account or address costs one read, no scrypt.
      const keys = { account: username, address: request.ip };
      await logins.admitOrThrow(keys);
      const clerk = await db
        .selectFrom('clerks')
        .selectAll()
        .where('username', '=', username)
        .executeTakeFirst();
      // An unknown user costs one scrypt too, so timing does not reveal which usernames exist;
      // so does an account that signs in through the OpenID provider (it has no password).
      const valid = await verifyBounded(password, clerk?.password_hash || undefined);
      if (clerk && !clerk.password_hash)
        request.log.warn({ username: clerk.username }, 'local login to a provider account');
      // A disabled account gets the same answer as a wrong password: nothing to probe.
      if (!clerk || !valid || clerk.disabled_at !== null) {
        request.log.warn({ username: username.slice(0, 100) }, 'clerk login failed');
        throw new HttpError(401, { error: 'invalid_credentials', message: 'Username or password is wrong.' });
      }
      await logins.succeeded(keys);
      await sessions.start(request, reply, clerk.username);
      request.log.info({ username: clerk.username }, 'clerk logged in');
      return {
        username: clerk.username,
        displayName: clerk.display_name,
        officeIds: parseOfficeIds(clerk.office_ids),
      };
    });

    // Logging out twice, or with an expired session, still ends up logged out: always 204.
    route(app, contract.clerk.logout, async (request, reply) => {
      await sessions.end(request, reply);
      return reply.status(204).send();
    });

    route(app, contract.clerk.me, { guard: sessions.requireAccount }, async (request) =>
      sessions.clerkOf(request),
    );
  };
}

/** The password check, or 503 when too many already wait for the hashing slot. */
export async function verifyBounded(password: string, stored: string | undefined): Promise<boolean> {
  try {
    return await verifyPassword(password, stored ?? (await dummyPasswordHash()));
  } catch (error) {
    if (!(error instanceof BusyError)) throw error;
    throw new HttpError(
      503,
      { error: 'busy', message: 'Too many logins at once. Try again in a moment.' },
      { 'retry-after': '1' },
    );
  }
}
