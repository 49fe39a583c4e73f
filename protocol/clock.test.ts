import { describe, expect, it } from 'vitest';
import { dailyClockWindow, weeklyClockWindow } from '../kiosk-config/shell.js';
import { ClockTime, isInClockRange, isInClockWindow, localWallClock, weekdayOfDayNumber } from './clock.js';

describe('the one vocabulary of clock times and windows', () => {
  it('takes HH:MM on a 24-hour clock only', () => {
    for (const ok of ['00:00', '08:30', '23:59']) expect(ClockTime.safeParse(ok).success).toBe(true);
    for (const bad of ['24:00', '8:30', '08:60', '08:30:00', ' 08:30'])
      expect(ClockTime.safeParse(bad).success).toBe(false);
  });

  it('names Date.getDay() numbers (Sunday 0) by their weekday keys', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(weekdayOfDayNumber)).toEqual([
      'sun',
      'mon',
      'tue',
      'wed',
      'thu',
      'fri',
      'sat',
    ]);
  });

  it('treats a range as [from, to), past midnight when to is earlier, and all day when equal', () => {
    expect(isInClockRange(8 * 60, '08:00', '09:00')).toBe(true);
    expect(isInClockRange(9 * 60, '08:00', '09:00')).toBe(false);
    expect(isInClockRange(23 * 60, '22:00', '02:00')).toBe(true);
    expect(isInClockRange(60, '22:00', '02:00')).toBe(true);
    expect(isInClockRange(12 * 60, '22:00', '02:00')).toBe(false);
    expect(isInClockRange(12 * 60, '03:00', '03:00')).toBe(true);
  });

  it('reads the installation file’s daily and weekly spellings into the same window', () => {
    const friday = new Date(2026, 10, 20, 3, 30);
    expect(isInClockWindow(localWallClock(friday), dailyClockWindow({ start: '03:00', end: '04:00' }))).toBe(
      true,
    );
    const weekdays = weeklyClockWindow({ days: [1, 2, 3, 4, 5], start: '07:00', end: '19:00' });
    expect(weekdays).toEqual({ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '07:00', to: '19:00' });
    expect(isInClockWindow(localWallClock(new Date(2026, 10, 20, 8, 0)), weekdays)).toBe(true);
    expect(isInClockWindow(localWallClock(new Date(2026, 10, 21, 8, 0)), weekdays)).toBe(false);
  });
});
