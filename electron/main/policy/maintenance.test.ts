import { describe, expect, it } from 'vitest';
import { MIN_UPTIME_BEFORE_RESTART_MS, nextMaintenanceRestart, busyRetryAt } from './maintenance.js';

const window = { start: '03:00', end: '04:00' };
const at = (day: number, hours: number, minutes = 0) => new Date(2026, 10, day, hours, minutes);
const longAgo = at(1, 0);

describe('nextMaintenanceRestart', () => {
  it('restarts at the next window start', () => {
    expect(nextMaintenanceRestart(at(20, 14), longAgo, window)).toEqual(at(21, 3));
    expect(nextMaintenanceRestart(at(20, 2, 59), longAgo, window)).toEqual(at(20, 3));
  });

  it('restarts at once inside the window when the shell has run long enough', () => {
    expect(nextMaintenanceRestart(at(20, 3, 30), longAgo, window)).toEqual(at(20, 3, 30));
  });

  it('does not restart again right after a restart inside the window', () => {
    const startedAt = at(20, 3, 1);
    const next = nextMaintenanceRestart(at(20, 3, 2), startedAt, window);
    expect(next).toEqual(at(21, 3));
    expect(next.getTime() - startedAt.getTime()).toBeGreaterThan(MIN_UPTIME_BEFORE_RESTART_MS);
  });

  it('handles a window across midnight', () => {
    const overnight = { start: '23:30', end: '00:30' };
    expect(nextMaintenanceRestart(at(20, 0, 10), longAgo, overnight)).toEqual(at(20, 0, 10));
    expect(nextMaintenanceRestart(at(20, 12), longAgo, overnight)).toEqual(at(20, 23, 30));
  });

  it('asks a busy terminal again in 5 minutes while that is inside the window, else gives up for the day', () => {
    const window = { start: '03:00', end: '04:00' };
    expect(busyRetryAt(new Date(2026, 10, 20, 3, 10), window)).toEqual(new Date(2026, 10, 20, 3, 15));
    expect(busyRetryAt(new Date(2026, 10, 20, 3, 56), window)).toBeNull();
  });
});
