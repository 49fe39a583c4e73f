import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrateToLatest } from '../../db/migrate.js';
import { openDatabase } from '../../db/open.js';
import type { HubKysely } from '../../db/schema.js';
import { insertTerminals } from '../../testing/fleet.js';
import type { AlertChannel } from './channels.js';
import { AlertMonitor } from './monitor.js';
import type { AlertNotice } from './policy.js';
import { loadAlertState, saveAlertState } from './store.js';

const NOW = new Date('2026-11-21T10:00:00.000Z');
const thresholds = { silentAfterMs: 10 * 60_000, quarantineAbove: 0, deliveryAfterMs: 86_400_000 };
const quiet = { info: () => undefined, error: () => undefined };
let dataDir: string;
let db: HubKysely;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pop-alert-monitor-'));
  db = openDatabase({ dataDir }).db;
  await migrateToLatest(db);
  await insertTerminals(db, ['t-01']);
  await db
    .insertInto('terminal_status')
    .values({
      terminal_id: 't-01',
      last_seen_at: new Date(NOW.getTime() - 30 * 60_000).toISOString(),
      app_version: '0.1.0',
      config_version: 0,
      last_sync_at: null,
      outbox_depth: 0,
      quarantined: 0,
      storage_bytes: 0,
      uptime_seconds: 60,
      last_error: null,
      heartbeat_seconds: 30,
    })
    .execute();
});
afterAll(async () => {
  await db?.destroy();
  await rm(dataDir, { recursive: true, force: true });
});
afterEach(async () => {
  vi.useRealTimers();
  await saveAlertState(db, []);
});

const channel = (name: AlertChannel['name'], fails: boolean, got: AlertNotice[][] = []): AlertChannel => ({
  name,
  send: (notices) => {
    got.push([...notices]);
    return fails ? Promise.reject(new Error(`${name} is down`)) : Promise.resolve();
  },
});

const monitorWith = (channels: AlertChannel[]) =>
  new AlertMonitor({ db, channels, thresholds, repeatMs: 900_000, log: quiet });

describe('AlertMonitor', () => {
  it('counts a notice as told when one of two channels took it, and says which failed', async () => {
    const monitor = monitorWith([channel('webhook', true), channel('email', false)]);
    expect((await monitor.evaluate(NOW)).map((n) => n.key)).toEqual(['terminal_silent:t-01']);
    expect((await loadAlertState(db)).map((s) => s.told)).toEqual(['firing']);
    const metrics = monitor.families();
    expect(metrics).toContain('pop_alerts_open{kind="terminal_silent"} 1');
    expect(metrics).toContain('pop_alert_deliveries_total{channel="webhook",result="failed"} 1');
    expect(metrics).toContain('pop_alert_deliveries_total{channel="email",result="sent"} 1');
  });

  it('keeps a notice owed when no channel took it', async () => {
    const down = monitorWith([channel('webhook', true)]);
    expect(await down.evaluate(NOW)).toEqual([]);
    expect((await loadAlertState(db)).map((s) => [s.told, s.lastNoticeAt])).toEqual([['none', null]]);
    const got: AlertNotice[][] = [];
    const up = monitorWith([channel('webhook', false, got)]);
    expect((await up.evaluate(new Date(NOW.getTime() + 60_000))).map((n) => n.status)).toEqual(['firing']);
    expect(got).toHaveLength(1);
  });

  it('counts an evaluation that failed and lets the next one run', async () => {
    const monitor = new AlertMonitor({
      db,
      channels: [channel('webhook', false)],
      thresholds,
      repeatMs: 0,
      log: quiet,
      deliverySources: [() => Promise.reject(new Error('database gone'))],
    });
    await expect(monitor.evaluate(NOW)).rejects.toThrow('database gone');
    expect(monitor.families()).toContain('pop_alert_evaluation_failures_total 1');
  });

  it('evaluates on its interval with the clock it is given, until stopped', async () => {
    vi.useFakeTimers();
    const monitor = monitorWith([channel('webhook', false)]);
    const evaluate = vi.spyOn(monitor, 'evaluate').mockResolvedValue([]);
    monitor.start(60_000, () => NOW);
    vi.advanceTimersByTime(59_999);
    expect(evaluate).not.toHaveBeenCalled();
    vi.advanceTimersByTime(120_001);
    expect(evaluate.mock.calls).toEqual([[NOW], [NOW], [NOW]]);
    await monitor.stop();
    vi.advanceTimersByTime(600_000);
    expect(evaluate).toHaveBeenCalledTimes(3);
  });
});
