import { describe, expect, it } from 'vitest';
import { isInWeeklyWindow, nextMaintenanceRestartAt, nextOccurrence, zonedMoment } from './schedule.js';

const BERLIN = 'Europe/Berlin';
const HOUR = 3_600_000;

describe('clock times in the config time zone', () => {
  it('reads weekday and minutes in the zone, not in the machine clock', () => {
    // 2026-11-22 is a Sunday; 01:30 UTC is 02:30 in Berlin (winter time).
    expect(zonedMoment(new Date('2026-11-22T01:30:00Z'), BERLIN)).toEqual({ weekday: 'sun', minutes: 150 });
    expect(zonedMoment(new Date('2026-11-22T01:30:00Z'), 'America/New_York')).toEqual({
      weekday: 'sat',
      minutes: 20 * 60 + 30,
    });
  });

  it('finds the next matching day and time', () => {
    const after = new Date('2026-11-21T12:00:00Z'); // Saturday 13:00 in Berlin
    expect(nextOccurrence(after, BERLIN, '04:00', ['sun']).toISOString()).toBe('2026-11-22T03:00:00.000Z');
    expect(nextOccurrence(after, BERLIN, '14:00').toISOString()).toBe('2026-11-21T13:00:00.000Z');
    expect(nextOccurrence(after, BERLIN, '13:00').toISOString()).toBe('2026-11-22T12:00:00.000Z');
  });

  it('keeps the wall-clock time across a daylight-saving change', () => {
    // Summer time ends on 2026-10-25: 03:00 on the 24th is 01:00 UTC, on the 25th 02:00 UTC.
    const after = new Date('2026-10-24T12:00:00Z');
    expect(nextOccurrence(after, BERLIN, '03:00').toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it('knows whether a moment lies in the weekly window', () => {
    const window = { days: ['sun'] as const, from: '02:00', to: '05:00' };
    expect(isInWeeklyWindow(new Date('2026-11-22T01:30:00Z'), BERLIN, window)).toBe(true);
    expect(isInWeeklyWindow(new Date('2026-11-22T04:00:00Z'), BERLIN, window)).toBe(false);
    expect(isInWeeklyWindow(new Date('2026-11-21T01:30:00Z'), BERLIN, window)).toBe(false);
  });
});

describe('maintenance restart', () => {
  const maintenance = {
    timezone: BERLIN,
    window: { days: ['sun'] as const, from: '02:00', to: '05:00' },
    restartAt: '04:00',
  };
  const longAgo = new Date('2026-11-01T00:00:00Z');

  it('restarts at restartAt on a day of the window', () => {
    const at = nextMaintenanceRestartAt(new Date('2026-11-21T12:00:00Z'), longAgo, maintenance, 2 * HOUR);
    expect(at.toISOString()).toBe('2026-11-22T03:00:00.000Z');
  });

  it('without restartAt restarts at the window start, or at once inside the window', () => {
    const open = { ...maintenance, restartAt: null };
    expect(
      nextMaintenanceRestartAt(new Date('2026-11-21T12:00:00Z'), longAgo, open, 2 * HOUR).toISOString(),
    ).toBe('2026-11-22T01:00:00.000Z');
    const inside = new Date('2026-11-22T02:10:00Z');
    expect(nextMaintenanceRestartAt(inside, longAgo, open, 2 * HOUR)).toEqual(inside);
  });

  it('does not restart a shell that has just started, so a start in the window cannot loop', () => {
    const now = new Date('2026-11-22T02:59:00Z'); // 03:59 Berlin, one minute before restartAt
    const at = nextMaintenanceRestartAt(now, now, maintenance, 2 * HOUR);
    expect(at.toISOString()).toBe('2026-11-29T03:00:00.000Z');
  });
});
