import { describe, expect, it } from 'vitest';
import { WAKE_ON_TOUCH_MS, isOpeningTime, shouldKeepDisplayAwake } from './display-awake.js';

// 2026-11-23 is a Monday.
const monday = (hours: number, minutes = 0) => new Date(2026, 10, 23, hours, minutes);
const weekdays = [{ days: [1, 2, 3, 4, 5], start: '07:00', end: '19:00' }];

describe('display awake', () => {
  it('keeps the display on during opening hours only', () => {
    expect(isOpeningTime(monday(7), weekdays)).toBe(true);
    expect(isOpeningTime(monday(18, 59), weekdays)).toBe(true);
    expect(isOpeningTime(monday(19), weekdays)).toBe(false);
    expect(isOpeningTime(new Date(2026, 10, 22, 12), weekdays)).toBe(false);
  });

  it('is always on without configured hours', () => {
    expect(isOpeningTime(monday(3), undefined)).toBe(true);
    expect(isOpeningTime(monday(3), [])).toBe(true);
  });

  it('stays on for a while after a touch outside the hours', () => {
    const night = monday(22);
    expect(shouldKeepDisplayAwake(night, weekdays, null)).toBe(false);
    expect(shouldKeepDisplayAwake(night, weekdays, night.getTime() - 1000)).toBe(true);
    expect(shouldKeepDisplayAwake(night, weekdays, night.getTime() - WAKE_ON_TOUCH_MS)).toBe(false);
  });
});
