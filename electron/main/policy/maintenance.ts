import { isInClockWindow, localWallClock, minutesOfClock } from '../../../protocol/clock.js';
import { dailyClockWindow } from '../../../kiosk-config/shell.js';

/**
 * A kiosk that runs for weeks accumulates what no test finds: fragmented memory, a GPU process
 * in a bad state, an update waiting to be installed. It restarts once a day in a quiet window
 * (outside opening hours), where the restart also installs a downloaded update.
 */
export const DEFAULT_MAINTENANCE_WINDOW = { start: '03:00', end: '04:00' } as const;

/** A shell younger than this does not restart again, so a start inside the window cannot loop. */
export const MIN_UPTIME_BEFORE_RESTART_MS = 2 * 60 * 60 * 1000;

export interface MaintenanceWindow {
  start: string;
  end: string;
}

/**
 * When the shell should restart next, as epoch milliseconds: now if it is inside the window and
 * has run long enough, otherwise the window's next start (at least MIN_UPTIME after the start of
 * the shell). Local time, so a window follows daylight saving as the opening hours do.
 */
export function nextMaintenanceRestart(now: Date, startedAt: Date, window: MaintenanceWindow): Date {
  const earliest = new Date(Math.max(now.getTime(), startedAt.getTime() + MIN_UPTIME_BEFORE_RESTART_MS));
  if (isInDailyWindow(earliest, window)) return earliest;
  const startMinutes = minutesOfClock(window.start);
  const candidate = new Date(earliest);
  candidate.setHours(Math.floor(startMinutes / 60), startMinutes % 60, 0, 0);
  if (candidate.getTime() <= earliest.getTime()) candidate.setDate(candidate.getDate() + 1);
  return candidate;
}

/** A busy terminal (a video call on) is asked again this often while the window lasts. */
export const BUSY_RETRY_MS = 5 * 60 * 1000;

/**
 * The restart came due while a citizen is in a call: when to ask again — in BUSY_RETRY_MS if that
 * is still inside the window, otherwise null (skip today; the next window's start is next).
 */
export function busyRetryAt(now: Date, window: MaintenanceWindow): Date | null {
  const retry = new Date(now.getTime() + BUSY_RETRY_MS);
  return isInDailyWindow(retry, window) ? retry : null;
}

/** Whether a moment (local time) lies inside the daily window. */
export const isInMaintenanceWindow = (at: Date, window: MaintenanceWindow) =>
  isInClockWindow(localWallClock(at), dailyClockWindow(window));
const isInDailyWindow = isInMaintenanceWindow;
