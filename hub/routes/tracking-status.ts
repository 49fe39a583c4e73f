import type { FastifyPluginAsync, onRequestHookHandler } from 'fastify';
import { contract } from '../../protocol/routes/index.js';
import type { TerminalAuth } from '../auth/terminal-auth.js';
import type { HubKysely } from '../db/schema.js';
import { HttpError } from '../http/errors.js';
import { route } from '../http/route.js';
import { statusOf } from '../submissions/status.js';

/** Lookups a terminal may make per minute: enough for a queue of citizens, far too few to guess. */
export const LOOKUPS_PER_MINUTE = 30;

/**
 * A citizen asks at any terminal with the code from the receipt. Codes carry 60 random bits and
 * lookups are limited per terminal, so guessing one is hopeless; a code reveals the status only.
 */
export function trackingStatusRoutes(db: HubKysely, auth: TerminalAuth): FastifyPluginAsync {
  const windows = new Map<string, { start: number; count: number }>();
  // Before the code is checked: a malformed guess counts against the limit too.
  const limit: onRequestHookHandler = async (request) => {
    const terminal = auth.terminalOf(request);
    const now = Date.now();
    const window = windows.get(terminal.id);
    if (!window || now - window.start >= 60_000) windows.set(terminal.id, { start: now, count: 1 });
    else if (++window.count > LOOKUPS_PER_MINUTE) {
      throw new HttpError(429, {
        error: 'too_many_lookups',
        message: 'Too many status lookups; try again in a minute.',
      });
    }
  };
  return async (app) => {
    route(
      app,
      contract.submissions.trackingStatus,
      { guard: [auth.authenticate, limit] },
      async (request, reply) => {
        const { trackingCode } = request.params;
        const status = await statusOf(db, trackingCode);
        reply.header('cache-control', 'no-store');
        if (!status)
          throw new HttpError(404, { error: 'not_found', message: 'No application has this tracking code.' });
        return status;
      },
    );
  };
}
