import { describe, expect, it } from 'vitest';
import type { Logger } from '../log.js';
import { nextShellRestart } from '../policy/fleet-shell.js';
import { restartShell, scheduleMaintenanceRestart } from './maintenance-restart.js';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('scheduleMaintenanceRestart', () => {
  it('restarts once, at the start of the next window', () => {
    const now = new Date(2026, 10, 20, 14, 0);
    const timers: { task: () => void; delayMs: number }[] = [];
    let restarts = 0;
    scheduleMaintenanceRestart({
      window: { start: '03:00', end: '04:00' },
      startedAt: new Date(2026, 10, 20, 8, 0),
      now: () => now,
      schedule: (task, delayMs) => {
        timers.push({ task, delayMs });
        return () => undefined;
      },
      restart: () => (restarts += 1),
      log: quiet,
    });
    expect(timers.map((t) => t.delayMs)).toEqual([13 * 60 * 60 * 1000]);
    timers[0]?.task();
    expect(restarts).toBe(1);
  });

  it('follows the signed config’s schedule when one is given', () => {
    const now = new Date('2026-11-21T12:00:00Z'); // Saturday, 13:00 in Berlin
    const timers: number[] = [];
    scheduleMaintenanceRestart({
      window: { start: '03:00', end: '04:00' },
      nextRestart: (at, started) =>
        nextShellRestart(at, started, undefined, {
          timezone: 'Europe/Berlin',
          window: { days: ['sun'], from: '02:00', to: '05:00' },
          restartAt: '04:00',
        }),
      startedAt: new Date('2026-11-01T00:00:00Z'),
      now: () => now,
      schedule: (_task, delayMs) => {
        timers.push(delayMs);
        return () => undefined;
      },
      restart: () => undefined,
      log: quiet,
    });
    // Sunday 04:00 in Berlin is 03:00 UTC: 15 hours after Saturday noon UTC.
    expect(timers).toEqual([15 * 60 * 60 * 1000]);
  });

  it('waits while a video call is on, asking again every 5 minutes inside the window, and skips a day the call outlasts', () => {
    let now = new Date(2026, 10, 20, 3, 50);
    const timers: { task: () => void; delayMs: number }[] = [];
    let restarts = 0;
    let busy = true;
    const lines: string[] = [];
    scheduleMaintenanceRestart({
      window: { start: '03:00', end: '04:00' },
      startedAt: new Date(2026, 10, 19, 8, 0),
      now: () => now,
      schedule: (task, delayMs) => {
        timers.push({ task, delayMs });
        return () => undefined;
      },
      restart: () => (restarts += 1),
      isBusy: () => busy,
      log: { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) },
    });
    expect(timers.map((t) => t.delayMs)).toEqual([0]);
    timers[0]?.task();
    expect(restarts).toBe(0);
    expect(timers[1]?.delayMs).toBe(5 * 60 * 1000);
    now = new Date(2026, 10, 20, 3, 55);
    timers[1]?.task();
    // 04:00 is past the window: no retry today, the next one is tomorrow's start.
    expect(restarts).toBe(0);
    expect(timers[2]?.delayMs).toBe((23 * 60 + 5) * 60 * 1000);
    expect(lines).toContain('maintenance restart skipped today: a video call lasted the whole window');
    busy = false;
    now = new Date(2026, 10, 21, 3, 0);
    timers[2]?.task();
    expect(restarts).toBe(1);
  });
});

describe('a busy restart under a signed schedule', () => {
  it('asks again when the signed policy says, not by the installation window', () => {
    const now = new Date(2026, 10, 22, 4, 0); // outside the installation's 03:00-04:00
    const timers: number[] = [];
    const asked: Date[] = [];
    scheduleMaintenanceRestart({
      window: { start: '03:00', end: '04:00' },
      nextRestart: () => now,
      busyRetry: (at) => {
        asked.push(at);
        return new Date(at.getTime() + 5 * 60 * 1000);
      },
      startedAt: new Date(2026, 10, 19, 8, 0),
      now: () => now,
      schedule: (task, delayMs) => {
        timers.push(delayMs);
        if (timers.length === 1) task();
        return () => undefined;
      },
      restart: () => undefined,
      isBusy: () => true,
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    expect(asked).toEqual([now]);
    expect(timers).toEqual([0, 5 * 60 * 1000]);
  });
});

describe('restartShell', () => {
  it('installs a downloaded update, or else relaunches', () => {
    const calls: string[] = [];
    const updates = (has: boolean) => ({
      hasDownloadedUpdate: () => has,
      installAndRestart: () => calls.push('install'),
    });
    expect(restartShell(updates(true), () => calls.push('relaunch'))).toBe('update');
    expect(restartShell(updates(false), () => calls.push('relaunch'))).toBe('relaunch');
    expect(restartShell(null, () => calls.push('relaunch'))).toBe('relaunch');
    expect(calls).toEqual(['install', 'relaunch', 'relaunch']);
  });
});
