import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import {
  QUARANTINE_API,
  QuarantineReport,
  type QuarantineReportAnswer,
  type StuckApplications,
} from '../../protocol/quarantine.js';
import type { ClerkSessions } from '../auth/clerk-sessions.js';
import type { TerminalAuth } from '../auth/terminal-auth.js';
import type { HubKysely } from '../db/schema.js';
import { requireProvider } from '../fleet/provider-auth.js';
import { HttpError, parseOrThrow } from '../http/errors.js';
import { listStuck, replaceQuarantine, requestRetry } from '../quarantine/store.js';

const RetryParams = z.object({
  terminalId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/),
  submissionId: z.uuid(),
});

/**
 * Quarantined applications: terminals report what they hold (envelope only), the provider sees
 * every terminal's and can ask for another try, a clerk sees those of the clerk's offices.
 */
export function quarantineRoutes(
  db: HubKysely,
  terminals: TerminalAuth,
  sessions: ClerkSessions,
  now: () => Date,
): FastifyPluginAsync {
  return async (app) => {
    app.post(
      QUARANTINE_API.terminal,
      { onRequest: terminals.authenticate },
      async (request): Promise<QuarantineReportAnswer> => {
        const { items } = parseOrThrow(QuarantineReport, request.body);
        const terminal = terminals.terminalOf(request);
        const retry = await replaceQuarantine(db, terminal.id, items, now());
        if (items.length > 0)
          request.log.warn(
            { terminalId: terminal.id, quarantined: items.length },
            'terminal reports quarantine',
          );
        return { retry };
      },
    );

    app.get(
      QUARANTINE_API.provider,
      { onRequest: requireProvider(db) },
      async (_request, reply): Promise<StuckApplications> => {
        reply.header('cache-control', 'no-store');
        return { items: await listStuck(db) };
      },
    );

    app.post(
      '/api/v1/provider/quarantine/:terminalId/:submissionId/retry',
      { onRequest: requireProvider(db) },
      async (request, reply) => {
        const { terminalId, submissionId } = parseOrThrow(RetryParams, request.params);
        if (!(await requestRetry(db, terminalId, submissionId, now())))
          throw new HttpError(404, {
            error: 'not_quarantined',
            message: `Terminal "${terminalId}" does not report ${submissionId} in quarantine.`,
          });
        request.log.info({ terminalId, submissionId }, 'quarantine retry requested');
        return reply.status(202).send();
      },
    );

    app.get(
      QUARANTINE_API.clerk,
      { onRequest: sessions.requireClerk },
      async (request, reply): Promise<StuckApplications> => {
        reply.header('cache-control', 'no-store');
        return { items: await listStuck(db, sessions.clerkOf(request).officeIds) };
      },
    );
  };
}
