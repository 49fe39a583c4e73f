import type { FastifyInstance } from 'fastify';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const LAG_WINDOW_MS = 10_000;

/**
 * How long the hub itself took for a terminal request (Server-Timing: app;dur=<ms>), and how late
 * its event loop ran lately (lag;dur=<p99 ms of the last 10 s>): time a request waits before the
 * hub even sees it. So a load test or an operator can tell the hub's own time from the machine's,
 * the network's and the client's. Only the terminal routes.
 */
export function installServerTiming(app: FastifyInstance): void {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let lagP99Ms = 0;
  const timer = setInterval(() => {
    lagP99Ms = histogram.percentile(99) / 1e6;
    histogram.reset();
  }, LAG_WINDOW_MS);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    histogram.disable();
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/v1/terminal/') || request.url.startsWith('/api/v1/content'))
      reply.header(
        'server-timing',
        `app;dur=${reply.elapsedTime.toFixed(2)}, lag;dur=${lagP99Ms.toFixed(1)}`,
      );
    return payload;
  });
}
