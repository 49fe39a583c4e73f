import { deliveryQuarantine } from '../delivery/deliveries.js';
import type { DiscardRecord, QuarantinedItem, StuckApplication } from '../../protocol/quarantine.js';
import type { HubKysely, TerminalQuarantineTable } from '../db/schema.js';

/** What the terminal is asked to do with items it reported. */
export interface QuarantineRequests {
  /** Send once more (the provider fixed something). */
  retry: string[];
  /** Delete (the responsible office discarded them). */
  discard: string[];
}

/**
 * Replaces what the hub knows about one terminal's quarantine with its latest report, in one
 * transaction; returns the ids the provider asked to try again (and marks those requests taken)
 * and the ids the office discarded. An item the terminal no longer holds (sent after a retry, or
 * deleted) disappears with it; a discarded one that is gone is confirmed in the audit trail.
 */
export async function replaceQuarantine(
  db: HubKysely,
  terminalId: string,
  items: readonly QuarantinedItem[],
  now: Date,
): Promise<QuarantineRequests> {
  const at = now.toISOString();
  const formOffices = await officesOfForms(db, terminalId, [...new Set(items.map((item) => item.formId))]);
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('terminal_quarantine')
      .select(['submission_id', 'quarantined_at', 'retry_requested_at'])
      .where('terminal_id', '=', terminalId)
      .execute();
    const earlier = new Map(before.map((row) => [row.submission_id, row]));
    const pendingDiscards = await trx
      .selectFrom('quarantine_discards')
      .select('submission_id')
      .where('terminal_id', '=', terminalId)
      .where('confirmed_at', 'is', null)
      .execute();
    const reported = new Set(items.map((item) => item.submissionId));
    const discard = pendingDiscards.map((row) => row.submission_id).filter((id) => reported.has(id));
    const gone = pendingDiscards.map((row) => row.submission_id).filter((id) => !reported.has(id));
    if (gone.length > 0)
      await trx
        .updateTable('quarantine_discards')
        .set({ confirmed_at: at })
        .where('terminal_id', '=', terminalId)
        .where('submission_id', 'in', gone)
        .execute();
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
    return { retry, discard };
  });
}

/**
 * Every form id's office in the terminal's municipality (form ids repeat across tenants),
 * withdrawn versions included (a queued application may be for one).
 */
