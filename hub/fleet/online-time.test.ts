import { describe, expect, it } from 'vitest';
import { countOnline, type Beat } from './online-time.js';

const T0 = Date.parse('2026-11-21T10:00:00.000Z');
const beatsEvery = (seconds: number, count: number, offsetMs = 0): Beat[] =>
  Array.from({ length: count }, (_, i) => ({
    atMs: T0 + offsetMs + i * seconds * 1000,
    heartbeatSeconds: seconds,
  }));

/**
 * Splits heartbeats round-robin over `instances`, each flushing what it holds in turn, every
 * `flushEvery` heartbeats (hubs flush every second, far more often than terminals heartbeat).
 */
function countSplit(beats: Beat[], instances: number, flushEvery: number): number {
  let stored: number | undefined;
  let total = 0;
  for (let start = 0; start < beats.length; start += flushEvery) {
    const window = beats.slice(start, start + flushEvery);
    for (let i = 0; i < instances; i++) {
      const share = window.filter((_, index) => index % instances === i);
      const { byDay, lastMs } = countOnline(stored, share);
      for (const seconds of byDay.values()) total += seconds;
      stored = lastMs === undefined ? stored : Math.max(stored ?? lastMs, lastMs);
    }
  }
  return total;
}

describe('countOnline', () => {
  it('counts 40 s online as 40 s, whether one, two or three instances took the heartbeats', () => {
    const beats = beatsEvery(1, 41, 370);
    expect(countSplit(beats, 1, 1)).toBe(40);
    expect(countSplit(beats, 2, 2)).toBe(40);
    expect(countSplit(beats, 3, 3)).toBe(40);
    expect(countSplit(beats, 3, 1)).toBe(40);
  });

  it('adds nothing for heartbeats another instance already counted past', () => {
    const later = countOnline(undefined, beatsEvery(10, 3));
    expect(later.lastMs).toBe(T0 + 20_000);
    expect(countOnline(later.lastMs, [{ atMs: T0 + 5_000, heartbeatSeconds: 10 }]).byDay.size).toBe(0);
  });

  it('does not count a gap longer than 2.5 intervals, and splits at midnight by the later beat', () => {
    const gap = countOnline(T0, [{ atMs: T0 + 26_000, heartbeatSeconds: 10 }]);
    expect([...gap.byDay.values()]).toEqual([]);
    const midnight = Date.parse('2026-11-21T23:59:50.000Z');
    const across = countOnline(midnight, [{ atMs: midnight + 20_000, heartbeatSeconds: 10 }]);
    expect(Object.fromEntries(across.byDay)).toEqual({ '2026-11-22': 20 });
  });
});
