import { describe, expect, it } from 'vitest';
import type { Logger } from '../log.js';
import { DisplayAwakeService } from './display-awake.js';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

function fakeBlocker() {
  const started = new Set<number>();
  let next = 1;
  return {
    started,
    start: () => {
      started.add(next);
      return next++;
    },
    stop: (id: number) => started.delete(id),
    isStarted: (id: number) => started.has(id),
  };
}

describe('DisplayAwakeService', () => {
  it('holds one blocker during opening hours, releases it after, and wakes for a touch', () => {
    const blocker = fakeBlocker();
    let now = new Date(2026, 10, 23, 12); // a Monday noon
    const service = new DisplayAwakeService(blocker, {
      hours: [{ days: [1], start: '08:00', end: '18:00' }],
      now: () => now,
      log: quiet,
    });
    service.update();
    service.update();
    expect(blocker.started.size).toBe(1);
    now = new Date(2026, 10, 23, 20);
    service.update();
    expect(blocker.started.size).toBe(0);
    service.noteTouch();
    expect(blocker.started.size).toBe(1);
    now = new Date(2026, 10, 23, 21);
    service.update();
    expect(blocker.started.size).toBe(0);
    service.dispose();
  });

  it('wakes for touches, clicks and keys, not for pointer movement, and notes input at most every few seconds', () => {
    const blocker = fakeBlocker();
    let now = new Date(2026, 10, 23, 20); // a Monday evening, outside the hours
    const service = new DisplayAwakeService(blocker, {
      hours: [{ days: [1], start: '08:00', end: '18:00' }],
      now: () => now,
      log: quiet,
    });
    service.update();
    service.noteInput('mouseMove');
    expect(blocker.started.size).toBe(0);
    service.noteInput('touchStart');
    expect(blocker.started.size).toBe(1);
    // A key 2 s after the touch is inside the note interval, so the wake time still counts from
    // the touch: just after it the display may sleep. A later click is noted and wakes it again.
    now = new Date(now.getTime() + 2_000);
    service.noteInput('keyDown');
    now = new Date(now.getTime() + 5 * 60_000 - 1_000);
    service.update();
    expect(blocker.started.size).toBe(0);
    service.noteInput('mouseDown');
    now = new Date(now.getTime() + 4 * 60_000);
    service.update();
    expect(blocker.started.size).toBe(1);
    service.dispose();
  });
});
