import { randomUUID } from 'node:crypto';
import type { DeletionRecord, RetentionRule, RetentionScope } from '../../protocol/retention.js';
import type { DeletionLogTable, HubKysely } from '../db/schema.js';
import { attachmentRefsOf } from '../submissions/inbox.js';
import { DAY_MS, DELIVERED_STATES, PROCESSED_STATUSES, retentionDecision } from './policy.js';

/** The rules of one tenant, or (no tenant) of the whole hub. */
export async function listRules(db: HubKysely, tenantId?: string): Promise<RetentionRule[]> {
  return (await ruleRows(db, tenantId)).map(({ rule }) => rule);
}

async function ruleRows(
  db: HubKysely,
  tenantId?: string,
): Promise<{ tenantId: string; rule: RetentionRule }[]> {
  let query = db.selectFrom('retention_rules').selectAll();
  if (tenantId !== undefined) query = query.where('tenant_id', '=', tenantId);
  const rows = await query.orderBy('tenant_id').orderBy('scope').orderBy('target_id').execute();
  return rows.map((row) => ({
    tenantId: row.tenant_id,
    rule: {
      scope: row.scope,
      targetId: row.target_id,
      days: row.days,
      updatedAt: row.updated_at,
    },
  }));
}

/**
 * Whether the tenant has an office or a form (any version) of that id, so a rule can name neither
 * a typo nor another municipality's form.
 */
export async function targetExists(
  db: HubKysely,
  tenantId: string,
  scope: RetentionScope,
  targetId: string,
): Promise<boolean> {
  const table = scope === 'office' ? 'offices' : 'forms';
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('id', '=', targetId)
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Sets (days) or removes (null) one rule. */
export async function setRule(
  db: HubKysely,
  tenantId: string,
  scope: RetentionScope,
  targetId: string,
  days: number | null,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('retention_rules')
      .where('tenant_id', '=', tenantId)
      .where('scope', '=', scope)
      .where('target_id', '=', targetId)
      .execute();
    if (days !== null) {
      await trx
        .insertInto('retention_rules')
        .values({ tenant_id: tenantId, scope, target_id: targetId, days, updated_at: now.toISOString() })
        .execute();
    }
  });
}

export async function readDeletionLog(db: HubKysely, limit: number): Promise<DeletionRecord[]> {
  const rows = await db
    .selectFrom('deletion_log')
    .selectAll()
    .orderBy('deleted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(recordOf);
}

function recordOf(row: DeletionLogTable): DeletionRecord {
  return {
    id: row.id,
    submissionId: row.submission_id,
    officeId: row.office_id,
    formId: row.form_id,
    formVersion: row.form_version,
    attachmentCount: row.attachment_count,
    status: row.status,
    processedAt: row.processed_at,
    deletedAt: row.deleted_at,
    reason: row.reason,
    rule: { scope: row.rule_scope, targetId: row.rule_target_id, days: row.rule_days },
  };
}

/**
 * Deletes every processed application whose retention period has passed, with its sealed
 * attachments, and logs each deletion in the same transaction. The delete is conditional on the
 * row being unchanged since it was read: a clerk who reopens an application in the meantime, or a
 * second hub running the same job, makes this one skip it. Returns what was deleted.
 */
export async function applyRetention(db: HubKysely, now: Date): Promise<DeletionRecord[]> {
  const rows = await ruleRows(db);
  if (rows.length === 0) return [];
  const rulesOf = new Map<string, RetentionRule[]>();
  for (const { tenantId, rule } of rows) rulesOf.set(tenantId, [...(rulesOf.get(tenantId) ?? []), rule]);
  const shortest = Math.min(...rows.map((r) => r.rule.days));
  const cutoff = new Date(now.getTime() - shortest * DAY_MS).toISOString();
  const candidates = await db
    .selectFrom('submissions')
    // An application is its office's municipality's, and only that municipality's rules apply.
    .innerJoin('offices', 'offices.id', 'submissions.office_id')
    .leftJoin('fitconnect_deliveries as delivery', (join) =>
      join
        .onRef('delivery.submission_id', '=', 'submissions.id')
        .on('delivery.state', 'in', [...DELIVERED_STATES]),
    )
    .select([
      'submissions.id',
      'submissions.office_id',
      'submissions.form_id',
      'submissions.form_version',
      'submissions.status',
      'submissions.status_updated_at',
      'submissions.attachments',
      'offices.tenant_id',
      'delivery.updated_at as delivered_at',
    ])
    .where((eb) =>
      eb.or([
        eb.and([
          eb('submissions.status', 'in', [...PROCESSED_STATUSES]),
          eb('submissions.status_updated_at', 'is not', null),
          eb('submissions.status_updated_at', '<=', cutoff),
        ]),
        eb('delivery.updated_at', '<=', cutoff),
      ]),
    )
    .orderBy('submissions.received_at')
    .execute();

  const deleted: DeletionRecord[] = [];
  for (const row of candidates) {
    const decision = retentionDecision(
      {
        officeId: row.office_id,
        formId: row.form_id,
        status: row.status,
        statusUpdatedAt: row.status_updated_at,
        deliveredAt: row.delivered_at,
      },
      rulesOf.get(row.tenant_id) ?? [],
      now,
    );
    if (!decision.due) continue;
    const entry: DeletionLogTable = {
      id: randomUUID(),
      submission_id: row.id,
      office_id: row.office_id,
      form_id: row.form_id,
      form_version: row.form_version,
      attachment_count: attachmentRefsOf(row).length,
      status: row.status,
      processed_at: decision.processedAt,
      deleted_at: now.toISOString(),
      reason: 'retention',
      rule_scope: decision.rule.scope,
      rule_target_id: decision.rule.targetId,
      rule_days: decision.rule.days,
    };
    const done = await db.transaction().execute(async (trx) => {
      const result = await trx
        .deleteFrom('submissions')
        .where('id', '=', row.id)
        .where('status', '=', row.status)
        .where('status_updated_at', row.status_updated_at === null ? 'is' : '=', row.status_updated_at)
        .executeTakeFirst();
      if (result.numDeletedRows === 0n) return false;
      await trx.deleteFrom('attachment_chunks').where('submission_id', '=', row.id).execute();
      await trx.deleteFrom('attachment_uploads').where('submission_id', '=', row.id).execute();
      await trx.insertInto('deletion_log').values(entry).execute();
      return true;
    });
    if (done) deleted.push(recordOf(entry));
  }
  return deleted;
}
