import type { FastifyInstance } from 'fastify';
import { deliverDue, type SenderDeps } from './sender.js';

/**
 * Runs the FIT-Connect sender every `intervalMs` while the hub is up, one pass at a time. Rows
 * are claimed in the database, so several hubs on one PostgreSQL do not send one twice.
 */
export function startDeliveryLoop(app: FastifyInstance, deps: SenderDeps, intervalMs: number): void {
  if (intervalMs <= 0) return;
  let running: Promise<void> | undefined;
  const pass = () => {
    if (running) return;
    running = deliverDue(deps)
      .catch((error: unknown) => app.log.error({ err: error }, 'FIT-Connect delivery pass failed'))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(pass, intervalMs);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
}
