import type { SubmissionReceipt, SubmissionRequest } from '../../protocol/submission.js';
import { checkAttachments } from './attachments.js';
import { findForm, findOfficeKeys, serviceExists } from '../content/store.js';
import { readJweHeader, type JweHeaderCheck } from '../util/jwe-header.js';
import { isUniqueViolation } from '../db/errors.js';
import type { HubKysely, SubmissionTable } from '../db/schema.js';
import { canonicalJson } from '../../protocol/encoding.js';
import { sha256Hex } from '../util/hash.js';
import { findRoute } from '../delivery/route-store.js';
import { deliveryRow } from '../delivery/sender.js';
import type { OfficeDeliveryRouteTable } from '../db/delivery-schema.js';

type JweProblemCode = Extract<JweHeaderCheck, { ok: false }>['code'];

export type ReceiveOutcome =
  | { kind: 'created'; receipt: SubmissionReceipt }
  | { kind: 'replayed'; receipt: SubmissionReceipt }
  | { kind: 'idempotency_conflict' }
  | { kind: 'tracking_code_taken' }
  | { kind: 'unknown_form' }
  | { kind: 'unknown_service' }
  | { kind: 'unknown_key'; message: string }
  | { kind: 'invalid_encryption'; code: JweProblemCode; message: string }
  | { kind: 'attachments_incomplete'; missing: string[] };

/** Identifies the request body by meaning, so a resend with reordered keys is still a replay. */
export function submissionBodyHash(request: SubmissionRequest): string {
  return sha256Hex(canonicalJson(request));
}

/**
 * Stores a submission exactly once per client-made id. A resend of the same body gets the first
 * receipt again (the terminal may have missed our answer); the same id with another body is a
 * conflict. The replay check comes before validation, so a submission accepted once stays
 * accepted even if its form has changed since.
 */
export async function receiveSubmission(
  db: HubKysely,
  request: SubmissionRequest,
  terminalId: string,
  now: Date,
): Promise<ReceiveOutcome> {
  const bodyHash = submissionBodyHash(request);
  const earlier = await classifyExisting(db, request.id, bodyHash);
  if (earlier) return earlier;

  // A terminal sends only for its own municipality: another tenant's form is an unknown form.
  const tenant = await db
    .selectFrom('terminals')
    .select('tenant_id')
    .where('id', '=', terminalId)
    .executeTakeFirst();
  if (!tenant) return { kind: 'unknown_form' };
  const form = await findForm(db, tenant.tenant_id, request.formId, request.formVersion);
  if (!form) return { kind: 'unknown_form' };
  if (!(await serviceExists(db, tenant.tenant_id, request.serviceId))) return { kind: 'unknown_service' };
  // The hub cannot read the answers; it checks what it can: that both JWEs are well-formed and
  // encrypted to a key the responsible office holds (current or retired, never an unknown one).
  const route = await findRoute(db, form.officeId);
  const keyProblem = await checkEncryption(db, form.officeId, request, route);
  if (keyProblem) return keyProblem;
  // The submission is acknowledged only with all its attachments: the terminal uploads them first.
  const refs = request.attachments ?? [];
  const attachmentCheck = await checkAttachments(db, request.id, refs, terminalId, request.keyId);
  if (!attachmentCheck.ok) {
    return attachmentCheck.kind === 'attachments_incomplete'
      ? { kind: 'attachments_incomplete', missing: attachmentCheck.missing }
      : { kind: 'invalid_encryption', code: attachmentCheck.code, message: attachmentCheck.message };
  }

  const row: SubmissionTable = {
    id: request.id,
    tracking_code: request.trackingCode,
    form_id: form.id,
    form_version: form.version,
    service_id: request.serviceId,
    office_id: form.officeId,
    terminal_id: terminalId,
    locale: request.locale,
    key_id: request.keyId,
    data_jwe: request.data,
    metadata_jwe: request.metadata,
    body_hash: bodyHash,
    status: 'received',
    status_message: '',
    status_updated_at: null,
    submitted_at: request.submittedAt,
    received_at: now.toISOString(),
    attachments: JSON.stringify(refs),
  };
  try {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('submissions').values(row).execute();
      // Queued with the row itself: an application is never stored without its way onward.
      if (route?.kind === 'fit-connect')
        await trx
          .insertInto('fitconnect_deliveries')
          .values(deliveryRow(row.id, route, now))
          .execute();
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Lost a race against the same id (a parallel resend) or against another id's tracking code.
    return (await classifyExisting(db, request.id, bodyHash)) ?? { kind: 'tracking_code_taken' };
  }
  return { kind: 'created', receipt: receiptOf(row) };
}

async function classifyExisting(
  db: HubKysely,
  id: string,
  bodyHash: string,
): Promise<ReceiveOutcome | undefined> {
  const existing = await db
    .selectFrom('submissions')
    .select(['id', 'tracking_code', 'received_at', 'status', 'body_hash'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!existing) return undefined;
  if (existing.body_hash !== bodyHash) return { kind: 'idempotency_conflict' };
  return { kind: 'replayed', receipt: receiptOf(existing) };
}

function receiptOf(
  row: Pick<SubmissionTable, 'id' | 'tracking_code' | 'received_at' | 'status'>,
): SubmissionReceipt {
  return { id: row.id, trackingCode: row.tracking_code, receivedAt: row.received_at, status: row.status };
}

async function checkEncryption(
  db: HubKysely,
  officeId: string,
  request: SubmissionRequest,
  route: OfficeDeliveryRouteTable | undefined,
): Promise<ReceiveOutcome | undefined> {
  for (const [part, compact] of [
    ['data', request.data],
    ['metadata', request.metadata],
  ] as const) {
    const header = readJweHeader(compact);
    if (!header.ok) {
      return { kind: 'invalid_encryption', code: header.code, message: `${part}: ${header.message}` };
    }
    if (header.kid !== request.keyId) {
      return {
        kind: 'invalid_encryption',
        code: 'invalid_encryption',
        message: `${part} is encrypted to ${header.kid}, not to keyId ${request.keyId}`,
      };
    }
  }
  if (route?.kind === 'fit-connect') {
    // Sealed to the destination's key for the specialist system, never to a key clerks hold.
    if (route.encryption_kid === request.keyId) return undefined;
    return {
      kind: 'unknown_key',
      message: `Office ${officeId} delivers through FIT-Connect; seal to its destination key ${route.encryption_kid ?? '(not fetched yet)'}, not ${request.keyId}.`,
    };
  }
  const keys = await findOfficeKeys(db, officeId);
  if (!keys.some((key) => key.kid === request.keyId)) {
    return { kind: 'unknown_key', message: `Office ${officeId} holds no key ${request.keyId}.` };
  }
  return undefined;
}
