import type { FastifyInstance } from 'fastify';

/**
 * How long the hub itself took for a terminal request (Server-Timing: app;dur=<ms>), so a load
 * test or an operator can tell the hub's own time from the network's and the client's. Only the
 * terminal routes; it tells nothing the terminal did not already measure from outside.
 */
export function installServerTiming(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/v1/terminal/') || request.url.startsWith('/api/v1/content'))
      reply.header('server-timing', `app;dur=${reply.elapsedTime.toFixed(2)}`);
    return payload;
  });
}
