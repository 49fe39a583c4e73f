import { describe, expect, it } from 'vitest';
import type { Logger } from '../log.js';
import { scheduleMaintenanceRestart } from './maintenance-restart.js';

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
});
