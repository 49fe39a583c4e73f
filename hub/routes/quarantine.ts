import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { Id } from '../../protocol/id.js';
import {
  DiscardRequest,
  QUARANTINE_API,
  QuarantineReport,
  type DiscardRecords,
  type QuarantineReportAnswer,
  type StuckApplications,
} from '../../protocol/quarantine.js';
import type { ClerkSessions } from '../auth/clerk-sessions.js';
import type { TerminalAuth } from '../auth/terminal-auth.js';
import type { HubKysely } from '../db/schema.js';
import { requireProvider } from '../fleet/provider-auth.js';
import { HttpError, parseOrThrow } from '../http/errors.js';
import {
  listDiscards,
  listStuck,
  replaceQuarantine,
  requestDiscard,
  requestRetry,
} from '../quarantine/store.js';

/** One item of one terminal's quarantine, as the provider's retry and the clerk's discard name it. */
const ItemParams = z.object({
  terminalId: Id,
  submissionId: z.uuid(),
});

/**
 * Quarantined applications: terminals report what they hold (envelope only), the provider sees
 * every terminal's and can ask for another try, a clerk sees those of the clerk's offices and
 * can discard one that can never be delivered (with a reason, kept in the audit trail).
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
        const { retry, discard } = await replaceQuarantine(db, terminal.id, items, now());
        if (items.length > 0)
          request.log.warn(
            { terminalId: terminal.id, quarantined: items.length },
            'terminal reports quarantine',
          );
        return { retry, discard };
      },
    );

    app.get(
      QUARANTINE_API.provider,
      { onRequest: requireProvider(db, now) },
      async (_request, reply): Promise<StuckApplications> => {
        reply.header('cache-control', 'no-store');
        return { items: await listStuck(db) };
      },
    );

    app.post(
      '/api/v1/provider/quarantine/:terminalId/:submissionId/retry',
      { onRequest: requireProvider(db, now) },
      async (request, reply) => {
        const { terminalId, submissionId } = parseOrThrow(ItemParams, request.params);
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
      QUARANTINE_API.providerDiscards,
      { onRequest: requireProvider(db, now) },
      async (_request, reply): Promise<DiscardRecords> => {
        reply.header('cache-control', 'no-store');
        return { items: await listDiscards(db) };
      },
    );

    app.post(
      '/api/v1/clerk/quarantine/:terminalId/:submissionId/discard',
      { onRequest: sessions.requireClerk },
      async (request, reply) => {
        const { terminalId, submissionId } = parseOrThrow(ItemParams, request.params);
        const { reason } = parseOrThrow(DiscardRequest, request.body);
        const clerk = sessions.clerkOf(request);
        const outcome = await requestDiscard(
          db,
          { officeIds: clerk.officeIds, terminalId, submissionId, reason, clerk: clerk.username },
          now(),
        );
        if (outcome === 'not_found')
          throw new HttpError(404, {
            error: 'not_quarantined',
            message: `No terminal reports ${submissionId} in quarantine for your offices.`,
          });
        request.log.warn(
          { terminalId, submissionId, clerk: clerk.username },
          'quarantined application discarded',
        );
        return reply.status(outcome === 'requested' ? 202 : 200).send();
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
