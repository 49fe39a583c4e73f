import {
  isInClockWindow,
  minutesOfClock,
  WEEKDAYS,
  type ClockWindow,
  type Weekday,
} from '../../protocol/clock.js';

/**
 * Clock times of a signed config are wall-clock times in the config's time zone (the provider's
 * terminals may run with their system clock in UTC). Pure functions, shared by the Electron
 * shell (restart) and the kiosk page (reload in Chromium mode, daily full wipe).
 */
export type WeeklyWindow = ClockWindow;

export interface MaintenanceSettings {
  timezone: string;
  window: WeeklyWindow;
  /** Restart at this time on the window's days; null: at the start of the window. */
  restartAt: string | null;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Weekday and minutes since local midnight of `at` in `timeZone`. */
export function zonedMoment(at: Date, timeZone: string): { weekday: Weekday; minutes: number } {
  const parts = formatter(timeZone).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = part('weekday').toLowerCase().slice(0, 3) as Weekday;
  return { weekday, minutes: Number(part('hour')) * 60 + Number(part('minute')) };
}

/** Whether `at` lies in [from, to) on one of the window's days, in `timeZone`. */
export function isInWeeklyWindow(at: Date, timeZone: string, window: WeeklyWindow): boolean {
  return isInClockWindow(zonedMoment(at, timeZone), window);
}

/**
 * The first moment strictly after `after` at which the clock in `timeZone` shows `clock` on one
 * of `days`. A time that does not exist on a day (the hour skipped when daylight saving starts)
 * falls on the next real minute after it.
 */
export function nextOccurrence(
  after: Date,
  timeZone: string,
  clock: string,
  days: readonly Weekday[] = WEEKDAYS,
): Date {
  const target = minutesOfClock(clock);
  const base = Math.floor(after.getTime() / MINUTE) * MINUTE;
  for (let day = 0; day <= 8; day++) {
    const probe = base + day * DAY;
    let candidate = probe + (target - zonedMoment(new Date(probe), timeZone).minutes) * MINUTE;
    // Across a daylight-saving change the offset differs by an hour: correct once.
    const drift = target - zonedMoment(new Date(candidate), timeZone).minutes;
    if (drift !== 0 && Math.abs(drift) <= 120) candidate += drift * MINUTE;
    if (candidate > after.getTime() && days.includes(zonedMoment(new Date(candidate), timeZone).weekday))
      return new Date(candidate);
  }
  // Unreachable with at least one day (the schema requires one); a week later is a safe answer.
  return new Date(after.getTime() + 7 * DAY);
}

/**
 * When a terminal restarts next for maintenance: at `restartAt` on the window's days, or, without
 * one, at the window's start (right away when already inside it) — but never before it has run
 * `minUptimeMs`, so a start inside the window cannot loop.
 */
export function nextMaintenanceRestartAt(
  now: Date,
  startedAt: Date,
  maintenance: MaintenanceSettings,
  minUptimeMs: number,
): Date {
  const earliest = new Date(Math.max(now.getTime(), startedAt.getTime() + minUptimeMs));
  const { timezone, window, restartAt } = maintenance;
  if (restartAt !== null)
    return nextOccurrence(new Date(earliest.getTime() - 1), timezone, restartAt, window.days);
  if (isInWeeklyWindow(earliest, timezone, window)) return earliest;
  return nextOccurrence(earliest, timezone, window.from, window.days);
}
