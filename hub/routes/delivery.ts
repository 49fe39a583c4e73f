import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { contract } from '../../protocol/routes/index.js';
import type { TerminalAuth } from '../auth/terminal-auth.js';
import type { HubKysely } from '../db/schema.js';
import { listDeliveries } from '../delivery/deliveries.js';
import { findRoute, saveRoute, viewOf } from '../delivery/route-store.js';
import { refreshDestinationKey, type SenderDeps } from '../delivery/sender.js';
import { requireProvider } from '../fleet/provider-auth.js';
import { HttpError } from '../http/errors.js';
import { route } from '../http/route.js';
import { providerReadTenant } from '../fleet/provider-tenants.js';
import { auditProviderAction } from '../admin/provider-actor.js';
import { officeIdsOf } from '../tenants/store.js';

/** Delivery routes per office (provider), the sender's journal (provider), destination keys (terminal). */
export function deliveryRoutes(
  db: HubKysely,
  terminals: TerminalAuth,
  now: () => Date,
  sender: Pick<SenderDeps, 'client'> = {},
): FastifyPluginAsync {
  return async (app) => {
    const routes = contract.delivery;
    const providerOnly = { guard: requireProvider(db, now) };
    // Another municipality's office answers like a missing one; an operator reaches every office.
    const office = async (
      request: FastifyRequest<{ Querystring: { tenant?: string } }>,
      officeId: string,
    ) => {
      const tenantId = await providerReadTenant(db, request, request.query.tenant);
      let query = db.selectFrom('offices').select('tenant_id').where('id', '=', officeId);
      if (tenantId !== undefined) query = query.where('tenant_id', '=', tenantId);
      const row = await query.executeTakeFirst();
      if (!row)
        throw new HttpError(404, { error: 'unknown_office', message: `There is no office "${officeId}".` });
      return row.tenant_id;
    };

    route(app, routes.route, providerOnly, async (request, reply) => {
      const { officeId } = request.params;
      await office(request, officeId);
      reply.header('cache-control', 'no-store');
      return viewOf(officeId, await findRoute(db, officeId));
    });

    route(app, routes.setRoute, providerOnly, async (request, reply) => {
      const { officeId } = request.params;
      const tenantId = await office(request, officeId);
      try {
        await saveRoute(db, officeId, request.body, now());
      } catch (error) {
        throw new HttpError(422, { error: 'invalid_route', message: (error as Error).message });
      }
      let keyProblem: string | null = null;
      if (request.body.kind === 'fit-connect') {
        try {
          await refreshDestinationKey({ db, now, ...sender }, officeId);
        } catch (error) {
          keyProblem = error instanceof Error ? error.message : String(error);
        }
      }
      request.log.info({ officeId, kind: request.body.kind, keyProblem }, 'office delivery route set');
      await auditProviderAction(
        db,
        request,
        now(),
        'delivery.set',
        `office:${officeId}`,
        { kind: request.body.kind },
        tenantId,
      );
      reply.header('cache-control', 'no-store');
      return { route: viewOf(officeId, await findRoute(db, officeId)), keyProblem };
    });

    route(app, routes.deliveries, providerOnly, async (request, reply) => {
      const tenantId = await providerReadTenant(db, request, request.query.tenant);
      const offices = tenantId === undefined ? undefined : await officeIdsOf(db, tenantId);
      reply.header('cache-control', 'no-store');
      return { items: (await listDeliveries(db)).filter((item) => !offices || offices.has(item.officeId)) };
    });

    route(app, routes.keys, { guard: terminals.authenticate }, async (request) => {
      const { tenantId } = terminals.terminalOf(request);
      const rows = await db
        .selectFrom('office_delivery_routes')
        .select(['office_id', 'destination_id', 'encryption_kid', 'encryption_jwk', 'key_fetched_at'])
        .where('office_id', 'in', (eb) =>
          eb.selectFrom('offices').select('id').where('tenant_id', '=', tenantId),
        )
        .where('kind', '=', 'fit-connect')
        .where('encryption_jwk', 'is not', null)
        .orderBy('office_id')
        .execute();
      return {
        keys: rows.map((row) => ({
          officeId: row.office_id,
          destinationId: row.destination_id ?? '',
          kid: row.encryption_kid ?? '',
          jwk: JSON.parse(row.encryption_jwk ?? '{}') as { kty: string; kid: string; n: string; e: string },
          fetchedAt: row.key_fetched_at ?? '',
        })),
      };
    });
  };
}
