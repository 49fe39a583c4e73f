import type { HubKysely } from '../../db/schema.js';
import { emailChannel, webhookChannel, type AlertChannel } from './channels.js';
import { AlertMonitor, type AlertLog } from './monitor.js';
import type { AlertOptions } from './options.js';

/** The monitor the options ask for, or undefined (and a warning) when no channel is configured. */
export function alertMonitorFor(
  db: HubKysely,
  options: AlertOptions,
  log: AlertLog & { warn(message: string): void },
): { monitor: AlertMonitor; intervalMs: number } | undefined {
  const channels: AlertChannel[] = [];
  if (options.webhook) channels.push(webhookChannel(options.webhook));
  if (options.email) channels.push(emailChannel(options.email));
  if (channels.length === 0) {
    log.warn('no --alert-webhook-url or --alert-smtp-url: this hub sends no alerts');
    return undefined;
  }
  log.info({ channels: channels.map((c) => c.name), intervalSeconds: options.intervalSeconds }, 'alerts on');
  const monitor = new AlertMonitor({
    db,
    channels,
    thresholds: options.thresholds,
    repeatMs: options.repeatSeconds * 1000,
    log,
  });
  return { monitor, intervalMs: options.intervalSeconds * 1000 };
}
