import { describe, expect, it } from 'vitest';
import {
  shouldReportCrashLoop,
  INITIAL_CRASH_RECOVERY_STATE,
  RECOVERY_MAX_DELAY_MS,
  STABLE_RUN_MS,
  afterCrash,
  afterReady,
  recoveryDelayMs,
} from './crash-recovery.js';

describe('recoveryDelayMs', () => {
  it('doubles from one second and stops at the ceiling', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(recoveryDelayMs)).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
    expect(recoveryDelayMs(1_000)).toBe(RECOVERY_MAX_DELAY_MS);
  });
});

describe('afterCrash', () => {
  it('backs off while the page keeps dying before it becomes stable', () => {
    let state = INITIAL_CRASH_RECOVERY_STATE;
    const delays: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      state = afterReady(state, i * 10_000);
      const next = afterCrash(state, i * 10_000 + 5_000);
      state = next.state;
      delays.push(next.delayMs);
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(state.consecutiveCrashes).toBe(4);
  });

  it('counts a crash that comes before the page was ever ready as part of the loop', () => {
    const first = afterCrash(INITIAL_CRASH_RECOVERY_STATE, 0);
    const second = afterCrash(first.state, 10 * STABLE_RUN_MS);
    expect(second.delayMs).toBe(2_000);
  });

  it('starts over after the page ran stably', () => {
    let state = afterCrash(afterCrash(INITIAL_CRASH_RECOVERY_STATE, 0).state, 1_000).state;
    expect(state.consecutiveCrashes).toBe(2);
    state = afterReady(state, 10_000);
    const next = afterCrash(state, 10_000 + STABLE_RUN_MS);
    expect(next.delayMs).toBe(1_000);
    expect(next.state).toEqual({ consecutiveCrashes: 1, readyAt: null });
  });

  it('forgets the last ready report, so the reloaded page must report again', () => {
    const state = afterReady(INITIAL_CRASH_RECOVERY_STATE, 5);
    expect(afterCrash(state, 10).state.readyAt).toBeNull();
  });
});

describe('shouldReportCrashLoop', () => {
  it('stays quiet for a crash or two, reports the third, then every tenth', () => {
    const reported = Array.from({ length: 30 }, (_, i) => i + 1).filter(shouldReportCrashLoop);
    expect(reported).toEqual([3, 13, 23]);
  });
});
