import type { FastifyPluginAsync } from 'fastify';
import { MAX_CHUNK_BYTES } from '../../protocol/attachments.js';
import { contract } from '../../protocol/routes/index.js';
import type { TerminalAuth } from '../auth/terminal-auth.js';
import type { HubKysely } from '../db/schema.js';
import { HttpError } from '../http/errors.js';
import { route } from '../http/route.js';
import { CHUNK_TEXT, putChunk, uploadState } from '../submissions/attachments.js';

/**
 * Terminal side of attachment uploads: `GET …/attachments/:attachmentId` says how far the hub
 * got, `PUT …/chunks?offset=N&length=TOTAL` (application/octet-stream) adds the next slice of
 * the sealed attachment. The offset travels in the answer and in an Upload-Offset header.
 */
export function attachmentRoutes(
  db: HubKysely,
  auth: TerminalAuth,
  now: () => Date,
  maxPendingBytes?: number,
): FastifyPluginAsync {
  return async (app) => {
    // Chunks are raw bytes; the parser exists only inside this plugin, so no other route takes them.
    app.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: MAX_CHUNK_BYTES },
      (_request, body, done) => done(null, body),
    );
    app.addHook('onSend', async (_request, reply, payload) => {
      reply.header('cache-control', 'no-store');
      return payload;
    });

    const guard = auth.authenticate;
    route(app, contract.submissions.uploadState, { guard }, async (request, reply) => {
      const { id, attachmentId } = request.params;
      const state = await uploadState(db, id, attachmentId, auth.terminalOf(request).id);
      if (!state) {
        throw new HttpError(404, {
          error: 'not_found',
          message: `The hub has nothing of attachment ${attachmentId} yet; start at offset 0.`,
        });
      }
      reply.header('upload-offset', String(state.offset));
      return state;
    });

    route(
      app,
      contract.submissions.putChunk,
      { bodyLimit: MAX_CHUNK_BYTES, guard },
      async (request, reply) => {
        const { id, attachmentId } = request.params;
        const { offset, length } = request.query;
        if (!Buffer.isBuffer(request.body)) {
          throw new HttpError(415, {
            error: 'unsupported_media_type',
            message: 'A chunk is sent as application/octet-stream.',
          });
        }
        const text = request.body.toString('latin1');
        if (!CHUNK_TEXT.test(text)) {
          throw new HttpError(400, {
            error: 'invalid_encryption',
            message: 'A chunk must be a slice of a JWE in compact serialization (base64url and dots).',
          });
        }
        const terminalId = auth.terminalOf(request).id;
        const outcome = await putChunk(
          db,
          {
            submissionId: id,
            attachmentId,
            terminalId,
            offset,
            length,
            text,
            ...(maxPendingBytes === undefined ? {} : { maxPendingBytes }),
          },
          now(),
        );
        switch (outcome.kind) {
          case 'stored':
            reply.header('upload-offset', String(outcome.state.offset));
            if (outcome.state.complete) {
              request.log.info({ submissionId: id, attachmentId, terminalId, length }, 'attachment received');
            }
            return outcome.state;
          case 'offset_mismatch':
            throw new HttpError(
              409,
              {
                error: 'offset_mismatch',
                message: `The hub has ${outcome.state.offset} bytes of this attachment; send from there.`,
              },
              { 'upload-offset': String(outcome.state.offset) },
            );
          case 'length_mismatch':
            throw new HttpError(409, {
              error: 'length_mismatch',
              message: `This attachment was announced with ${outcome.state.length} bytes, not ${length}.`,
            });
          case 'overflow':
            throw new HttpError(400, {
              error: 'invalid_request',
              message: `The chunk ends after the announced length of ${length} bytes.`,
            });
          case 'not_found':
            throw new HttpError(404, {
              error: 'not_found',
              message: `Attachment ${attachmentId} belongs to another terminal.`,
            });
          case 'submission_closed':
            throw new HttpError(409, {
              error: 'submission_closed',
              message: `Submission ${id} was already received; it takes no new attachments.`,
            });
          case 'quota_exceeded':
            // 507: the terminal keeps the attachment and tries again later (it retries every 5xx).
            throw new HttpError(507, {
              error: 'upload_quota_exceeded',
              message: `This terminal already holds ${outcome.pendingBytes} bytes of uploads that no submission lists; at most ${outcome.maxPendingBytes} are allowed. Send the waiting submissions first.`,
            });
          case 'invalid_encryption':
            throw new HttpError(400, {
              error: outcome.code,
              message: `The attachment is not encrypted as required: ${outcome.message}.`,
            });
        }
      },
    );
  };
}
