import type {} from '@fastify/cookie';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { PROVIDER_COOKIE, PROVIDER_COOKIE_PATH } from '../../protocol/fleet.js';
import { contract } from '../../protocol/routes/index.js';
import { auditProviderAction } from '../admin/provider-actor.js';
import type { HubKysely } from '../db/schema.js';
import { createEnrollmentCode } from '../fleet/enrollment.js';
import type { Fleet } from '../fleet/fleet.js';
import { fleetOverview, fleetStats } from '../fleet/overview.js';
import {
  endProviderSession,
  isProviderToken,
  requireProvider,
  startProviderSession,
} from '../fleet/provider-auth.js';
import type { ProviderKeySource } from '../fleet/provider-keys.js';
import { providerReadTenant, providerTenant } from '../fleet/provider-tenants.js';
import { listReleases, publishRelease, readRelease, setRollout } from '../fleet/releases.js';
import { HttpError } from '../http/errors.js';
import type { RateLimiter, RateLimits } from '../http/rate-limit.js';
import { route } from '../http/route.js';
import { sha256Hex } from '../util/hash.js';

/** A release for 10,000 terminals is ~35 MB of signed JSON; nothing else here is large. */
const RELEASE_BODY_LIMIT = 64 * 1024 * 1024;

/** What the provider (CLI and fleet console) calls; every route needs a provider token. */
export function fleetProviderRoutes(
  db: HubKysely,
  fleet: Fleet,
  now: () => Date,
  limiter: RateLimiter,
  limits: RateLimits,
  providerKeys: ProviderKeySource,
): FastifyPluginAsync {
  return async (app) => {
    const routes = contract.fleetProvider;
    // Counted before the token is even looked up: per address first, then per credential.
    const limitAddress = async (request: FastifyRequest) =>
      limiter.enforce(`provider-login:addr:${request.ip}`, limits.perAddress);
    route(app, routes.login, { guard: limitAddress }, async (request, reply) => {
      const { token } = request.body;
      await limiter.enforce(`provider-login:token:${sha256Hex(token)}`, limits.perCredential);
      if (!(await isProviderToken(db, token)))
        throw new HttpError(401, {
          error: 'unauthenticated',
          message: 'This provider token is unknown or revoked.',
        });
      // The cookie is a session of its own; the API token never leaves the login request.
      const session = await startProviderSession(db, token, now());
      reply.setCookie(PROVIDER_COOKIE, session.sessionId, {
        httpOnly: true,
        sameSite: 'strict',
        path: PROVIDER_COOKIE_PATH,
        secure: request.protocol === 'https',
        maxAge: session.maxAgeSeconds,
      });
      return reply.status(204).header('cache-control', 'no-store').send();
    });
    route(app, routes.logout, async (request, reply) => {
      await endProviderSession(db, request.cookies[PROVIDER_COOKIE]);
      reply.clearCookie(PROVIDER_COOKIE, { path: PROVIDER_COOKIE_PATH });
      return reply.status(204).send();
    });

    const guarded = { guard: requireProvider(db, now) };
    // Every route below works on one tenant, which the token must run (hub/fleet/provider-tenants.ts).
    const tenantOf = async (request: FastifyRequest<{ Querystring: { tenant?: string } }>) =>
      (await providerTenant(db, request, request.query.tenant)).tenantId;
    const readTenantOf = (request: FastifyRequest<{ Querystring: { tenant?: string } }>) =>
      providerReadTenant(db, request, request.query.tenant);
    const audit = (
      request: FastifyRequest,
      tenantId: string,
      action: string,
      target: string,
      after: unknown,
    ) => auditProviderAction(db, request, now(), action, target, after, tenantId);

    route(app, routes.releases, guarded, async (request) => ({
      releases: await listReleases(db, await readTenantOf(request)),
    }));

    route(app, routes.publish, { ...guarded, bodyLimit: RELEASE_BODY_LIMIT }, async (request, reply) => {
      const tenantId = await tenantOf(request);
      const { release, rollout } = request.body;
      const summary = await publishRelease(db, release, rollout, now(), providerKeys, tenantId);
      fleet.rollout.invalidate();
      await fleet.connectSources.load();
      request.log.info({ version: release.version, rollout, tenantId }, 'config release published');
      await audit(request, tenantId, 'release.publish', `release:${release.version}`, {
        version: release.version,
        rollout,
      });
      return reply.status(201).send(summary);
    });

    route(app, routes.release, guarded, async (request) => {
      const { version } = request.params;
      return readRelease(db, version, await readTenantOf(request));
    });

    route(app, routes.rollout, guarded, async (request, reply) => {
      const tenantId = await tenantOf(request);
      const { version } = request.params;
      // Promote with percent 0 and no terminals halts a rollout: allowed here, unlike at publish.
      const rollout = request.body;
      await setRollout(db, version, rollout, now(), tenantId);
      fleet.rollout.invalidate();
      request.log.info({ version, rollout, tenantId }, 'config rollout changed');
      await audit(request, tenantId, 'release.rollout', `release:${version}`, { rollout });
      return reply.status(204).send();
    });

    route(app, routes.terminals, guarded, async (request) => {
      const tenantId = await readTenantOf(request);
      await fleet.heartbeats.flush();
      return fleetOverview(db, fleet.rollout, now(), tenantId);
    });

    route(app, routes.stats, guarded, async (request) => {
      const tenantId = await readTenantOf(request);
      await fleet.heartbeats.flush();
      return fleetStats(db, now(), undefined, tenantId);
    });

    route(app, routes.revoke, guarded, async (request, reply) => {
      const tenantId = await tenantOf(request);
      const { id } = request.params;
      const updated = await db
        .updateTable('terminals')
        .set({ revoked_at: now().toISOString() })
        .where('id', '=', id)
        .where('tenant_id', '=', tenantId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1)
        throw new HttpError(404, { error: 'terminal_not_found', message: `No active terminal "${id}".` });
      request.log.warn({ terminalId: id, tenantId }, 'terminal revoked');
      await audit(request, tenantId, 'terminal.revoke', `terminal:${id}`, null);
      return reply.status(204).send();
    });

    route(app, routes.createCommand, guarded, async (request, reply) => {
      const tenantId = await tenantOf(request);
      const { id } = request.params;
      const { kind, ttlSeconds } = request.body;
      const command = await fleet.commands.create(id, kind, ttlSeconds, now(), tenantId);
      await audit(request, tenantId, 'terminal.command', `terminal:${id}`, { kind, ttlSeconds });
      return reply.status(201).send(command);
    });

    route(app, routes.commands, guarded, async (request) => {
      const tenantId = await readTenantOf(request);
      const { terminal } = request.query;
      return { commands: await fleet.commands.list(now(), terminal, tenantId) };
    });

    route(app, routes.enrollmentCode, guarded, async (request, reply) => {
      const tenantId = await tenantOf(request);
      const body = request.body;
      const code = await createEnrollmentCode(db, body, now(), tenantId);
      // The code itself is a credential: the log says that one was made, for whom, not what it is.
      await audit(request, tenantId, 'terminal.enrollment-code', `terminal:${body.terminalId}`, {
        name: body.name,
        ttlMinutes: body.ttlMinutes,
      });
      return reply.status(201).header('cache-control', 'no-store').send(code);
    });
  };
}
