import type { FastifyPluginAsync } from 'fastify';
import { contract } from '../../protocol/routes/index.js';
import { recordAudit } from '../admin/audit.js';
import { inTransaction } from '../admin/scope.js';
import type { HubKysely } from '../db/schema.js';
import { issueProviderToken, requireProvider } from '../fleet/provider-auth.js';
import { providerIdentity, requireOperator, type ProviderIdentity } from '../fleet/provider-tenants.js';
import { HttpError } from '../http/errors.js';
import { route } from '../http/route.js';
import { createTenant, listTenants, renameTenant, tenantExists } from '../tenants/store.js';

/** Tenants and per-person provider tokens; creating either needs an operator token. */
export function tenantRoutes(db: HubKysely, now: () => Date): FastifyPluginAsync {
  return async (app) => {
    const guarded = { guard: requireProvider(db, now) };
    const routes = contract.tenants;
    const identity = async (request: Parameters<typeof providerIdentity>[1]): Promise<ProviderIdentity> => {
      const provider = await providerIdentity(db, request);
      if (!provider)
        throw new HttpError(401, { error: 'unauthenticated', message: 'This needs a provider token.' });
      return provider;
    };
    const actorOf = (provider: ProviderIdentity) => ({ kind: 'provider' as const, name: provider.name });

    route(app, routes.list, guarded, async (request) => {
      const provider = await identity(request);
      return { tenants: await listTenants(db, provider.operator ? undefined : provider.tenants) };
    });

    route(app, routes.create, guarded, async (request, reply) => {
      const provider = await identity(request);
      requireOperator(provider);
      const at = now().toISOString();
      const tenant = await inTransaction(db, async (trx) => {
        const created = await createTenant(trx, request.body, at);
        const scope = { tenantId: created.id, actor: actorOf(provider), now: at };
        await recordAudit(trx, scope, 'tenant.create', `tenant:${created.id}`, null, created);
        return created;
      });
      request.log.info({ tenantId: tenant.id }, 'tenant created');
      return reply.status(201).send(tenant);
    });

    route(app, routes.rename, guarded, async (request) => {
      const provider = await identity(request);
      requireOperator(provider);
      const from = request.params.tenantId;
      const to = request.body.id;
      const at = now().toISOString();
      return inTransaction(db, async (trx) => {
        await renameTenant(trx, from, to);
        const scope = { tenantId: to, actor: actorOf(provider), now: at };
        await recordAudit(trx, scope, 'tenant.rename', `tenant:${to}`, { id: from }, { id: to });
        const [tenant] = await listTenants(trx, [to]);
        if (!tenant) throw new Error('the renamed tenant vanished');
        return tenant;
      });
    });

    route(app, routes.createToken, guarded, async (request, reply) => {
      const provider = await identity(request);
      requireOperator(provider);
      const { name, tenants } = request.body;
      for (const [index, tenant] of tenants.entries())
        if (!(await tenantExists(db, tenant)))
          throw new HttpError(404, {
            error: 'unknown_tenant',
            message: `tenants.${index}: there is no tenant "${tenant}" on this hub`,
            issues: [{ path: `tenants.${index}`, message: 'unknown tenant' }],
          });
      const at = now();
      const token = await inTransaction(db, async (trx) => {
        const issued = await issueProviderToken(trx, name, tenants, at);
        for (const tenant of tenants)
          await recordAudit(
            trx,
            { tenantId: tenant, actor: actorOf(provider), now: at.toISOString() },
            'provider-token.issue',
            `provider-token:${name}`,
            null,
            { name, tenants },
          );
        return issued;
      });
      return reply.status(201).header('cache-control', 'no-store').send({ name, tenants, token });
    });
  };
}
