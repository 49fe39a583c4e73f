import type { QuarantinedItem, StuckApplication } from '../../protocol/quarantine.js';
import type { HubKysely, TerminalQuarantineTable } from '../db/schema.js';

/**
 * Replaces what the hub knows about one terminal's quarantine with its latest report, in one
 * transaction; returns the ids the provider asked to try again (and marks those requests taken).
 * An item the terminal no longer holds (sent after a retry, or removed) disappears with it.
 */
export async function replaceQuarantine(
  db: HubKysely,
  terminalId: string,
  items: readonly QuarantinedItem[],
  now: Date,
): Promise<string[]> {
  const at = now.toISOString();
  const formOffices = await officesOfForms(db, [...new Set(items.map((item) => item.formId))]);
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('terminal_quarantine')
      .select(['submission_id', 'quarantined_at', 'retry_requested_at'])
      .where('terminal_id', '=', terminalId)
      .execute();
    const earlier = new Map(before.map((row) => [row.submission_id, row]));
    const retry: string[] = [];
    const rows: TerminalQuarantineTable[] = items.map((item) => {
      const previous = earlier.get(item.submissionId);
      // A request is handed out once; a retry that failed again comes back with a newer time.
      if (previous?.retry_requested_at && previous.quarantined_at === item.quarantinedAt)
        retry.push(item.submissionId);
      return {
        terminal_id: terminalId,
        submission_id: item.submissionId,
        form_id: item.formId,
        form_version: item.formVersion,
        service_id: item.serviceId,
        // The hub's own form data decides the office; the terminal's word only when the hub has none.
        office_id: formOffices.get(item.formId) ?? item.officeId,
        reason: item.reason,
        quarantined_at: item.quarantinedAt,
        reported_at: at,
        retry_requested_at: null,
      };
    });
    await trx.deleteFrom('terminal_quarantine').where('terminal_id', '=', terminalId).execute();
    if (rows.length > 0) await trx.insertInto('terminal_quarantine').values(rows).execute();
    return retry;
  });
}

/** Every form id's office, withdrawn versions included (a queued application may be for one). */
async function officesOfForms(db: HubKysely, formIds: string[]): Promise<Map<string, string>> {
  if (formIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('forms')
    .select(['id', 'office_id'])
    .where('id', 'in', formIds)
    .orderBy('version', 'asc')
    .execute();
  return new Map(rows.map((row) => [row.id, row.office_id]));
}

/** Stuck applications, oldest first; only those of the given offices when officeIds is set. */
export async function listStuck(db: HubKysely, officeIds?: readonly string[]): Promise<StuckApplication[]> {
  if (officeIds?.length === 0) return [];
  let query = db
    .selectFrom('terminal_quarantine as q')
    .leftJoin('terminals as t', 't.id', 'q.terminal_id')
    .select([
      'q.terminal_id',
      't.name as terminal_name',
      'q.submission_id',
      'q.form_id',
      'q.form_version',
      'q.service_id',
      'q.office_id',
      'q.reason',
      'q.quarantined_at',
      'q.reported_at',
      'q.retry_requested_at',
    ])
    .orderBy('q.quarantined_at', 'asc')
    .orderBy('q.submission_id', 'asc');
  if (officeIds) query = query.where('q.office_id', 'in', [...officeIds]);
  const rows = await query.execute();
  return rows.map((row) => ({
    terminalId: row.terminal_id,
    terminalName: row.terminal_name ?? row.terminal_id,
    submissionId: row.submission_id,
    formId: row.form_id,
    formVersion: Number(row.form_version),
    serviceId: row.service_id,
    officeId: row.office_id,
    reason: row.reason,
    quarantinedAt: row.quarantined_at,
    reportedAt: row.reported_at,
    retryRequestedAt: row.retry_requested_at,
  }));
}

/** The provider asks for another try; false when the terminal does not report that item. */
export async function requestRetry(
  db: HubKysely,
  terminalId: string,
  submissionId: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('terminal_quarantine')
    .set({ retry_requested_at: now.toISOString() })
    .where('terminal_id', '=', terminalId)
    .where('submission_id', '=', submissionId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
