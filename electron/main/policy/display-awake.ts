import { isInClockWindow, localWallClock } from '../../../protocol/clock.js';
import { weeklyClockWindow } from '../../../kiosk-config/shell.js';

/**
 * The display stays on while the terminal is open; outside those hours it may sleep (and saves
 * power and panel life), and a touch wakes it for a while. Without hours it is always on.
 */
export interface WeeklyHours {
  /** 0 = Sunday ... 6 = Saturday, as Date.getDay(). */
  days: readonly number[];
  start: string;
  end: string;
}

/** How long a touch outside opening hours keeps the display on. */
export const WAKE_ON_TOUCH_MS = 5 * 60 * 1000;

export function isOpeningTime(at: Date, hours: readonly WeeklyHours[] | undefined): boolean {
  if (hours === undefined || hours.length === 0) return true;
  return hours.some((entry) => isInClockWindow(localWallClock(at), weeklyClockWindow(entry)));
}

/** Whether the display must be kept awake at `now`, given the last touch (epoch ms, or null). */
export function shouldKeepDisplayAwake(
  now: Date,
  hours: readonly WeeklyHours[] | undefined,
  lastTouchAt: number | null,
): boolean {
  if (isOpeningTime(now, hours)) return true;
  return lastTouchAt !== null && now.getTime() - lastTouchAt < WAKE_ON_TOUCH_MS;
}

/** Pointer movement alone (a cable, a vibrating mount) is no citizen; touches, clicks and keys are. */
export function inputWakesDisplay(inputType: string): boolean {
  return inputType !== 'mouseMove' && inputType !== 'mouseEnter' && inputType !== 'mouseLeave';
}

/** Input is noted at most this often: a touch keeps the display on for minutes, not milliseconds. */
export const TOUCH_NOTE_INTERVAL_MS = 5_000;
