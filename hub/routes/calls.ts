import type { FastifyPluginAsync } from 'fastify';
import { contract } from '../../protocol/routes/index.js';
import { readSnapshot, tenantOfOffice } from '../content/store.js';
import type { ClerkSessions } from '../auth/clerk-sessions.js';
import type { TerminalAuth } from '../auth/terminal-auth.js';
import { readCallLog, readCallRequests, receiveCallRequest } from '../calls/store.js';
import type { HubKysely } from '../db/schema.js';
import { HttpError } from '../http/errors.js';
import { route } from '../http/route.js';

/** Callback requests and appointments from terminals; the call log and those requests for clerks. */
export function callRoutes(
  db: HubKysely,
  terminals: TerminalAuth,
  sessions: ClerkSessions,
  now: () => Date,
): FastifyPluginAsync {
  return async (app) => {
    route(app, contract.calls.request, { guard: terminals.authenticate }, async (request, reply) => {
      const body = request.body;
      const terminal = terminals.terminalOf(request);
      const officeTenant = await tenantOfOffice(db, body.officeId);
      if (officeTenant !== undefined && officeTenant !== terminal.tenantId)
        throw new HttpError(422, {
          error: 'unknown_office',
          message: `officeId: there is no office "${body.officeId}"`,
          issues: [{ path: 'officeId', message: `there is no office "${body.officeId}"` }],
        });
      const outcome = await receiveCallRequest(db, body, terminal.id, now());
      reply.header('cache-control', 'no-store');
      switch (outcome.kind) {
        case 'created':
          request.log.info(
            { requestId: body.id, kind: body.kind, terminalId: terminal.id },
            'call request received',
          );
          return reply.status(201).send(outcome.receipt);
        case 'replayed':
          return reply.status(200).send(outcome.receipt);
        case 'conflict':
          throw new HttpError(409, {
            error: 'idempotency_conflict',
            message: `Request ${body.id} was already received with different content.`,
          });
      }
    });

    const guard = sessions.requireClerk;
    route(app, contract.calls.clerkLog, { guard }, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { calls: await readCallLog(db, sessions.clerkOf(request).officeIds) };
    });

    route(app, contract.calls.clerkDirectory, { guard }, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const snapshot = await readSnapshot(db, sessions.accountOf(request).tenantId);
      return {
        offices: (snapshot?.offices ?? []).map((o) => ({ id: o.id, name: o.name.de })),
        services: (snapshot?.services ?? [])
          .map((s) => ({ id: s.id, name: s.name.de, officeId: s.officeId, hasForm: s.formId !== null }))
          .sort((a, b) => a.name.localeCompare(b.name, 'de')),
      };
    });

    route(app, contract.calls.clerkRequests, { guard }, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { requests: await readCallRequests(db, sessions.clerkOf(request).officeIds) };
    });
  };
}
