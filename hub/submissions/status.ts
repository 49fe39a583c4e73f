import type { StatusUpdate, TrackingStatus } from '../../protocol/submission.js';
import type { HubKysely } from '../db/schema.js';

/** Sets the status of one of the clerk's offices' submissions; false when there is none. */
export async function setStatus(
  db: HubKysely,
  officeIds: string[],
  id: string,
  update: StatusUpdate,
  now: Date,
): Promise<boolean> {
  if (officeIds.length === 0) return false;
  const result = await db
    .updateTable('submissions')
    .set({ status: update.status, status_message: update.message, status_updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('office_id', 'in', officeIds)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** What a tracking code reveals: the status and the clerk's message, nothing else. */
/** With a tenant, only that municipality's applications (through their office) are found. */
export async function statusOf(
  db: HubKysely,
  trackingCode: string,
  tenantId?: string,
): Promise<TrackingStatus | undefined> {
  let query = db
    .selectFrom('submissions')
    .select(['tracking_code', 'status', 'status_message', 'status_updated_at', 'received_at'])
    .where('tracking_code', '=', trackingCode);
  if (tenantId !== undefined)
    query = query.where('office_id', 'in', (eb) =>
      eb.selectFrom('offices').select('id').where('tenant_id', '=', tenantId),
    );
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  return {
    trackingCode: row.tracking_code,
    status: row.status,
    message: row.status_message,
    updatedAt: row.status_updated_at ?? row.received_at,
  };
}
