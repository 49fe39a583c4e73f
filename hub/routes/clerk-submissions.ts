import type { FastifyPluginAsync } from 'fastify';
import { contract } from '../../protocol/routes/index.js';
import type { ClerkSessions } from '../auth/clerk-sessions.js';
import type { HubKysely } from '../db/schema.js';
import { HttpError } from '../http/errors.js';
import { route } from '../http/route.js';
import { sealedText } from '../submissions/attachments.js';
import { attachmentRefsOf, getSubmission, listSubmissions } from '../submissions/inbox.js';
import { setStatus } from '../submissions/status.js';

/** The clerk's inbox: submissions of the clerk's own offices only. */
export function clerkSubmissionRoutes(
  db: HubKysely,
  sessions: ClerkSessions,
  now: () => Date = () => new Date(),
): FastifyPluginAsync {
  return async (app) => {
    const guard = sessions.requireClerk;
    app.addHook('onSend', async (_request, reply, payload) => {
      reply.header('cache-control', 'no-store');
      return payload;
    });

    route(app, contract.clerk.submissions, { guard }, async (request) => {
      const { status } = request.query;
      const clerk = sessions.clerkOf(request);
      return {
        submissions: await listSubmissions(db, sessions.accountOf(request).tenantId, clerk.officeIds, status),
      };
    });

    route(app, contract.clerk.submission, { guard }, async (request) => {
      const { id } = request.params;
      const { tenantId, officeIds } = sessions.accountOf(request);
      const detail = await getSubmission(db, tenantId, officeIds, id);
      // Another office's submission answers like a missing one: its existence is not the clerk's business.
      if (!detail)
        throw new HttpError(404, { error: 'not_found', message: `There is no submission ${id} for you.` });
      return detail;
    });

    // One sealed attachment as its JWE text; the console decrypts it with the office key.
    route(app, contract.clerk.attachment, { guard }, async (request, reply) => {
      const { id, attachmentId } = request.params;
      const row = await db
        .selectFrom('submissions')
        .select(['office_id', 'attachments'])
        .where('id', '=', id)
        .executeTakeFirst();
      const listed =
        row &&
        sessions.clerkOf(request).officeIds.includes(row.office_id) &&
        attachmentRefsOf(row).some((ref) => ref.id === attachmentId);
      const text = listed ? await sealedText(db, id, attachmentId) : undefined;
      if (!text) {
        throw new HttpError(404, {
          error: 'not_found',
          message: `There is no attachment ${attachmentId} of submission ${id} for you.`,
        });
      }
      return reply.type('application/jose').send(text);
    });

    route(app, contract.clerk.setStatus, { guard }, async (request, reply) => {
      const { id } = request.params;
      const update = request.body;
      const changed = await setStatus(db, sessions.clerkOf(request).officeIds, id, update, now());
      if (!changed)
        throw new HttpError(404, { error: 'not_found', message: `There is no submission ${id} for you.` });
      request.log.info({ submissionId: id, status: update.status }, 'status set');
      return reply.status(204).send();
    });
  };
}
