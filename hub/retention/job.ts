import type { FastifyInstance } from 'fastify';
import type { HubKysely } from '../db/schema.js';
import { applyRetention } from './store.js';

/** Retention periods are days long; an hourly run deletes within an hour of the due time. */
export const RETENTION_INTERVAL_MS = 3_600_000;

/**
 * Runs the retention job when the hub is ready and then every hour, on the hub's injected clock.
 * Each run is a few indexed queries; a failed run is logged and the next one tries again.
 */
export function scheduleRetention(
  app: FastifyInstance,
  db: HubKysely,
  now: () => Date,
  intervalMs: number = RETENTION_INTERVAL_MS,
): void {
  const run = () =>
    applyRetention(db, now()).then(
      (deleted) =>
        deleted.length > 0 &&
        app.log.info({ count: deleted.length }, 'applications deleted after their retention period'),
      (error: unknown) => app.log.error({ err: error }, 'retention job failed'),
    );
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  // Awaited, so a hub that comes up after a long pause is tidy before it answers (errors are logged).
  app.addHook('onReady', async () => {
    await run();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
