import type { SubmissionDetail, SubmissionSummary } from '../../protocol/clerk.js';
import type { FormDefinition } from '../../protocol/forms.js';
import { FALLBACK_LOCALE, Locale } from '../../protocol/i18n.js';
import type { SubmissionStatus } from '../../protocol/submission.js';
import { findForms, formKey } from '../content/store.js';
import type { HubKysely, SubmissionTable } from '../db/schema.js';

export const INBOX_LIMIT = 200;

/** The newest submissions of the given offices; a clerk sees only what their offices handle. */
export async function listSubmissions(
  db: HubKysely,
  tenantId: string,
  officeIds: string[],
  status: SubmissionStatus | undefined,
): Promise<SubmissionSummary[]> {
  if (officeIds.length === 0) return [];
  let query = db.selectFrom('submissions').selectAll().where('office_id', 'in', officeIds);
  if (status) query = query.where('status', '=', status);
  const rows = await query.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(INBOX_LIMIT).execute();
  const forms = await findForms(
    db,
    tenantId,
    rows.map((row) => ({ id: row.form_id, version: row.form_version })),
  );
  return rows.map((row) => summaryOf(row, forms.get(formKey(row.form_id, row.form_version))));
}

/** One submission, or undefined when it does not exist or belongs to another office. */
export async function getSubmission(
  db: HubKysely,
  tenantId: string,
  officeIds: string[],
  id: string,
): Promise<SubmissionDetail | undefined> {
  const row = await db.selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !officeIds.includes(row.office_id)) return undefined;
  const form = (await findForms(db, tenantId, [{ id: row.form_id, version: row.form_version }])).get(
    formKey(row.form_id, row.form_version),
  );
  if (!form) return undefined;
  return {
    ...summaryOf(row, form),
    locale: Locale.safeParse(row.locale).data ?? FALLBACK_LOCALE,
    keyId: row.key_id,
    data: row.data_jwe,
    metadata: row.metadata_jwe,
    attachments: attachmentRefsOf(row),
    form,
  };
}

function summaryOf(row: SubmissionTable, form: FormDefinition | undefined): SubmissionSummary {
  return {
    id: row.id,
    trackingCode: row.tracking_code,
    formId: row.form_id,
    formVersion: row.form_version,
    formTitle: form?.title.de ?? row.form_id,
    serviceId: row.service_id,
    officeId: row.office_id,
    terminalId: row.terminal_id,
    status: row.status,
    statusMessage: row.status_message,
    submittedAt: row.submitted_at,
    receivedAt: row.received_at,
  };
}

/** The attachments a submission listed (the hub has them all: it refuses a submission otherwise). */
export function attachmentRefsOf(
  row: Pick<SubmissionTable, 'attachments'>,
): { id: string; length: number }[] {
  const parsed: unknown = JSON.parse(row.attachments || '[]');
  return Array.isArray(parsed) ? (parsed as { id: string; length: number }[]) : [];
}
