/**
 * The hub's alerting: every interval it reads the facts, lets the policy decide, sends the
 * notices to every channel and stores the new state. Tests call evaluate(now) themselves.
 * The state lives in the database, so a restart continues where the last evaluation stopped.
 */
import { PostgresAdapter, sql } from 'kysely';
import type { HubKysely } from '../../db/schema.js';
import { family } from '../metrics.js';
import type { AlertChannel } from './channels.js';
import {
  DELIVERY_FAILURE_SOURCES,
  gatherConditions,
  type AlertThresholds,
  type DeliveryFailureSource,
} from './facts.js';
import { summarize } from './notice-text.js';
import {
  ALERT_KINDS,
  DEFAULT_ESCALATING,
  evaluateAlerts,
  type AlertNotice,
  type AlertState,
} from './policy.js';
import { loadAlertState, saveAlertState } from './store.js';

export interface AlertLog {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface AlertMonitorOptions {
  db: HubKysely;
  channels: readonly AlertChannel[];
  thresholds: AlertThresholds;
  repeatMs: number;
  log: AlertLog;
  deliverySources?: readonly DeliveryFailureSource[];
}

export class AlertMonitor {
  private running: Promise<AlertNotice[]> = Promise.resolve([]);
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly noticeCounts = new Map<string, number>();
  private readonly deliveryCounts = new Map<string, number>();
  private evaluationFailures = 0;
  private open = new Map<string, number>();

  constructor(private readonly options: AlertMonitorOptions) {}

  /** One evaluation at `now`; evaluations never overlap. Returns the notices it sent. */
  evaluate(now: Date): Promise<AlertNotice[]> {
    const run = this.running.then(
      () => this.run(now),
      () => this.run(now),
    );
    this.running = run.catch(() => {
      this.evaluationFailures++;
      return [];
    });
    return run;
  }

  /** Evaluates every intervalMs with the hub's clock; a failed evaluation is logged and retried. */
  start(intervalMs: number, now: () => Date): void {
    this.stopTimer();
    this.timer = setInterval(() => {
      this.evaluate(now()).catch((error: unknown) => {
        this.options.log.error({ err: error }, 'alert evaluation failed');
      });
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopTimer();
    await this.running;
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * Several hubs on one PostgreSQL take turns: the one holding the advisory lock (per schema)
   * evaluates, the others skip this round, so no notice goes out twice.
   */
  private async run(now: Date): Promise<AlertNotice[]> {
    const { db } = this.options;
    if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return this.decide(db, now);
    return db.connection().execute(async (connection) => {
      const lock = sql`hashtext(current_schema() || ':pop-hub-alerts')`;
      const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_lock(${lock}) AS locked`.execute(
        connection,
      );
      if (rows[0]?.locked !== true) return [];
      try {
        return await this.decide(connection, now);
      } finally {
        await sql`SELECT pg_advisory_unlock(${lock})`.execute(connection);
      }
    });
  }

  private async decide(db: HubKysely, now: Date): Promise<AlertNotice[]> {
    const { thresholds, repeatMs } = this.options;
    const previous = await loadAlertState(db);
    const conditions = await gatherConditions(
      { db, now, thresholds },
      this.options.deliverySources ?? DELIVERY_FAILURE_SOURCES,
    );
    const decided = evaluateAlerts(previous, conditions, now, { repeatMs, escalating: DEFAULT_ESCALATING });
    let next = decided.next;
    let sent = decided.notices;
    if (sent.length > 0 && !(await this.deliver(sent))) {
      // Nobody got them: the next evaluation decides (and sends) them again.
      next = untold(next, previous, sent);
      sent = [];
    }
    await saveAlertState(db, next);
    for (const n of sent) bump(this.noticeCounts, `${n.kind}\n${n.status}`);
    this.open = new Map();
    for (const s of next) if (s.active && s.told === 'firing') bump(this.open, s.kind);
    return sent;
  }

  /** True when at least one channel took the notices. */
  private async deliver(notices: readonly AlertNotice[]): Promise<boolean> {
    const results = await Promise.allSettled(this.options.channels.map((c) => c.send(notices)));
    let delivered = false;
    results.forEach((result, i) => {
      const channel = this.options.channels[i]?.name ?? 'unknown';
      const ok = result.status === 'fulfilled';
      bump(this.deliveryCounts, `${channel}\n${ok ? 'sent' : 'failed'}`);
      if (ok) delivered = true;
      else this.options.log.error({ err: result.reason, channel }, 'alert notice not delivered');
    });
    for (const n of notices)
      this.options.log.info(
        { alert: n.key, status: n.status, delivered },
        `alert ${n.status}: ${summarize(n)}`,
      );
    return delivered;
  }

  /** Metric families for /metrics: counts and kinds only. */
  families(): string {
    const split = (key: string) => key.split('\n');
    return [
      family(
        'pop_alerts_open',
        'gauge',
        'Alerts told as firing and not yet recovered, by kind.',
        ALERT_KINDS.map((kind) => ({ labels: { kind }, value: this.open.get(kind) ?? 0 })),
      ),
      family(
        'pop_alert_notices_total',
        'counter',
        'Alert notices sent since the hub started, by kind and status (firing, recovered).',
        [...this.noticeCounts].map(([key, value]) => {
          const [kind = '', status = ''] = split(key);
          return { labels: { kind, status }, value };
        }),
      ),
      family(
        'pop_alert_deliveries_total',
        'counter',
        'Attempts to hand notices to a channel since the hub started, by channel and result.',
        [...this.deliveryCounts].map(([key, value]) => {
          const [channel = '', result = ''] = split(key);
          return { labels: { channel, result }, value };
        }),
      ),
      family('pop_alert_evaluation_failures_total', 'counter', 'Alert evaluations that failed.', [
        { labels: {}, value: this.evaluationFailures },
      ]),
    ].join('');
  }
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** `next` as if the notices had not been sent: what was told stays as before. */
function untold(
  next: readonly AlertState[],
  previous: readonly AlertState[],
  notices: readonly AlertNotice[],
): AlertState[] {
  const keys = new Set(notices.map((n) => n.key));
  const before = new Map(previous.map((s) => [s.key, s]));
  const kept = next.map((s) => {
    if (!keys.has(s.key)) return s;
    const old = before.get(s.key);
    return {
      ...s,
      told: old?.told ?? 'none',
      toldCount: old?.toldCount ?? 0,
      lastNoticeAt: old?.lastNoticeAt ?? null,
    };
  });
  // A recovery that did not go out keeps its (inactive) row, so it is owed again next time.
  for (const key of keys) {
    const old = before.get(key);
    if (old && !kept.some((s) => s.key === key)) kept.push({ ...old, active: false });
  }
  return kept;
}
