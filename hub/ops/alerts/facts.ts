/**
 * What holds now, read from the hub's own tables: terminals' last heartbeats (terminal_status),
 * releases terminals reverted (fleet_events), applications no clerk has taken up (submissions)
 * and attachment uploads that stopped halfway (attachment_uploads). Each fact is an alert
 * condition keyed by kind and ids; counts only, never a person or a citizen's text.
 */
import type { HubKysely } from '../../db/schema.js';
import type { AlertCondition } from './policy.js';

export interface AlertThresholds {
  /** A terminal whose last heartbeat is older than this is silent. */
  silentAfterMs: number;
  /** A terminal that reports more applications in quarantine than this raises an alert. */
  quarantineAbove: number;
  /** An application or upload older than this without progress counts as a failed delivery. */
  deliveryAfterMs: number;
}

export interface FactContext {
  db: HubKysely;
  now: Date;
  thresholds: AlertThresholds;
}

/**
 * One kind of failed delivery. Each returns its conditions with kind 'delivery_failed' and a
 * `source` in the subject; a delivery to FIT-Connect adds its failures by adding one here.
 */
export type DeliveryFailureSource = (context: FactContext) => Promise<AlertCondition[]>;

/** Applications that reached the hub but that no clerk of the office has taken up in time. */
export const unfetchedSubmissions: DeliveryFailureSource = async ({ db, now, thresholds }) => {
  const before = new Date(now.getTime() - thresholds.deliveryAfterMs).toISOString();
  const rows = await db
    .selectFrom('submissions')
    .select(['office_id', db.fn.countAll<number>().as('n')])
    .where('status', '=', 'received')
    .where('status_updated_at', 'is', null)
    .where('received_at', '<', before)
    .groupBy('office_id')
    .execute();
  return rows.map((r) => ({
    key: `delivery_failed:unfetched:${r.office_id}`,
    kind: 'delivery_failed' as const,
    subject: { office: r.office_id, source: 'unfetched' },
    count: Number(r.n),
  }));
};

/** Attachment uploads a terminal began and never finished: its applications cannot arrive. */
export const stalledUploads: DeliveryFailureSource = async ({ db, now, thresholds }) => {
  const before = new Date(now.getTime() - thresholds.deliveryAfterMs).toISOString();
  const rows = await db
    .selectFrom('attachment_uploads')
    .select(['terminal_id', db.fn.countAll<number>().as('n')])
    .where('completed_at', 'is', null)
    .where('created_at', '<', before)
    .groupBy('terminal_id')
    .execute();
  return rows.map((r) => ({
    key: `delivery_failed:upload_stalled:${r.terminal_id}`,
    kind: 'delivery_failed' as const,
    subject: { terminal: r.terminal_id, source: 'upload_stalled' },
    count: Number(r.n),
  }));
};

export const DELIVERY_FAILURE_SOURCES: readonly DeliveryFailureSource[] = [
  unfetchedSubmissions,
  stalledUploads,
];

/** Enrolled, not revoked terminals whose last heartbeat is too old, and their quarantine sizes. */
async function terminalFacts({ db, now, thresholds }: FactContext): Promise<AlertCondition[]> {
  const rows = await db
    .selectFrom('terminal_status')
    .innerJoin('terminals', 'terminals.id', 'terminal_status.terminal_id')
    .select(['terminal_status.terminal_id', 'terminal_status.last_seen_at', 'terminal_status.quarantined'])
    .where('terminals.revoked_at', 'is', null)
    .execute();
  const conditions: AlertCondition[] = [];
  for (const r of rows) {
    const silentMs = now.getTime() - Date.parse(r.last_seen_at);
    if (silentMs > thresholds.silentAfterMs)
      conditions.push({
        key: `terminal_silent:${r.terminal_id}`,
        kind: 'terminal_silent',
        subject: { terminal: r.terminal_id },
        count: Math.floor(silentMs / 60_000),
      });
    if (r.quarantined > thresholds.quarantineAbove)
      conditions.push({
        key: `quarantine:${r.terminal_id}`,
        kind: 'quarantine',
        subject: { terminal: r.terminal_id },
        count: r.quarantined,
      });
  }
  return conditions;
}

/**
 * The newest published release, while terminals report they reverted it (their health check
 * failed after applying it). A newer release, e.g. a rollback, ends the alert.
 */
async function revertedReleases({ db }: FactContext): Promise<AlertCondition[]> {
  const newest = await db
    .selectFrom('config_releases')
    .select((eb) => eb.fn.max('version').as('version'))
    .executeTakeFirst();
  const version = newest?.version;
  if (version === null || version === undefined) return [];
  const row = await db
    .selectFrom('fleet_events')
    .select((eb) => eb.fn.count<number>('terminal_id').distinct().as('n'))
    .where('kind', '=', 'config_reverted')
    .where('version', '=', Number(version))
    .executeTakeFirst();
  const terminals = Number(row?.n ?? 0);
  if (terminals === 0) return [];
  return [
    {
      key: `release_reverted:${version}`,
      kind: 'release_reverted',
      subject: { release: Number(version) },
      count: terminals,
    },
  ];
}

/** Every condition that holds now. */
export async function gatherConditions(
  context: FactContext,
  deliverySources: readonly DeliveryFailureSource[] = DELIVERY_FAILURE_SOURCES,
): Promise<AlertCondition[]> {
  const groups = await Promise.all([
    terminalFacts(context),
    revertedReleases(context),
    ...deliverySources.map((source) => source(context)),
  ]);
  return groups.flat();
}
