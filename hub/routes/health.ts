import type { FastifyPluginAsync } from 'fastify';
import { contract } from '../../protocol/routes/index.js';
import { route } from '../http/route.js';

/** The kiosk's reachability probe: no auth, no database, never cached. */
export function healthRoutes(now: () => Date): FastifyPluginAsync {
  return async (app) => {
    // Every terminal asks every few seconds: logging each one would drown the log.
    route(app, contract.content.health, { logLevel: 'warn' }, async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { status: 'ok' as const, time: now().toISOString() };
    });
  };
}
