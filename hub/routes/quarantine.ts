import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { contract } from '../../protocol/routes/index.js';
import type { ClerkSessions } from '../auth/clerk-sessions.js';
import type { TerminalAuth } from '../auth/terminal-auth.js';
import type { HubKysely } from '../db/schema.js';
import { requireProvider } from '../fleet/provider-auth.js';
import { HttpError } from '../http/errors.js';
import { route } from '../http/route.js';
import {
  listDiscards,
  listStuck,
  replaceQuarantine,
  requestDiscard,
  requestRetry,
} from '../quarantine/store.js';
import { providerReadTenant, providerTenant } from '../fleet/provider-tenants.js';
import { auditProviderAction } from '../admin/provider-actor.js';
import { terminalIdsOf } from '../tenants/store.js';

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
    const routes = contract.quarantine;
    const providerOnly = { guard: requireProvider(db, now) };
    const clerkOnly = { guard: sessions.requireClerk };
    route(app, routes.report, { guard: terminals.authenticate }, async (request) => {
      const { items } = request.body;
      const terminal = terminals.terminalOf(request);
      const { retry, discard } = await replaceQuarantine(db, terminal.id, items, now());
      if (items.length > 0)
        request.log.warn(
          { terminalId: terminal.id, quarantined: items.length },
          'terminal reports quarantine',
        );
      return { retry, discard };
    });

    // The provider sees the quarantine of its tenant's terminals only.
    const terminalsOf = async (request: FastifyRequest<{ Querystring: { tenant?: string } }>) => {
      const { tenantId } = await providerTenant(db, request, request.query.tenant);
      return { tenantId, ids: await terminalIdsOf(db, tenantId) };
    };

    const readTerminals = async (request: FastifyRequest<{ Querystring: { tenant?: string } }>) => {
      const tenantId = await providerReadTenant(db, request, request.query.tenant);
      return tenantId === undefined ? undefined : await terminalIdsOf(db, tenantId);
    };

    route(app, routes.provider, providerOnly, async (request, reply) => {
      const ids = await readTerminals(request);
      reply.header('cache-control', 'no-store');
      return { items: (await listStuck(db)).filter((item) => !ids || ids.has(item.terminalId)) };
    });

    route(app, routes.retry, providerOnly, async (request, reply) => {
      const { tenantId, ids } = await terminalsOf(request);
      const { terminalId, submissionId } = request.params;
      if (!ids.has(terminalId) || !(await requestRetry(db, terminalId, submissionId, now())))
        throw new HttpError(404, {
          error: 'not_quarantined',
          message: `Terminal "${terminalId}" does not report ${submissionId} in quarantine.`,
        });
      request.log.info({ terminalId, submissionId }, 'quarantine retry requested');
      await auditProviderAction(
        db,
        request,
        now(),
        'quarantine.retry',
        `terminal:${terminalId}/submission:${submissionId}`,
        null,
        tenantId,
      );
      return reply.status(202).send();
    });

    route(app, routes.discards, providerOnly, async (request, reply) => {
      const ids = await readTerminals(request);
      reply.header('cache-control', 'no-store');
      return { items: (await listDiscards(db)).filter((item) => !ids || ids.has(item.terminalId)) };
    });

    route(app, routes.discard, clerkOnly, async (request, reply) => {
      const { terminalId, submissionId } = request.params;
      const { reason } = request.body;
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
    });

    route(app, routes.clerk, clerkOnly, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { items: await listStuck(db, sessions.clerkOf(request).officeIds) };
    });
  };
}
