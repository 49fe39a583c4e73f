import {
  DEFAULT_MAINTENANCE_WINDOW,
  nextMaintenanceRestart,
  type MaintenanceWindow,
} from '../policy/maintenance.js';
import type { Logger } from '../log.js';

export interface MaintenanceRestartDeps {
  window: MaintenanceWindow | undefined;
  /** The restart policy to follow instead of the daily window (a signed config's, policy/fleet-shell.ts). */
  nextRestart?: (now: Date, startedAt: Date) => Date;
  startedAt: Date;
  now: () => Date;
  schedule: (task: () => void, delayMs: number) => () => void;
  /** Restarts the shell: installs a downloaded update if there is one, else relaunches. */
  restart: () => void;
  log: Logger;
}

/** Node timers overflow after 2^31-1 ms; a longer wait is done in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Schedules the daily restart; returns a function that cancels it. */
export function scheduleMaintenanceRestart(deps: MaintenanceRestartDeps): () => void {
  const window = deps.window ?? DEFAULT_MAINTENANCE_WINDOW;
  let cancel: () => void = () => undefined;
  const arm = () => {
    const at = deps.nextRestart
      ? deps.nextRestart(deps.now(), deps.startedAt)
      : nextMaintenanceRestart(deps.now(), deps.startedAt, window);
    const delay = Math.max(0, at.getTime() - deps.now().getTime());
    if (delay > MAX_TIMER_MS) {
      cancel = deps.schedule(arm, MAX_TIMER_MS);
      return;
    }
    deps.log.info(`maintenance restart scheduled for ${at.toISOString()}`);
    cancel = deps.schedule(() => {
      deps.log.info('maintenance window: restarting the shell');
      deps.restart();
    }, delay);
  };
  arm();
  return () => cancel();
}
