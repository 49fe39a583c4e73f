import type { FastifyPluginAsync } from 'fastify';
import { contract } from '../../protocol/routes/index.js';
import type { HubKysely } from '../db/schema.js';
import { requireProvider } from '../fleet/provider-auth.js';
import { HttpError } from '../http/errors.js';
import { route } from '../http/route.js';
import { listRules, readDeletionLog, setRule, targetExists } from '../retention/store.js';
import { providerReadTenant, providerTenant } from '../fleet/provider-tenants.js';
import { auditProviderAction } from '../admin/provider-actor.js';
import { formIdsOf, officeIdsOf } from '../tenants/store.js';

/** Retention rules and the deletion log, for the IT provider (token or provider session). */
export function retentionRoutes(db: HubKysely, now: () => Date): FastifyPluginAsync {
  return async (app) => {
    const routes = contract.retention;
    const guarded = { guard: requireProvider(db, now) };
    app.addHook('onSend', async (_request, reply, payload) => {
      reply.header('cache-control', 'no-store');
      return payload;
    });

    // A rule names an office (unique on the hub) or a form id; the provider sees its tenant's.
    const rulesOf = async (tenantId: string | undefined) => {
      if (tenantId === undefined) return listRules(db);
      const [offices, forms] = await Promise.all([officeIdsOf(db, tenantId), formIdsOf(db, tenantId)]);
      return (await listRules(db)).filter((rule) =>
        rule.scope === 'office' ? offices.has(rule.targetId) : forms.has(rule.targetId),
      );
    };
    const inTenant = async (tenantId: string, scope: 'office' | 'form', targetId: string) =>
      (scope === 'office' ? await officeIdsOf(db, tenantId) : await formIdsOf(db, tenantId)).has(targetId);

    route(app, routes.rules, guarded, async (request) => {
      return { rules: await rulesOf(await providerReadTenant(db, request, request.query.tenant)) };
    });

    route(app, routes.setRule, guarded, async (request) => {
      const { tenantId } = await providerTenant(db, request, request.query.tenant);
      const { scope, targetId } = request.params;
      const { days } = request.body;
      if (
        !(await inTenant(tenantId, scope, targetId)) ||
        (days !== null && !(await targetExists(db, scope, targetId)))
      ) {
        throw new HttpError(404, {
          error: 'not_found',
          message: `targetId: there is no ${scope} ${targetId} on this hub.`,
        });
      }
      await setRule(db, scope, targetId, days, now());
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
