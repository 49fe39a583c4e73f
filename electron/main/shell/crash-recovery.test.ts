import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../log.js';
import { STABLE_RUN_MS, UNRESPONSIVE_GRACE_MS } from '../policy/crash-recovery.js';
import { attachCrashRecovery, type RecoverableWindow } from './crash-recovery.js';

function setUp() {
  const crashLoops: number[] = [];
  let killed = 0;
  let now = 0;
  let destroyed = false;
  const loads: string[] = [];
  const timers: { task: () => void; delayMs: number; cancelled: boolean }[] = [];
  const lines: string[] = [];
  const log: Logger = { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
  const webContents = Object.assign(new EventEmitter(), {
    loadURL: (url: string) => {
      loads.push(url);
      return Promise.resolve();
    },
    forcefullyCrashRenderer: () => {
      killed += 1;
    },
  });
  const window = { isDestroyed: () => destroyed, webContents } as unknown as RecoverableWindow;
  const recovery = attachCrashRecovery(window, {
    entryUrl: 'app://kiosk/kiosk/index.html',
    now: () => now,
    schedule: (task, delayMs) => {
      const timer = { task, delayMs, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    log,
    onCrashLoop: (facts) => crashLoops.push(facts.consecutiveCrashes),
  });
  return {
    crashLoops,
    killed: () => killed,
    recovery,
    loads,
    timers,
    lines,
    webContents,
    crash: (reason = 'crashed') => webContents.emit('render-process-gone', {}, { reason, exitCode: 139 }),
    runDue: () => {
      for (const timer of timers.splice(0)) if (!timer.cancelled) timer.task();
    },
    advance: (ms: number) => {
      now += ms;
    },
    destroy: () => {
      destroyed = true;
    },
  };
}

describe('attachCrashRecovery', () => {
  it('loads the entry URL again after a crash, backing off while it keeps crashing', () => {
    const t = setUp();
    t.crash('oom');
    expect(t.timers.map((timer) => timer.delayMs)).toEqual([1_000]);
    expect(t.loads).toEqual([]);
    t.runDue();
    expect(t.loads).toEqual(['app://kiosk/kiosk/index.html']);
    t.crash();
    t.crash();
    expect(t.timers.map((timer) => timer.delayMs)).toEqual([2_000, 4_000]);
    expect(t.lines[0]).toBe(
      'page renderer gone (oom, exit code 139); crash 1 in a row, reloading in 1000 ms',
    );
  });

  it('keeps one pending reload when crashes pile up', () => {
    const t = setUp();
    t.crash();
    t.crash();
    t.runDue();
    expect(t.loads).toHaveLength(1);
  });

  it('starts over after the page reported ready and ran stably', () => {
    const t = setUp();
    t.crash();
    t.crash();
    t.runDue();
    t.recovery.markReady();
    t.advance(STABLE_RUN_MS);
    t.crash();
    expect(t.timers.at(-1)?.delayMs).toBe(1_000);
  });

  it('does nothing for a window that is gone', () => {
    const t = setUp();
    t.crash();
    t.destroy();
    t.runDue();
    t.crash();
    expect(t.loads).toEqual([]);
    expect(t.timers).toEqual([]);
  });

  it('tells the hub about a crash loop on the third crash in a row, not before', () => {
    const t = setUp();
    t.crash();
    t.crash();
    expect(t.crashLoops).toEqual([]);
    t.crash();
    expect(t.crashLoops).toEqual([3]);
    for (let i = 0; i < 10; i += 1) t.crash();
    expect(t.crashLoops).toEqual([3, 13]);
  });

  it('kills a renderer that stays unresponsive, and spares one that recovers', () => {
    const t = setUp();
    t.webContents.emit('unresponsive');
    t.webContents.emit('unresponsive');
    expect(t.timers.map((timer) => timer.delayMs)).toEqual([UNRESPONSIVE_GRACE_MS]);
    t.runDue();
    expect(t.killed()).toBe(1);

    t.webContents.emit('unresponsive');
    t.webContents.emit('responsive');
    t.runDue();
    expect(t.killed()).toBe(1);
  });

  it('lets go of the window and its pending reload when disposed', () => {
    const t = setUp();
    t.crash();
    t.recovery.dispose();
    t.runDue();
    expect(t.loads).toEqual([]);
    expect(t.webContents.listenerCount('render-process-gone')).toBe(0);
    expect(t.webContents.listenerCount('unresponsive')).toBe(0);
  });
});