async function officesOfForms(
  db: HubKysely,
  terminalId: string,
  formIds: string[],
): Promise<Map<string, string>> {
  if (formIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('forms')
    .select(['id', 'office_id'])
    .where('tenant_id', 'in', (eb) =>
      eb.selectFrom('terminals').select('tenant_id').where('id', '=', terminalId),
    )
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
    .leftJoin('quarantine_discards as d', (join) =>
      join.onRef('d.terminal_id', '=', 'q.terminal_id').onRef('d.submission_id', '=', 'q.submission_id'),
    )
    .select([
      'd.requested_at as discard_requested_at',
      'd.discard_reason',
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
  const stranded = await deliveryQuarantine(db, officeIds);
  const names = await contentNames(
    db,
    [...rows.map((row) => row.office_id), ...stranded.map((item) => item.officeId)].filter(
      (id): id is string => id !== null,
    ),
    [...rows.map((row) => row.form_id), ...stranded.map((item) => item.formId)],
  );
  const held = rows.map((row) => ({
    officeName: row.office_id ? (names.offices.get(row.office_id) ?? null) : null,
    formTitle: names.forms.get(`${row.form_id}@${row.form_version}`) ?? names.forms.get(row.form_id) ?? null,
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
    discardRequestedAt: row.discard_requested_at ?? null,
    discardReason: row.discard_reason ?? null,
  }));
  const undeliverable = stranded.map((item) => ({
    ...item,
    officeName: item.officeId ? (names.offices.get(item.officeId) ?? null) : null,
    formTitle: names.forms.get(`${item.formId}@${item.formVersion}`) ?? names.forms.get(item.formId) ?? null,
  }));
  return [...held, ...undeliverable];
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

export type DiscardOutcome = 'requested' | 'already_requested' | 'not_found';

/**
 * The responsible office decides a quarantined application can never be delivered: recorded with
 * who and why, and handed to the terminal with its next report. Only an item of one of the
 * clerk's offices, as the terminal reports it now.
 */
export async function requestDiscard(
  db: HubKysely,
  request: {
    officeIds: readonly string[];
    terminalId: string;
    submissionId: string;
    reason: string;
    clerk: string;
  },
  now: Date,
): Promise<DiscardOutcome> {
  if (request.officeIds.length === 0) return 'not_found';
  return db.transaction().execute(async (trx) => {
    const item = await trx
      .selectFrom('terminal_quarantine')
      .selectAll()
      .where('terminal_id', '=', request.terminalId)
      .where('submission_id', '=', request.submissionId)
      .where('office_id', 'in', [...request.officeIds])
      .executeTakeFirst();
    if (!item) return 'not_found';
    const inserted = await trx
      .insertInto('quarantine_discards')
      .values({
        terminal_id: item.terminal_id,
        submission_id: item.submission_id,
        form_id: item.form_id,
        form_version: item.form_version,
        service_id: item.service_id,
        office_id: item.office_id,
        quarantine_reason: item.reason,
        discard_reason: request.reason,
        requested_by: request.clerk,
        requested_at: now.toISOString(),
        confirmed_at: null,
      })
      .onConflict((conflict) => conflict.columns(['terminal_id', 'submission_id']).doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1 ? 'requested' : 'already_requested';
  });
}

/** The audit trail of discarded applications, newest first. */
export async function listDiscards(db: HubKysely): Promise<DiscardRecord[]> {
  const rows = await db
    .selectFrom('quarantine_discards')
    .selectAll()
    .orderBy('requested_at', 'desc')
    .orderBy('submission_id', 'asc')
    .execute();
  return rows.map((row) => ({
    terminalId: row.terminal_id,
    submissionId: row.submission_id,
    formId: row.form_id,
    formVersion: Number(row.form_version),
    serviceId: row.service_id,
    officeId: row.office_id,
    quarantineReason: row.quarantine_reason,
    discardReason: row.discard_reason,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    confirmedAt: row.confirmed_at,
  }));
}

/**
 * German names of offices and titles of forms (per version, and the newest per id), so the
 * consoles say "Bürgerbüro" and "Anmeldung einer Wohnung" instead of ids. Withdrawn ones too:
 * a stuck application may be for one.
 */
async function contentNames(
  db: HubKysely,
  officeIds: string[],
  formIds: string[],
): Promise<{ offices: Map<string, string>; forms: Map<string, string> }> {
  const offices = new Map<string, string>();
  const forms = new Map<string, string>();
  const germanOf = (document: string, key: 'name' | 'title'): string | undefined => {
    const parsed = JSON.parse(document) as Record<string, { de?: unknown } | undefined>;
    const text = parsed[key]?.de;
    return typeof text === 'string' ? text : undefined;
  };
  if (officeIds.length > 0) {
    const rows = await db
      .selectFrom('offices')
      .select(['id', 'document'])
      .where('id', 'in', officeIds)
      .execute();
    for (const row of rows) {
      const name = germanOf(row.document, 'name');
      if (name) offices.set(row.id, name);
    }
  }
  if (formIds.length > 0) {
    const rows = await db
      .selectFrom('forms')
      .select(['id', 'version', 'document'])
      .where('id', 'in', formIds)
      .orderBy('version', 'asc')
      .execute();
    for (const row of rows) {
      const title = germanOf(row.document, 'title');
      if (!title) continue;
      forms.set(`${row.id}@${Number(row.version)}`, title);
      forms.set(row.id, title);
    }
  }
  return { offices, forms };
}
