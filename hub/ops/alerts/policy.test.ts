import { describe, expect, it } from 'vitest';
import { DEFAULT_ESCALATING, evaluateAlerts, type AlertCondition, type AlertState } from './policy.js';

const T0 = Date.parse('2026-11-21T10:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const policy = { repeatMs: 15 * 60_000, escalating: DEFAULT_ESCALATING };

const silent = (terminal = 't-01', minutes = 12): AlertCondition => ({
  key: `terminal_silent:${terminal}`,
  kind: 'terminal_silent',
  subject: { terminal },
  count: minutes,
});
const quarantine = (count: number): AlertCondition => ({
  key: 'quarantine:t-02',
  kind: 'quarantine',
  subject: { terminal: 't-02' },
  count,
});

/** Runs the policy over a sequence of (minute, conditions); returns every notice with its minute. */
function run(steps: [number, AlertCondition[]][], start: AlertState[] = []) {
  let state = start;
  const told: { minute: number; key: string; status: string; count: number }[] = [];
  for (const [minute, conditions] of steps) {
    const result = evaluateAlerts(state, conditions, at(minute), policy);
    for (const n of result.notices) told.push({ minute, key: n.key, status: n.status, count: n.count });
    state = result.next;
  }
  return { told, state };
}

describe('evaluateAlerts', () => {
  it('fires once when a condition starts and not again while it holds', () => {
    const { told } = run([
      [0, [silent()]],
      [1, [silent('t-01', 13)]],
      [30, [silent('t-01', 42)]],
    ]);
    expect(told).toEqual([{ minute: 0, key: 'terminal_silent:t-01', status: 'firing', count: 12 }]);
  });

  it('sends a recovery notice when the condition clears, then forgets the key', () => {
    const { told, state } = run([
      [0, [silent()]],
      [20, []],
      [40, []],
    ]);
    expect(told.map((t) => [t.minute, t.status])).toEqual([
      [0, 'firing'],
      [20, 'recovered'],
    ]);
    expect(state).toEqual([]);
  });

  it('holds a recovery back until the repeat period has passed since the firing notice', () => {
    const { told } = run([
      [0, [silent()]],
      [5, []],
      [10, []],
      [15, []],
    ]);
    expect(told.map((t) => [t.minute, t.status])).toEqual([
      [0, 'firing'],
      [15, 'recovered'],
    ]);
  });

  it('does not spam for a flapping condition: one notice per period at most', () => {
    const steps: [number, AlertCondition[]][] = [];
    // Up on even minutes, gone on odd ones, for an hour.
    for (let minute = 0; minute < 60; minute++) steps.push([minute, minute % 2 === 0 ? [silent()] : []]);
    const { told } = run(steps);
    expect(told.length).toBeLessThanOrEqual(4);
    expect(told[0]).toMatchObject({ minute: 0, status: 'firing' });
    for (let i = 1; i < told.length; i++)
      expect((told[i]?.minute ?? 0) - (told[i - 1]?.minute ?? 0)).toBeGreaterThanOrEqual(15);
  });

  it('a condition that returns after its recovery fires again only after the repeat period', () => {
    const { told } = run([
      [0, [silent()]],
      [20, []],
      [25, [silent()]],
      [30, [silent()]],
      [35, [silent()]],
    ]);
    expect(told.map((t) => [t.minute, t.status])).toEqual([
      [0, 'firing'],
      [20, 'recovered'],
      [35, 'firing'],
    ]);
  });

  it('tells again when a quarantine grows, rate-limited, but not when it shrinks', () => {
    const { told } = run([
      [0, [quarantine(1)]],
      [5, [quarantine(3)]],
      [15, [quarantine(3)]],
      [16, [quarantine(2)]],
      [40, [quarantine(2)]],
      [41, [quarantine(4)]],
    ]);
    expect(told.map((t) => [t.minute, t.count])).toEqual([
      [0, 1],
      [15, 3],
      [41, 4],
    ]);
  });

  it('does not re-tell a silent terminal because its silence got longer', () => {
    const { told } = run([
      [0, [silent('t-01', 10)]],
      [60, [silent('t-01', 70)]],
    ]);
    expect(told).toHaveLength(1);
  });

  it('keeps alert keys apart', () => {
    const { told } = run([
      [0, [silent('t-01')]],
      [1, [silent('t-01'), silent('t-02')]],
      [20, [silent('t-02')]],
    ]);
    expect(told.map((t) => [t.minute, t.key, t.status])).toEqual([
      [0, 'terminal_silent:t-01', 'firing'],
      [1, 'terminal_silent:t-02', 'firing'],
      [20, 'terminal_silent:t-01', 'recovered'],
    ]);
  });

  it('continues from stored state: an open alert is not fired again, its recovery still comes', () => {
    const first = run([[0, [silent()]]]);
    // As if the hub restarted with the state it had saved.
    const { told } = run(
      [
        [3, [silent()]],
        [20, []],
      ],
      first.state,
    );
    expect(told.map((t) => [t.minute, t.status])).toEqual([[20, 'recovered']]);
  });

  it('keeps a cleared key while its last notice still rate-limits it, without a recovery if none is owed', () => {
    const start: AlertState[] = [
      {
        key: 'terminal_silent:t-01',
        kind: 'terminal_silent',
        subject: { terminal: 't-01' },
        active: true,
        count: 12,
        since: at(0).toISOString(),
        told: 'recovered',
        toldCount: 12,
        lastNoticeAt: at(0).toISOString(),
      },
    ];
    const early = evaluateAlerts(start, [], at(5), policy);
    expect(early.notices).toEqual([]);
    expect(early.next).toHaveLength(1);
    const late = evaluateAlerts(early.next, [], at(16), policy);
    expect(late.notices).toEqual([]);
    expect(late.next).toEqual([]);
  });

  it('notices carry ids and counts only', () => {
    const result = evaluateAlerts([], [silent()], at(0), policy);
    expect(result.notices).toEqual([
      {
        key: 'terminal_silent:t-01',
        kind: 'terminal_silent',
        status: 'firing',
        subject: { terminal: 't-01' },
        count: 12,
        since: at(0).toISOString(),
        at: at(0).toISOString(),
      },
    ]);
  });
});
