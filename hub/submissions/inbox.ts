import type { SubmissionDetail, SubmissionSummary } from '../../protocol/clerk.js';
import type { FieldUi, FormAnswer, FormAnswers, FormDefinition } from '../../protocol/forms.js';
import { FALLBACK_LOCALE, Locale } from '../../protocol/i18n.js';
import type { SubmissionStatus } from '../../protocol/submission.js';
import { findForms, formKey } from '../content/store.js';
import type { HubKysely, SubmissionTable } from '../db/schema.js';

export const INBOX_LIMIT = 200;

/** The newest submissions of the given offices; a clerk sees only what their offices handle. */
export async function listSubmissions(
  db: HubKysely,
  officeIds: string[],
  status: SubmissionStatus | undefined,
): Promise<SubmissionSummary[]> {
  if (officeIds.length === 0) return [];
  let query = db.selectFrom('submissions').selectAll().where('office_id', 'in', officeIds);
  if (status) query = query.where('status', '=', status);
  const rows = await query.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(INBOX_LIMIT).execute();
  const forms = await findForms(
    db,
    rows.map((row) => ({ id: row.form_id, version: row.form_version })),
  );
  return rows.map((row) => summaryOf(row, forms.get(formKey(row.form_id, row.form_version))));
}

/** One submission, or undefined when it does not exist or belongs to another office. */
export async function getSubmission(
  db: HubKysely,
  officeIds: string[],
  id: string,
): Promise<SubmissionDetail | undefined> {
  const row = await db.selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !officeIds.includes(row.office_id)) return undefined;
  const form = (await findForms(db, [{ id: row.form_id, version: row.form_version }])).get(
    formKey(row.form_id, row.form_version),
  );
  const answers = JSON.parse(row.answers) as FormAnswers;
  return {
    ...summaryOf(row, form),
    locale: Locale.safeParse(row.locale).data ?? FALLBACK_LOCALE,
    fields: fieldsOf(answers, form),
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
    submittedAt: row.submitted_at,
    receivedAt: row.received_at,
  };
}

/**
 * In the order the citizen saw the fields, labelled in German for the clerk; values as given.
 * Answers inside groups and repeatables come as one row each, named by path and labelled
 * "Gruppe › Feld", so the clerk reads a FIM form like any other.
 */
export function fieldsOf(answers: FormAnswers, form: FormDefinition | undefined): SubmissionDetail['fields'] {
  const order = form ? form.ui.steps.flatMap((step) => step.fields) : [];
  const names = [...order, ...Object.keys(answers).filter((name) => !order.includes(name))];
  const fields: SubmissionDetail['fields'] = [];
  for (const name of names) {
    const value = answers[name];
    if (value !== undefined)
      flatten(name, form?.ui.fields[name]?.label.de ?? name, value, form?.ui.fields[name], fields);
  }
  return fields;
}

function flatten(
  name: string,
  label: string,
  value: FormAnswer,
  ui: FieldUi | undefined,
  into: SubmissionDetail['fields'],
): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) =>
      flatten(`${name}/${index}`, `${label} ${index + 1}`, item, ui?.item, into),
    );
  } else if (typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const child = ui?.fields?.[key];
      flatten(`${name}/${key}`, `${label} › ${child?.label.de ?? key}`, inner, child, into);
    }
  } else {
    into.push({ name, label, value });
  }
}
