import { z } from 'zod';

/**
 * The one vocabulary for clock times and windows, for office hours, video hours, maintenance
 * and display hours alike: a clock time is "HH:MM" (24 hours), a weekday is its English
 * three-letter key (Monday first, as ISO 8601), and a window is days plus from/to clock times.
 * Files may spell a window in older ways (kiosk-config/shell.ts); they are read into this one.
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const Weekday = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof Weekday>;

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export const CLOCK_TIME_MESSAGE = 'must be a time of day as HH:MM (24 hours), e.g. 08:30';
export const ClockTime = z.string().regex(CLOCK_TIME, CLOCK_TIME_MESSAGE);

/** Minutes since midnight of a clock time (already checked by ClockTime). */
export function minutesOfClock(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** Days, and the clock range [from, to) on each; `to` before `from` runs past midnight, equal: all day. */
export interface ClockWindow {
  days: readonly Weekday[];
  from: string;
  to: string;
}

/** A moment as a wall clock shows it: which weekday, and minutes since that day's midnight. */
export interface WallClock {
  weekday: Weekday;
  minutes: number;
}

/** Date.getDay() numbers Sunday 0 ... Saturday 6. */
export const weekdayOfDayNumber = (day: number): Weekday => WEEKDAYS[(day + 6) % 7] ?? 'mon';

/** The device's own wall clock (its system time zone). */
export const localWallClock = (at: Date): WallClock => ({
  weekday: weekdayOfDayNumber(at.getDay()),
  minutes: at.getHours() * 60 + at.getMinutes(),
});

/** Whether minutes since midnight lie in [from, to), with the wrap and all-day rules above. */
export function isInClockRange(minutes: number, from: string, to: string): boolean {
  const start = minutesOfClock(from);
  const end = minutesOfClock(to);
  if (start === end) return true;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/** The one test of "inside a window": the wall clock's day is one of the window's, and its time in range. */
export const isInClockWindow = (clock: WallClock, window: ClockWindow): boolean =>
  window.days.includes(clock.weekday) && isInClockRange(clock.minutes, window.from, window.to);
