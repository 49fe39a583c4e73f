import type { DeliveryRecord } from '../../protocol/delivery.js';
import type { StuckApplication } from '../../protocol/quarantine.js';
import type { HubKysely } from '../db/schema.js';

/** The sender's journal as the fleet console reads it, newest first. */
export async function listDeliveries(db: HubKysely, limit = 500): Promise<DeliveryRecord[]> {
  const rows = await db
    .selectFrom('fitconnect_deliveries')
    .selectAll()
    .orderBy('updated_at', 'desc')
    .orderBy('submission_id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    submissionId: row.submission_id,
    officeId: row.office_id,
    state: row.state,
    fitConnectSubmissionId: row.fc_submission_id,
    fitConnectCaseId: row.fc_case_id,
    attempts: Number(row.attempts),
    lastError: row.last_error,
    quarantineReason: row.quarantine_reason,
    updatedAt: row.updated_at,
  }));
}

/**
 * Applications the hub could not hand to FIT-Connect, in the shape of the consoles' quarantine
 * list (heldBy "hub"): the hub holds their ciphertext, the terminal is done with them.
 */
export async function deliveryQuarantine(
  db: HubKysely,
  officeIds?: readonly string[],
): Promise<StuckApplication[]> {
  if (officeIds?.length === 0) return [];
  let query = db
    .selectFrom('fitconnect_deliveries as d')
    .innerJoin('submissions as s', 's.id', 'd.submission_id')
    .leftJoin('terminals as t', 't.id', 's.terminal_id')
    .select([
      'd.submission_id',
      'd.office_id',
      'd.quarantine_reason',
      'd.updated_at',
      'd.created_at',
      's.terminal_id',
      't.name as terminal_name',
      's.form_id',
      's.form_version',
      's.service_id',
    ])
    .where('d.state', '=', 'quarantined')
    .orderBy('d.updated_at', 'asc');
  if (officeIds) query = query.where('d.office_id', 'in', [...officeIds]);
  const rows = await query.execute();
  return rows.map((row) => ({
    heldBy: 'hub' as const,
    terminalId: row.terminal_id,
    terminalName: row.terminal_name ?? row.terminal_id,
    submissionId: row.submission_id,
    formId: row.form_id,
    formVersion: Number(row.form_version),
    serviceId: row.service_id,
    officeId: row.office_id,
    reason: `FIT-Connect: ${row.quarantine_reason ?? 'not deliverable'}`,
    quarantinedAt: row.updated_at,
    reportedAt: row.created_at,
    retryRequestedAt: null,
    discardRequestedAt: null,
    discardReason: null,
  }));
}
