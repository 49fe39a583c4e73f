import type { FastifyPluginAsync } from 'fastify';
import { contract } from '../../protocol/routes/index.js';
import { MAX_SUBMISSION_BYTES } from '../../protocol/submission.js';
import type { TerminalAuth } from '../auth/terminal-auth.js';
import type { HubKysely } from '../db/schema.js';
import { HttpError } from '../http/errors.js';
import { route } from '../http/route.js';
import { receiveSubmission } from '../submissions/receive.js';

export function submissionRoutes(db: HubKysely, auth: TerminalAuth, now: () => Date): FastifyPluginAsync {
  return async (app) => {
    route(
      app,
      contract.submissions.create,
      { bodyLimit: MAX_SUBMISSION_BYTES, guard: auth.authenticate },
      async (request, reply) => {
        const body = request.body;
        const terminal = auth.terminalOf(request);
        const outcome = await receiveSubmission(db, body, terminal.id, now());
        reply.header('cache-control', 'no-store');
        switch (outcome.kind) {
          case 'created':
            request.log.info({ submissionId: body.id, terminalId: terminal.id }, 'submission received');
            return reply.status(201).send(outcome.receipt);
          case 'replayed':
            return reply.status(200).send(outcome.receipt);
          case 'idempotency_conflict':
            throw new HttpError(409, {
              error: 'idempotency_conflict',
              message: `Submission ${body.id} was already received with different content.`,
            });
          case 'tracking_code_taken':
            throw new HttpError(409, {
              error: 'tracking_code_taken',
              message: `Tracking code ${body.trackingCode} belongs to another submission.`,
            });
          case 'unknown_form':
            throw new HttpError(422, {
              error: 'unknown_form',
              message: `The hub does not know form ${body.formId} in version ${body.formVersion}.`,
            });
          case 'unknown_service':
            throw new HttpError(422, {
              error: 'unknown_service',
              message: `The hub does not know service ${body.serviceId}.`,
            });
          case 'unknown_key':
            throw new HttpError(422, { error: 'unknown_key', message: outcome.message });
          case 'invalid_encryption':
            throw new HttpError(400, {
              error: outcome.code,
              message: `The submission is not encrypted as required: ${outcome.message}.`,
            });
          case 'attachments_incomplete':
            throw new HttpError(409, {
              error: 'attachments_incomplete',
              message: `Upload the attachments first; the hub does not have all of ${outcome.missing.join(', ')}.`,
            });
        }
      },
    );
  };
}
