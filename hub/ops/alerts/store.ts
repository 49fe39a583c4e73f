import type { AlertStateTable, HubKysely } from '../../db/schema.js';
import { ALERT_KINDS, type AlertKind, type AlertState, type AlertSubject, type Told } from './policy.js';

/** The alert state as the last evaluation left it (table alert_state, migration 0023). */
export async function loadAlertState(db: HubKysely): Promise<AlertState[]> {
  const rows = await db.selectFrom('alert_state').selectAll().orderBy('key').execute();
  return rows.flatMap((row) => {
    const kind = ALERT_KINDS.find((k) => k === row.kind);
    // A kind a newer hub wrote and this one does not know is left alone.
    if (!kind) return [];
    return [fromRow(row, kind)];
  });
}

/** Replaces the stored state with `next`, in one transaction. */
export async function saveAlertState(db: HubKysely, next: readonly AlertState[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const keep = next.map((s) => s.key);
    let remove = trx.deleteFrom('alert_state').where('kind', 'in', [...ALERT_KINDS]);
    if (keep.length > 0) remove = remove.where('key', 'not in', keep);
    await remove.execute();
    for (const state of next) {
      const row = toRow(state);
      await trx
        .insertInto('alert_state')
        .values(row)
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            kind: row.kind,
            subject: row.subject,
            active: row.active,
            count: row.count,
            since: row.since,
            told: row.told,
            told_count: row.told_count,
            last_notice_at: row.last_notice_at,
          }),
        )
        .execute();
    }
  });
}

const TOLD: readonly Told[] = ['none', 'firing', 'recovered'];

function fromRow(row: AlertStateTable, kind: AlertKind): AlertState {
  return {
    key: row.key,
    kind,
    subject: JSON.parse(row.subject) as AlertSubject,
    active: Number(row.active) === 1,
    count: Number(row.count),
    since: row.since,
    told: TOLD.find((t) => t === row.told) ?? 'none',
    toldCount: Number(row.told_count),
    lastNoticeAt: row.last_notice_at,
  };
}

function toRow(state: AlertState): AlertStateTable {
  return {
    key: state.key,
    kind: state.kind,
    subject: JSON.stringify(state.subject),
    active: state.active ? 1 : 0,
    count: state.count,
    since: state.since,
    told: state.told,
    told_count: state.toldCount,
    last_notice_at: state.lastNoticeAt,
  };
}
