import type { FastifyPluginAsync } from 'fastify';
import type { TerminalAuth } from '../auth/terminal-auth.js';
import { NEXT_CHECKPOINT_HEADER } from '../../protocol/content-changes.js';
import { contract } from '../../protocol/routes/index.js';
import { decodeCheckpoint, readChangesJson, type Checkpoint } from '../content/changes.js';
import { readMeta, readRevision, readSnapshot } from '../content/store.js';
import { HttpError } from '../http/errors.js';
import { route } from '../http/route.js';
import type { HubKysely } from '../db/schema.js';

/** True when an If-None-Match header names this ETag (weak or strong) or is "*". */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

export function contentRoutes(db: HubKysely, auth: TerminalAuth): FastifyPluginAsync {
  return async (app) => {
    const guard = auth.authenticate;
    route(app, contract.content.snapshot, { guard }, async (request, reply) => {
      const { tenantId } = auth.terminalOf(request);
      // The revision alone decides a 304, so an unchanged catalog costs one tiny query.
      const revision = await readRevision(db, tenantId);
      if (revision === undefined)
        throw new Error('The content has no revision: the database was never seeded');
      const etag = `"${revision}"`;
      reply.header('etag', etag).header('cache-control', 'no-cache');
      if (matchesEtag(request.headers['if-none-match'], etag)) return reply.status(304).send();
      const snapshot = await readSnapshot(db, tenantId);
      if (!snapshot) throw new Error('The content vanished while it was read');
      return snapshot;
    });

    route(app, contract.content.changes, { guard }, async (request, reply) => {
      const { since, limit } = request.query;
      const { tenantId } = auth.terminalOf(request);
      const meta = await readMeta(db, tenantId);
      if (!meta) throw new Error('The content has no revision: the database was never seeded');
      reply.header('cache-control', 'no-store');
      // Up to date: one tiny answer, no table scanned.
      if (since && matchesEtag(request.headers['if-none-match'], `"${meta.revision}"`)) {
        return reply.status(304).send();
      }
      let checkpoint: Checkpoint | null = null;
      if (since) {
        try {
          checkpoint = decodeCheckpoint(since);
        } catch (error) {
          throw new HttpError(400, { error: 'invalid_checkpoint', message: (error as Error).message });
        }
      }
      const page = await readChangesJson(db, tenantId, checkpoint, limit, meta);
      reply.header('etag', `"${meta.revision}"`).type('application/json; charset=utf-8');
      if (page.hasMore && page.checkpoint) reply.header(NEXT_CHECKPOINT_HEADER, page.checkpoint);
      return reply.send(page.text);
    });
  };
}
