import {
  BUSY_RETRY_MS,
  busyRetryAt,
  DEFAULT_MAINTENANCE_WINDOW,
  nextMaintenanceRestart,
  type MaintenanceWindow,
} from '../policy/maintenance.js';
import type { Logger } from '../log.js';
import type { UpdateService } from './updater.js';

export interface MaintenanceRestartDeps {
  window: MaintenanceWindow | undefined;
  /** The restart policy to follow instead of the daily window (a signed config's, policy/fleet-shell.ts). */
  nextRestart?: (now: Date, startedAt: Date) => Date;
  /** When to ask a busy terminal again under that policy; null: skip to the next window. */
  busyRetry?: (now: Date) => Date | null;
  startedAt: Date;
  now: () => Date;
  schedule: (task: () => void, delayMs: number) => () => void;
  /** Restarts the shell: installs a downloaded update if there is one, else relaunches. */
  restart: () => void;
  /** A restart now would cut a citizen's video call: wait while it is on. */
  isBusy?: () => boolean;
  log: Logger;
}

/** Node timers overflow after 2^31-1 ms; a longer wait is done in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Schedules the daily restart; returns a function that cancels it. */
export function scheduleMaintenanceRestart(deps: MaintenanceRestartDeps): () => void {
  const window = deps.window ?? DEFAULT_MAINTENANCE_WINDOW;
  let cancel: () => void = () => undefined;
  const arm = (from = deps.now()) => {
    const at = deps.nextRestart
      ? deps.nextRestart(from, deps.startedAt)
      : nextMaintenanceRestart(from, deps.startedAt, window);
    const delay = Math.max(0, at.getTime() - deps.now().getTime());
    if (delay > MAX_TIMER_MS) {
      cancel = deps.schedule(arm, MAX_TIMER_MS);
      return;
    }
    deps.log.info(`maintenance restart scheduled for ${at.toISOString()}`);
    cancel = deps.schedule(fire, delay);
  };
  const fire = () => {
    if (deps.isBusy?.()) {
      const retry = deps.busyRetry ? deps.busyRetry(deps.now()) : busyRetryAt(deps.now(), window);
      if (retry) {
        deps.log.info('maintenance restart postponed: a video call is on');
        cancel = deps.schedule(fire, retry.getTime() - deps.now().getTime());
      } else {
        deps.log.warn('maintenance restart skipped today: a video call lasted the whole window');
        arm(new Date(deps.now().getTime() + BUSY_RETRY_MS));
      }
      return;
    }
    deps.log.info('maintenance window: restarting the shell');
    deps.restart();
  };
  arm();
  return () => cancel();
}

/** The restart itself: a downloaded update is installed by it, otherwise the shell relaunches. */
export function restartShell(
  updates: Pick<UpdateService, 'hasDownloadedUpdate' | 'installAndRestart'> | null,
  relaunch: () => void,
): 'update' | 'relaunch' {
  if (updates?.hasDownloadedUpdate()) {
    updates.installAndRestart();
    return 'update';
  }
  relaunch();
  return 'relaunch';
}
