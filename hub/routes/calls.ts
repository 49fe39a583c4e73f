import type { FastifyPluginAsync } from 'fastify';
import {
  CALL_API,
  CallRequest,
  type CallDirectory,
  type CallLogEntry,
  type StoredCallRequest,
} from '../../protocol/calls.js';
import { readSnapshot } from '../content/store.js';
import type { ClerkSessions } from '../auth/clerk-sessions.js';
import type { TerminalAuth } from '../auth/terminal-auth.js';
import { readCallLog, readCallRequests, receiveCallRequest } from '../calls/store.js';
import type { HubKysely } from '../db/schema.js';
import { HttpError, parseOrThrow } from '../http/errors.js';

/** Callback requests and appointments from terminals; the call log and those requests for clerks. */
export function callRoutes(
  db: HubKysely,
  terminals: TerminalAuth,
  sessions: ClerkSessions,
  now: () => Date,
): FastifyPluginAsync {
  return async (app) => {
    app.post(CALL_API.requests, { onRequest: terminals.authenticate }, async (request, reply) => {
      const body = parseOrThrow(CallRequest, request.body);
      const terminal = terminals.terminalOf(request);
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

    app.get(
      CALL_API.clerkLog,
      { onRequest: sessions.requireClerk },
      async (request, reply): Promise<{ calls: CallLogEntry[] }> => {
        reply.header('cache-control', 'no-store');
        return { calls: await readCallLog(db, sessions.clerkOf(request).officeIds) };
      },
    );

    app.get(
      CALL_API.clerkDirectory,
      { onRequest: sessions.requireClerk },
      async (_request, reply): Promise<CallDirectory> => {
        reply.header('cache-control', 'no-store');
        const snapshot = await readSnapshot(db);
        return {
          offices: (snapshot?.offices ?? []).map((o) => ({ id: o.id, name: o.name.de })),
          services: (snapshot?.services ?? [])
            .map((s) => ({ id: s.id, name: s.name.de, officeId: s.officeId, hasForm: s.formId !== null }))
            .sort((a, b) => a.name.localeCompare(b.name, 'de')),
        };
      },
    );

    app.get(
      CALL_API.clerkRequests,
      { onRequest: sessions.requireClerk },
      async (request, reply): Promise<{ requests: StoredCallRequest[] }> => {
        reply.header('cache-control', 'no-store');
        return { requests: await readCallRequests(db, sessions.clerkOf(request).officeIds) };
      },
    );
  };
}
