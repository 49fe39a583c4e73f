import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  CommandResult,
  EnrollRequest,
  FLEET_API,
  Heartbeat,
  TokenRequest,
  type HeartbeatAnswer,
} from '../../protocol/fleet.js';
import type { TerminalAuth } from '../auth/terminal-auth.js';
import type { HubKysely } from '../db/schema.js';
import { enroll, normalizeCode } from '../fleet/enrollment.js';
import type { Fleet } from '../fleet/fleet.js';
import { signedConfigFor } from '../fleet/releases.js';
import { HttpError, parseOrThrow } from '../http/errors.js';
import type { RateLimiter, RateLimits } from '../http/rate-limit.js';
import { sha256Hex } from '../util/hash.js';
import { matchesEtag } from './content.js';

const CommandParams = z.object({ id: z.uuid() });

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
    // Guessing codes is bounded before any key is imported or code looked up.
    const limitAddress = async (request: FastifyRequest) =>
      limiter.enforce(`enroll:addr:${request.ip}`, limits.perAddress);
    app.post(FLEET_API.enroll, { onRequest: limitAddress }, async (request, reply) => {
      const body = parseOrThrow(EnrollRequest, request.body);
      await limiter.enforce(`enroll:code:${sha256Hex(normalizeCode(body.code))}`, limits.perCredential);
      const enrolled = await enroll(db, body, now());
      request.log.info({ terminalId: enrolled.terminalId }, 'terminal enrolled');
      return reply.status(201).header('cache-control', 'no-store').send(enrolled);
    });

    app.post(FLEET_API.terminalToken, async (request, reply) => {
      const body = parseOrThrow(TokenRequest, request.body);
      return reply.header('cache-control', 'no-store').send(await fleet.tokens.issue(body, now()));
    });

    app.post(
      FLEET_API.heartbeat,
      { onRequest: auth.authenticate },
      async (request): Promise<HeartbeatAnswer> => {
        const heartbeat = parseOrThrow(Heartbeat, request.body);
        const terminal = auth.terminalOf(request);
        const at = now();
        fleet.heartbeats.record(terminal.id, heartbeat, at);
        return {
          configVersion: await fleet.rollout.versionFor(terminal.id),
          commands: await fleet.commands.take(terminal.id, at),
        };
      },
    );

    app.get(
      FLEET_API.terminalConfig,
      { onRequest: auth.authenticate, logLevel: 'warn' },
      async (request, reply) => {
        // Only ever the config signed for the asking terminal: another terminal's id is not a parameter.
        const terminal = auth.terminalOf(request);
        const version = await fleet.rollout.versionFor(terminal.id);
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
      },
    );

    app.post(
      '/api/v1/terminal/commands/:id/result',
      { onRequest: auth.authenticate },
      async (request, reply) => {
        const { id } = parseOrThrow(CommandParams, request.params);
        const result = parseOrThrow(CommandResult, request.body);
        await fleet.commands.complete(auth.terminalOf(request).id, id, result, now());
        return reply.status(204).send();
      },
    );
  };
}
