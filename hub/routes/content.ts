import type { FastifyPluginAsync } from 'fastify';
import { API } from '../../protocol/api.js';
import type { TerminalAuth } from '../auth/terminal-auth.js';
import { readRevision, readSnapshot } from '../content/store.js';
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
    app.get(API.content, { onRequest: auth.authenticate }, async (request, reply) => {
      // The revision alone decides a 304, so an unchanged catalog costs one tiny query.
      const revision = await readRevision(db);
      if (revision === undefined)
        throw new Error('The content has no revision: the database was never seeded');
      const etag = `"${revision}"`;
      reply.header('etag', etag).header('cache-control', 'no-cache');
      if (matchesEtag(request.headers['if-none-match'], etag)) return reply.status(304).send();
      const snapshot = await readSnapshot(db);
      if (!snapshot) throw new Error('The content vanished while it was read');
      return snapshot;
    });
  };
}
