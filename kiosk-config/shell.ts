import { z } from 'zod';
import { ClockTime, WEEKDAYS, weekdayOfDayNumber, type ClockWindow } from '../protocol/clock.js';

/*
 * The installation file spells its two windows as it always did; both are read into the one
 * ClockWindow of protocol/clock.ts, in the terminal's local time.
 */

/** A daily window; `end` before `start` runs past midnight. */
export const DailyWindow = z.strictObject({ start: ClockTime, end: ClockTime });
export type DailyWindow = z.infer<typeof DailyWindow>;

/** Days are numbered as Date.getDay(): 0 = Sunday ... 6 = Saturday. */
export const WeeklyHours = z.strictObject({
  days: z.array(z.number().int().min(0).max(6)).min(1).max(7),
  start: ClockTime,
  end: ClockTime,
});
export type WeeklyHours = z.infer<typeof WeeklyHours>;

export const dailyClockWindow = (window: DailyWindow): ClockWindow => ({
  days: WEEKDAYS,
  from: window.start,
  to: window.end,
});

export const weeklyClockWindow = (hours: {
  readonly days: readonly number[];
  start: string;
  end: string;
}): ClockWindow => ({
  days: hours.days.map(weekdayOfDayNumber),
  from: hours.start,
  to: hours.end,
});

/**
 * The scrypt hash of the admin PIN, never the PIN: "scrypt$N$r$p$salt$hash" with base64url salt
 * and hash. `npm run kiosk:pin-hash` makes one.
 */
export const ADMIN_PIN_HASH_PATTERN =
  /^scrypt\$\d{4,8}\$\d{1,2}\$\d{1,2}\$[A-Za-z0-9_-]{16,64}\$[A-Za-z0-9_-]{32,128}$/;

/** What only the Electron shell uses. Every setting is optional; the comment says what its absence means. */
export const ShellSettings = z.strictObject({
  /** Admin exit (corner gesture + PIN). Absent: the gesture does nothing, the kiosk cannot be left. */
  adminPinHash: z
    .string()
    .regex(
      ADMIN_PIN_HASH_PATTERN,
      'adminPinHash must be a scrypt hash made by npm run kiosk:pin-hash, never the PIN',
    )
    .optional(),
  /** The printer for receipts (its system name). Absent: the system's default printer. */
  printerName: z.string().min(1).max(200).optional(),
  /** Daily restart (and update install) window. Absent: 03:00-04:00. */
  maintenanceWindow: DailyWindow.optional(),
  /** When the display must stay on. Absent: always; outside these hours a touch wakes it for a while. */
  displayAwake: z.array(WeeklyHours).max(14).optional(),
  /** The provider's update feed (electron-updater "generic"). Absent: the feed built into the package. */
  updateFeedUrl: z.url({ protocol: /^https$/, message: 'updateFeedUrl must be an https URL' }).optional(),
});
export type ShellSettings = z.infer<typeof ShellSettings>;
