import type { FastifyPluginAsync, onRequestHookHandler } from 'fastify';
import { contract } from '../../protocol/routes/index.js';
import type { TerminalAuth } from '../auth/terminal-auth.js';
import type { HubKysely } from '../db/schema.js';
import { HttpError } from '../http/errors.js';
import type { RateLimiter } from '../http/rate-limit.js';
import { route } from '../http/route.js';
import { statusOf } from '../submissions/status.js';

/** Lookups a terminal may make per minute: enough for a queue of citizens, far too few to guess. */
export const LOOKUPS_PER_MINUTE = 30;

/**
 * A citizen asks at any terminal with the code from the receipt. Codes carry 60 random bits and
 * lookups are limited per terminal, so guessing one is hopeless; a code reveals the status only.
 * The counter lives in the database, shared by every hub instance and kept across restarts.
 */
export function trackingStatusRoutes(
  db: HubKysely,
  auth: TerminalAuth,
  limiter: RateLimiter,
): FastifyPluginAsync {
  // Before the code is checked: a malformed guess counts against the limit too.
  const limit: onRequestHookHandler = async (request) => {
    const terminal = auth.terminalOf(request);
    try {
      await limiter.enforce(`tracking-lookup:${terminal.id}`, { max: LOOKUPS_PER_MINUTE, windowSeconds: 60 });
    } catch (error) {
      if (!(error instanceof HttpError) || error.statusCode !== 429) throw error;
      throw new HttpError(
        429,
        { error: 'too_many_lookups', message: 'Too many status lookups; try again in a minute.' },
        error.headers,
      );
    }
  };
  return async (app) => {
    route(
      app,
      contract.submissions.trackingStatus,
      { guard: [auth.authenticate, limit] },
      async (request, reply) => {
        const { trackingCode } = request.params;
        const status = await statusOf(db, trackingCode, auth.terminalOf(request).tenantId);
        reply.header('cache-control', 'no-store');
        if (!status)
          throw new HttpError(404, { error: 'not_found', message: 'No application has this tracking code.' });
        return status;
      },
    );
  };
}
