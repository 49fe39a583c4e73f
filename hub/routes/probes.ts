import type { FastifyPluginAsync } from 'fastify';
import { contract } from '../../protocol/routes/index.js';
import type { HubKysely } from '../db/schema.js';
import { HttpError } from '../http/errors.js';
import { route } from '../http/route.js';
import { requireProvider } from '../fleet/provider-auth.js';
import { providerIdentity, requireOperator } from '../fleet/provider-tenants.js';
import { Drain } from '../ops/drain.js';
import { databaseRoundTripMs, type HubMetrics } from '../ops/metrics.js';

/** Longest the readiness probe waits for the database before it says not ready. */
export const READY_TIMEOUT_MS = 2_000;

/**
 * `/metrics` gives the provider's Prometheus its figures. `/livez` answers while the process runs; `/readyz` only while the database answers a query
 * (so a balancer takes an instance whose database is gone out of rotation) and not while it drains
 * after SIGTERM. While the hub closes, Fastify answers 503 to both by itself.
 */
export function probeRoutes(
  db: HubKysely,
  metrics: HubMetrics,
  now: () => Date,
  drain: Drain = new Drain(),
): FastifyPluginAsync {
  return async (app) => {
    // Prometheus sends the provider token as a bearer credential (authorization in scrape_config).
    route(
      app,
      contract.probes.metrics,
      { guard: requireProvider(db, now), logLevel: 'warn' },
      async (request, reply) => {
        // The figures are the whole hub's (offices of every municipality): operator tokens only.
        const provider = await providerIdentity(db, request);
        if (!provider) throw new Error('metrics reached without a provider');
        requireOperator(provider);
        return reply.type('text/plain; version=0.0.4; charset=utf-8').send(await metrics.render());
      },
    );
    app.addHook('onSend', async (_request, reply, payload) => {
      reply.header('cache-control', 'no-store');
      return payload;
    });
    route(app, contract.probes.live, { logLevel: 'warn' }, async () => ({ status: 'live' as const }));
    route(app, contract.probes.ready, { logLevel: 'warn' }, async () => {
      // Stopping: the balancer takes this instance out of rotation while it still serves.
      if (drain.isDraining)
        throw new HttpError(503, {
          error: 'not_ready',
          message: 'This hub instance is stopping; another instance takes its requests.',
        });
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        const databaseMs = await Promise.race([
          databaseRoundTripMs(db),
          new Promise<never>((_resolve, reject) => {
            timer = setTimeout(
              () => reject(new Error(`no answer within ${READY_TIMEOUT_MS} ms`)),
              READY_TIMEOUT_MS,
            );
          }),
        ]);
        return { status: 'ready' as const, databaseMs: Math.round(databaseMs * 10) / 10 };
      } catch (error) {
        throw new HttpError(503, {
          error: 'not_ready',
          message: `The database does not answer: ${error instanceof Error ? error.message : String(error)}`,
        });
      } finally {
        clearTimeout(timer);
      }
    });
  };
}
