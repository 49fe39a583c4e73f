import type { FastifyPluginAsync } from 'fastify';
import { contract } from '../../protocol/routes/index.js';
import type { HubKysely } from '../db/schema.js';
import { requireProvider } from '../fleet/provider-auth.js';
import { HttpError } from '../http/errors.js';
import { route } from '../http/route.js';
import { listRules, readDeletionLog, setRule, targetExists } from '../retention/store.js';

/** Retention rules and the deletion log, for the IT provider (token or provider session). */
export function retentionRoutes(db: HubKysely, now: () => Date): FastifyPluginAsync {
  return async (app) => {
    const routes = contract.retention;
    const guarded = { guard: requireProvider(db, now) };
    app.addHook('onSend', async (_request, reply, payload) => {
      reply.header('cache-control', 'no-store');
      return payload;
    });

    route(app, routes.rules, guarded, async () => ({ rules: await listRules(db) }));

    route(app, routes.setRule, guarded, async (request) => {
      const { scope, targetId } = request.params;
      const { days } = request.body;
      if (days !== null && !(await targetExists(db, scope, targetId))) {
        throw new HttpError(404, {
          error: 'not_found',
          message: `targetId: there is no ${scope} ${targetId} on this hub.`,
        });
      }
      await setRule(db, scope, targetId, days, now());
      request.log.info({ scope, targetId, days }, 'retention rule set');
      return { rules: await listRules(db) };
    });

    route(app, routes.deletions, guarded, async (request) => ({
      deletions: await readDeletionLog(db, request.query.limit),
    }));
  };
}
