import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { contract } from '../../protocol/routes/index.js';
import type { TerminalAuth } from '../auth/terminal-auth.js';
import type { HubKysely } from '../db/schema.js';
import { enroll, normalizeCode } from '../fleet/enrollment.js';
import type { Fleet } from '../fleet/fleet.js';
import { signedConfigFor } from '../fleet/releases.js';
import { HttpError } from '../http/errors.js';
import type { RateLimiter, RateLimits } from '../http/rate-limit.js';
import { route } from '../http/route.js';
import { sha256Hex } from '../util/hash.js';
import { matchesEtag } from './content.js';

/** What a terminal calls: enrollment, its token, heartbeat, its own config, command results. */
export function fleetTerminalRoutes(
  db: HubKysely,
  auth: TerminalAuth,
  fleet: Fleet,
  now: () => Date,
  limiter: RateLimiter,
  limits: RateLimits,
): FastifyPluginAsync {
  return async (app) => {
    const routes = contract.fleetTerminal;
    const guard = auth.authenticate;
    // Guessing codes is bounded before any key is imported or code looked up.
    const limitAddress = async (request: FastifyRequest) =>
      limiter.enforce(`enroll:addr:${request.ip}`, limits.perAddress);
    route(app, routes.enroll, { guard: limitAddress }, async (request, reply) => {
      const body = request.body;
      await limiter.enforce(`enroll:code:${sha256Hex(normalizeCode(body.code))}`, limits.perCredential);
      const enrolled = await enroll(db, body, now());
      request.log.info({ terminalId: enrolled.terminalId }, 'terminal enrolled');
      return reply.status(201).header('cache-control', 'no-store').send(enrolled);
    });

    route(app, routes.token, async (request, reply) => {
      const body = request.body;
      return reply.header('cache-control', 'no-store').send(await fleet.tokens.issue(body, now()));
    });

    route(app, routes.heartbeat, { guard }, async (request) => {
      const heartbeat = request.body;
      const terminal = auth.terminalOf(request);
      const at = now();
      fleet.heartbeats.record(terminal.id, heartbeat, at);
      return {
        configVersion: await fleet.rollout.versionFor(terminal.id, terminal.tenantId),
        commands: await fleet.commands.take(terminal.id, at),
      };
    });

    route(app, routes.config, { guard, logLevel: 'warn' }, async (request, reply) => {
      // Only ever the config signed for the asking terminal: another terminal's id is not a parameter.
      const terminal = auth.terminalOf(request);
      const version = await fleet.rollout.versionFor(terminal.id, terminal.tenantId);
      const signed = version === null ? undefined : await signedConfigFor(db, version, terminal.id);
      if (version === null || signed === undefined)
        throw new HttpError(404, {
          error: 'no_config',
          message: 'No configuration is published for this terminal.',
        });
      const etag = `"config-${version}"`;
      reply.header('etag', etag).header('cache-control', 'no-cache');
      if (matchesEtag(request.headers['if-none-match'], etag)) return reply.status(304).send();
      return reply.type('application/json; charset=utf-8').send(signed);
    });

    route(app, routes.commandResult, { guard }, async (request, reply) => {
      const { id } = request.params;
      const result = request.body;
      await fleet.commands.complete(auth.terminalOf(request).id, id, result, now());
      return reply.status(204).send();
    });
  };
}
