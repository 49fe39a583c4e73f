import type { FastifyPluginAsync } from 'fastify';
import { contract } from '../../protocol/routes/index.js';
import type { HubKysely } from '../db/schema.js';
import { requireProvider } from '../fleet/provider-auth.js';
import { HttpError } from '../http/errors.js';
import { route } from '../http/route.js';
import { listRules, readDeletionLog, setRule, targetExists } from '../retention/store.js';
import { providerReadTenant, providerTenant } from '../fleet/provider-tenants.js';
import { auditProviderAction } from '../admin/provider-actor.js';
import { officeIdsOf } from '../tenants/store.js';

/** Retention rules and the deletion log, for the IT provider (token or provider session). */
export function retentionRoutes(db: HubKysely, now: () => Date): FastifyPluginAsync {
  return async (app) => {
    const routes = contract.retention;
    const guarded = { guard: requireProvider(db, now) };
    app.addHook('onSend', async (_request, reply, payload) => {
      reply.header('cache-control', 'no-store');
      return payload;
    });

    // Rules are kept per tenant; a provider reading the whole hub sees every tenant's.
    const rulesOf = (tenantId: string | undefined) => listRules(db, tenantId);

    route(app, routes.rules, guarded, async (request) => {
      return { rules: await rulesOf(await providerReadTenant(db, request, request.query.tenant)) };
    });

    route(app, routes.setRule, guarded, async (request) => {
      const { tenantId } = await providerTenant(db, request, request.query.tenant);
      const { scope, targetId } = request.params;
      const { days } = request.body;
      // Removing a rule works also after its target is gone; setting one needs the target.
      const known = (await listRules(db, tenantId)).some((r) => r.scope === scope && r.targetId === targetId);
      if (!(await targetExists(db, tenantId, scope, targetId)) && !(days === null && known)) {
        throw new HttpError(404, {
          error: 'not_found',
          message: `targetId: there is no ${scope} ${targetId} on this hub.`,
        });
      }
      await setRule(db, tenantId, scope, targetId, days, now());
      request.log.info({ scope, targetId, days, tenantId }, 'retention rule set');
      await auditProviderAction(
        db,
        request,
        now(),
        'retention.set',
        `${scope}:${targetId}`,
        { days },
        tenantId,
      );
      return { rules: await rulesOf(tenantId) };
    });

    route(app, routes.deletions, guarded, async (request) => {
      const tenantId = await providerReadTenant(db, request, request.query.tenant);
      const deletions = await readDeletionLog(db, request.query.limit);
      if (tenantId === undefined) return { deletions };
      const offices = await officeIdsOf(db, tenantId);
      return { deletions: deletions.filter((entry) => offices.has(entry.officeId)) };
    });
  };
}
