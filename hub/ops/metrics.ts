/**
 * The hub's figures in the Prometheus text format (version 0.0.4), computed when scraped: from
 * the database (terminals' last heartbeats, submissions, quarantine reports) and from the call
 * center. Labels name terminals and offices by id, never a person; nothing a citizen typed is
 * ever a label or a value.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { OfficeCallStatus } from '../../protocol/calls.js';
import type { CallCenter } from '../calls/call-center.js';
import type { HubKysely } from '../db/schema.js';

/** A terminal counts as silent after missing this many of its own heartbeats. */
export const SILENT_AFTER_HEARTBEATS = 3;

export interface MetricsSources {
  db: HubKysely;
  now: () => Date;
  /** Per office: clerks available and busy, calls waiting, estimated wait. */
  callOffices: () => OfficeCallStatus[];
  /** Oldest waiting call per office, in seconds. */
  longestWaits: () => Map<string, number>;
  /** More families in the exposition format (the alert counters), appended as they are. */
  more?: () => string;
}

type Labels = Record<string, string>;
interface Sample {
  labels: Labels;
  value: number;
}

/** One metric family: HELP, TYPE and its samples, in the exposition format. */
export function family(name: string, type: 'gauge' | 'counter', help: string, samples: Sample[]): string {
  const lines = [
    `# HELP ${name} ${help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`,
    `# TYPE ${name} ${type}`,
  ];
  for (const { labels, value } of samples) {
    const pairs = Object.entries(labels).map(([key, text]) => `${key}="${escapeLabel(text)}"`);
    lines.push(`${name}${pairs.length ? `{${pairs.join(',')}}` : ''} ${formatValue(value)}`);
  }
  return `${lines.join('\n')}\n`;
}

