import type { FastifyPluginAsync } from 'fastify';
import { API } from '../../protocol/api.js';

/** The kiosk's reachability probe: no auth, no database, never cached. */
export function healthRoutes(now: () => Date): FastifyPluginAsync {
  return async (app) => {
    // Every terminal asks every few seconds: logging each one would drown the log.
    app.get(API.health, { logLevel: 'warn' }, async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { status: 'ok', time: now().toISOString() };
    });
  };
}
