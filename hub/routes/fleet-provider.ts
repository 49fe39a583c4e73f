import type {} from '@fastify/cookie';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { Release } from '../../kiosk-config/fleet/release.js';
import { Id } from '../../protocol/id.js';
import {
  FLEET_API,
  NewCommand,
  NewEnrollmentCode,
  PROVIDER_COOKIE,
  PROVIDER_COOKIE_PATH,
  Rollout,
} from '../../protocol/fleet.js';
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
import { listReleases, publishRelease, readRelease, setRollout } from '../fleet/releases.js';
import { HttpError, parseOrThrow } from '../http/errors.js';
import type { RateLimiter, RateLimits } from '../http/rate-limit.js';
import { sha256Hex } from '../util/hash.js';

/** A release for 10,000 terminals is ~35 MB of signed JSON; nothing else here is large. */
const RELEASE_BODY_LIMIT = 64 * 1024 * 1024;
const PublishBody = z.strictObject({ release: Release, rollout: Rollout });
const VersionParams = z.object({ version: z.coerce.number().int().positive() });
const TerminalParams = z.object({ id: Id });
const Login = z.strictObject({ token: z.string().min(1).max(500) });
const CommandQuery = z.object({ terminal: z.string().max(64).optional() });

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
    // Counted before the token is even looked up: per address first, then per credential.
    app.post(
      FLEET_API.providerLogin,
      {
        onRequest: async (request) => limiter.enforce(`provider-login:addr:${request.ip}`, limits.perAddress),
      },
      async (request, reply) => {
        const { token } = parseOrThrow(Login, request.body);
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
      },
    );
    app.post(FLEET_API.providerLogout, async (request, reply) => {
      await endProviderSession(db, request.cookies[PROVIDER_COOKIE]);
      reply.clearCookie(PROVIDER_COOKIE, { path: PROVIDER_COOKIE_PATH });
      return reply.status(204).send();
    });

    const guarded = { onRequest: requireProvider(db, now) };

    app.get(FLEET_API.releases, guarded, async () => ({ releases: await listReleases(db) }));

    app.post(FLEET_API.releases, { ...guarded, bodyLimit: RELEASE_BODY_LIMIT }, async (request, reply) => {
      const { release, rollout } = parseOrThrow(PublishBody, request.body);
      const summary = await publishRelease(db, release, rollout, now(), providerKeys);
      fleet.rollout.invalidate();
      await fleet.connectSources.load();
      request.log.info({ version: release.version, rollout }, 'config release published');
      return reply.status(201).send(summary);
    });

    app.get('/api/v1/provider/releases/:version', guarded, async (request) => {
      const { version } = parseOrThrow(VersionParams, request.params);
      return readRelease(db, version);
    });

    app.post('/api/v1/provider/releases/:version/rollout', guarded, async (request, reply) => {
      const { version } = parseOrThrow(VersionParams, request.params);
      const body = request.body as { percent?: unknown } | undefined;
      // Promote with percent 0 and no terminals halts a rollout: allowed here, unlike at publish.
      const rollout =
        body && body.percent === 0 && !('terminals' in body)
          ? { percent: 0, terminals: [] }
          : parseOrThrow(Rollout, request.body);
      await setRollout(db, version, rollout, now());
      fleet.rollout.invalidate();
      request.log.info({ version, rollout }, 'config rollout changed');
      return reply.status(204).send();
    });

    app.get(FLEET_API.terminals, guarded, async () => {
      await fleet.heartbeats.flush();
      return fleetOverview(db, fleet.rollout, now());
    });

    app.get(FLEET_API.stats, guarded, async () => {
      await fleet.heartbeats.flush();
      return fleetStats(db, now());
    });

    app.post('/api/v1/provider/terminals/:id/revoke', guarded, async (request, reply) => {
      const { id } = parseOrThrow(TerminalParams, request.params);
      const updated = await db
        .updateTable('terminals')
        .set({ revoked_at: now().toISOString() })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1)
        throw new HttpError(404, { error: 'terminal_not_found', message: `No active terminal "${id}".` });
      request.log.warn({ terminalId: id }, 'terminal revoked');
      return reply.status(204).send();
    });

    app.post('/api/v1/provider/terminals/:id/commands', guarded, async (request, reply) => {
      const { id } = parseOrThrow(TerminalParams, request.params);
      const { kind, ttlSeconds } = parseOrThrow(NewCommand, request.body);
      return reply.status(201).send(await fleet.commands.create(id, kind, ttlSeconds, now()));
    });

    app.get(FLEET_API.commands, guarded, async (request) => {
      const { terminal } = parseOrThrow(CommandQuery, request.query);
      return { commands: await fleet.commands.list(now(), terminal) };
    });

    app.post(FLEET_API.enrollmentCodes, guarded, async (request, reply) => {
      const body = parseOrThrow(NewEnrollmentCode, request.body);
      return reply
        .status(201)
        .header('cache-control', 'no-store')
        .send(await createEnrollmentCode(db, body, now()));
    });
  };
}