function escapeLabel(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

export class HubMetrics {
  private readonly loopDelay: IntervalHistogram;

  constructor(private readonly sources: MetricsSources) {
    this.loopDelay = monitorEventLoopDelay({ resolution: 20 });
    this.loopDelay.enable();
  }

  stop(): void {
    this.loopDelay.disable();
  }

  async render(): Promise<string> {
    const { db, now } = this.sources;
    const databaseSeconds = (await databaseRoundTripMs(db)) / 1000;
    const at = now().getTime();

    const terminals = await db
      .selectFrom('terminal_status')
      .select(['terminal_id', 'last_seen_at', 'heartbeat_seconds', 'outbox_depth', 'quarantined'])
      .orderBy('terminal_id')
      .execute();
    const silent = (t: (typeof terminals)[number]) =>
      at - Date.parse(t.last_seen_at) > SILENT_AFTER_HEARTBEATS * t.heartbeat_seconds * 1000;
    const silentCount = terminals.filter(silent).length;

    const received = await db
      .selectFrom('submissions')
      .select(['office_id', db.fn.countAll<number>().as('n')])
      .groupBy('office_id')
      .orderBy('office_id')
      .execute();
    const delivery = await deliveryFacts(db, at);
    const offices = this.sources.callOffices();
    const waits = this.sources.longestWaits();
    const lag = this.loopDelay;

    return [
      family('pop_terminals', 'gauge', 'Terminals by state: online (heartbeat on time) or silent.', [
        { labels: { state: 'online' }, value: terminals.length - silentCount },
        { labels: { state: 'silent' }, value: silentCount },
      ]),
      family(
        'pop_terminal_outbox_depth',
        'gauge',
        'Applications waiting in a terminal outbox, as its last heartbeat reported.',
        terminals.map((t) => ({ labels: { terminal: t.terminal_id }, value: t.outbox_depth })),
      ),
      family(
        'pop_terminal_quarantined',
        'gauge',
        'Applications a terminal holds in quarantine, as its last heartbeat reported.',
        terminals.map((t) => ({ labels: { terminal: t.terminal_id }, value: t.quarantined })),
      ),
      family(
        'pop_terminal_last_seen_seconds',
        'gauge',
        'Seconds since the terminal last sent a heartbeat.',
        terminals.map((t) => ({
          labels: { terminal: t.terminal_id },
          value: Math.max(0, Math.round((at - Date.parse(t.last_seen_at)) / 1000)),
        })),
      ),
      family(
        'pop_submissions_received_total',
        'counter',
        'Applications the hub holds, by responsible office.',
        received.map((r) => ({ labels: { office: r.office_id }, value: Number(r.n) })),
      ),
      family(
        'pop_submissions_delivered_total',
        'counter',
        'Applications that reached the office: taken up in the clerk inbox, or handed to its FIT-Connect destination.',
        delivery.delivered,
      ),
      family(
        'pop_deliveries',
        'gauge',
        'FIT-Connect deliveries by office and state (pending, created, submitted, accepted, rejected, quarantined).',
        delivery.states,
      ),
      family(
        'pop_delivery_failures',
        'gauge',
        'FIT-Connect deliveries of an office that failed their last attempt and are retried, or were quarantined.',
        delivery.failures,
      ),
      family(
        'pop_delivery_lag_seconds',
        'gauge',
        'Age of the oldest application an office has not received yet (inbox: not taken up; FIT-Connect: not submitted).',
        delivery.lag,
      ),
      family(
        'pop_call_queue_length',
        'gauge',
        'Video calls waiting for a clerk, by office.',
        offices.map((o) => ({ labels: { office: o.officeId }, value: o.waiting })),
      ),
      family(
        'pop_call_longest_wait_seconds',
        'gauge',
        'How long the longest-waiting video call of an office has waited.',
        offices.map((o) => ({ labels: { office: o.officeId }, value: waits.get(o.officeId) ?? 0 })),
      ),
      family('pop_clerks_online', 'gauge', 'Clerks connected to the call desk, by office and state.', [
        ...offices.flatMap((o) => [
          { labels: { office: o.officeId, state: 'available' }, value: o.clerksAvailable },
          { labels: { office: o.officeId, state: 'busy' }, value: o.clerksBusy },
        ]),
      ]),
      family(
        'pop_event_loop_lag_seconds',
        'gauge',
        'Event-loop delay of the hub process (p99 since start).',
        [{ labels: {}, value: Number.isFinite(lag.percentile(99)) ? lag.percentile(99) / 1e9 : 0 }],
      ),
      family(
        'pop_database_latency_seconds',
        'gauge',
        'Round trip of a trivial query, measured at this scrape.',
        [{ labels: {}, value: Math.round(databaseSeconds * 1e6) / 1e6 }],
      ),
      this.sources.more?.() ?? '',
    ].join('');
  }
}

/**
 * Where the applications stand on their way to the offices. An office's route is FIT-Connect when
 * it has a delivery row, the clerk inbox otherwise; counts and ages only, never content.
 */
async function deliveryFacts(
  db: HubKysely,
  at: number,
): Promise<{ delivered: Sample[]; states: Sample[]; failures: Sample[]; lag: Sample[] }> {
  const rows = await db
    .selectFrom('fitconnect_deliveries')
    .select(['office_id', 'state', 'last_error', 'created_at'])
    .execute();
  const inbox = await db
    .selectFrom('submissions')
    .leftJoin('fitconnect_deliveries as d', 'd.submission_id', 'submissions.id')
    .where('d.submission_id', 'is', null)
    .select(['submissions.office_id', 'submissions.status', 'submissions.received_at'])
    .execute();
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const oldest = (map: Map<string, number>, key: string, iso: string) =>
    map.set(key, Math.min(map.get(key) ?? Infinity, Date.parse(iso)));
  const delivered = new Map<string, number>();
  const states = new Map<string, number>();
  const failures = new Map<string, number>();
  const waitingSince = new Map<string, number>();
  for (const row of inbox) {
    const key = `${row.office_id}\u0000inbox`;
    if (row.status === 'received') oldest(waitingSince, key, row.received_at);
    else count(delivered, key);
  }
  for (const row of rows) {
    const key = `${row.office_id}\u0000fit-connect`;
    count(states, `${row.office_id}\u0000${row.state}`);
    if (['submitted', 'accepted', 'rejected'].includes(row.state)) count(delivered, key);
    else if (row.state === 'quarantined' || row.last_error !== null) count(failures, row.office_id);
    if (row.state === 'pending' || row.state === 'created') oldest(waitingSince, key, row.created_at);
  }
  const split = (key: string) => key.split('\u0000') as [string, string];
  const sorted = <T>(map: Map<string, T>) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    delivered: sorted(delivered).map(([key, value]) => {
      const [office, route] = split(key);
      return { labels: { office, route }, value };
    }),
    states: sorted(states).map(([key, value]) => {
      const [office, state] = split(key);
      return { labels: { office, state }, value };
    }),
    failures: sorted(failures).map(([office, value]) => ({ labels: { office }, value })),
    lag: sorted(waitingSince).map(([key, since]) => {
      const [office, route] = split(key);
      return { labels: { office, route }, value: Math.max(0, Math.round((at - since) / 1000)) };
    }),
  };
}

/** Per office, how long its longest-waiting call has waited, in seconds. */
export function longestWaits(center: Pick<CallCenter, 'queueEntries'>, now: Date): Map<string, number> {
  const waits = new Map<string, number>();
  for (const entry of center.queueEntries()) {
    const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(entry.waitingSince)) / 1000));
    waits.set(entry.officeId, Math.max(waits.get(entry.officeId) ?? 0, seconds));
  }
  return waits;
}

/** How long a trivial query takes: the readiness probe's check and the latency metric. */
export async function databaseRoundTripMs(db: HubKysely): Promise<number> {
  const started = performance.now();
  await sql`SELECT 1`.execute(db);
  return performance.now() - started;
}
