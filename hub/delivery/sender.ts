import { z } from 'zod';
import { Destination, DestinationJwk, EventLog, SubmissionCreated } from '../../protocol/fitconnect/api.js';
import { leikaIdentifier } from '../../protocol/fitconnect/metadata.js';
import type { FitConnectDeliveryTable, OfficeDeliveryRouteTable } from '../db/delivery-schema.js';
import type { HubKysely } from '../db/schema.js';
import { sealedText } from '../submissions/attachments.js';
import { parseSet, verdictOf, verifySet, type SecurityEventToken } from './events.js';
import { credentialsOf, findRoute, saveDestinationKey } from './route-store.js';
import { FitConnectError, SubmissionApiClient, type ClientOptions } from './submission-api-client.js';

/** After this many transient failures in a row an application is quarantined, not retried forever. */
export const MAX_DELIVERY_ATTEMPTS = 12;

/** A pass holds a row this long; a sender that died mid-way leaves it to the next after that. */
export const DELIVERY_LEASE_MS = 5 * 60 * 1000;
/** How often a submitted application's event log is read until accept or reject. */
export const EVENT_POLL_MS = 60 * 1000;

/** The steps after which the journal row is written; tests crash the sender at each. */
export type DeliveryStep = 'created' | 'attachment' | 'submitted' | 'concluded';

export interface SenderDeps {
  db: HubKysely;
  now: () => Date;
  client?: ClientOptions;
  /** How often a submitted application's event log is read (default EVENT_POLL_MS). */
  eventPollMs?: number;
  /** Called after each step is recorded (a test throws here to play a crash). */
  afterStep?: (step: DeliveryStep, submissionId: string) => void | Promise<void>;
}

/** What the citizen sees for the tracking code, per FIT-Connect outcome (no personal data). */
export const CITIZEN_MESSAGES = {
  submitted: 'An die zuständige Stelle übermittelt.',
  accepted: 'Von der zuständigen Stelle angenommen.',
  rejected: 'Von der zuständigen Stelle abgelehnt.',
} as const;

/** Queues an application for its office's FIT-Connect destination (same transaction as its row). */
export function deliveryRow(
  submissionId: string,
  route: OfficeDeliveryRouteTable,
  now: Date,
): FitConnectDeliveryTable {
  return {
    submission_id: submissionId,
    office_id: route.office_id,
    destination_id: route.destination_id ?? '',
    state: 'pending',
    fc_submission_id: null,
    fc_case_id: null,
    uploaded_attachments: '[]',
    attempts: 0,
    next_attempt_at: now.toISOString(),
    last_error: null,
    quarantine_reason: null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
}

/** GET destination → encryptionKid → that key; kept on the route for the content terminals load. */
export async function refreshDestinationKey(deps: SenderDeps, officeId: string): Promise<DestinationJwk> {
  const route = await findRoute(deps.db, officeId);
  if (!route || route.kind !== 'fit-connect' || !route.destination_id)
    throw new Error(`office ${officeId} has no FIT-Connect route`);
  const client = new SubmissionApiClient(credentialsOf(route), deps.client);
  const dest = encodeURIComponent(route.destination_id);
  const destination = await client.get(`/v1/destinations/${dest}`, Destination);
  const jwk = await client.get(
    `/v1/destinations/${dest}/keys/${encodeURIComponent(destination.encryptionKid)}`,
    DestinationJwk,
  );
  if (jwk.kid !== destination.encryptionKid) throw new Error('the destination answered a key of another kid');
  if (jwk.key_ops && !jwk.key_ops.includes('wrapKey'))
    throw new Error(`key ${jwk.kid} is not an encryption key (key_ops ${jwk.key_ops.join(', ')})`);
  await saveDestinationKey(deps.db, officeId, { kid: jwk.kid, jwk }, deps.now());
  return jwk;
}

/**
 * One pass over the journal: moves every due application as far as it goes now. Applications
 * are handled one after another; each step is recorded before the next begins.
 */
export async function deliverDue(deps: SenderDeps): Promise<void> {
  const now = deps.now().toISOString();
  const due = await deps.db
    .selectFrom('fitconnect_deliveries')
    .selectAll()
    .where('state', 'in', ['pending', 'created', 'submitted'])
    .where('next_attempt_at', '<=', now)
    .orderBy('created_at')
    .execute();
  const clients = new Map<string, SubmissionApiClient>();
  for (const row of due) {
    const route = await findRoute(deps.db, row.office_id);
    if (!route || route.kind !== 'fit-connect') {
      await quarantine(deps, row, 'the office no longer delivers through FIT-Connect');
      continue;
    }
    // Claimed by moving its due time: of two hubs on one database, only one wins the row.
    const lease = new Date(deps.now().getTime() + DELIVERY_LEASE_MS).toISOString();
    const claimed = await deps.db
      .updateTable('fitconnect_deliveries')
      .set({ next_attempt_at: lease })
      .where('submission_id', '=', row.submission_id)
      .where('next_attempt_at', '=', row.next_attempt_at)
      .executeTakeFirst();
    if (claimed.numUpdatedRows === 0n) continue;
    let client = clients.get(row.office_id);
    if (!client) {
      client = new SubmissionApiClient(credentialsOf(route), deps.client);
      clients.set(row.office_id, client);
    }
    try {
      await advance(deps, client, route, row);
    } catch (error) {
      if (!(error instanceof FitConnectError)) throw error;
      await recordFailure(deps, row.submission_id, error);
    }
  }
}

async function advance(
  deps: SenderDeps,
  client: SubmissionApiClient,
  route: OfficeDeliveryRouteTable,
  start: FitConnectDeliveryTable,
): Promise<void> {
  const { db } = deps;
  const submission = await db
    .selectFrom('submissions')
    .select(['id', 'data_jwe', 'metadata_jwe', 'attachments'])
    .where('id', '=', start.submission_id)
    .executeTakeFirstOrThrow();
  const refs = JSON.parse(submission.attachments) as { id: string }[];
  let row = start;

  if (row.state === 'pending') {
    // Not idempotent at FIT-Connect: if the answer is lost, the next try announces anew. The lost
    // one is never submitted, so it never reaches the receiver and expires there.
    const created = await client.post(
      '/v1/submissions',
      {
        destinationId: route.destination_id,
        announcedAttachments: refs.map((r) => r.id),
        serviceType: { name: route.service_name ?? '', identifier: leikaIdentifier(route.leika_key ?? '') },
      },
      SubmissionCreated,
    );
    row = await update(deps, row, {
      state: 'created',
      fc_submission_id: created.submissionId,
      fc_case_id: created.caseId,
    });
    await deps.afterStep?.('created', row.submission_id);
  }

  if (row.state === 'created') {
    const fcId = encodeURIComponent(row.fc_submission_id ?? '');
    const uploaded = new Set(JSON.parse(row.uploaded_attachments) as string[]);
    for (const ref of refs) {
      if (uploaded.has(ref.id)) continue;
      const jwe = await sealedText(db, submission.id, ref.id);
      if (jwe === undefined) {
        await quarantine(deps, row, `attachment ${ref.id} is missing on the hub`);
        return;
      }
      try {
        await client.put(`/v1/submissions/${fcId}/attachments/${encodeURIComponent(ref.id)}`, { jose: jwe });
      } catch (error) {
        // 409: the API has this attachment already (our earlier PUT went through unanswered).
        if (!(error instanceof FitConnectError && error.failure === 'conflict')) throw error;
      }
      uploaded.add(ref.id);
      row = await update(deps, row, { uploaded_attachments: JSON.stringify([...uploaded]) });
      await deps.afterStep?.('attachment', row.submission_id);
    }
    try {
      await client.put(`/v1/submissions/${fcId}`, {
        json: { encryptedData: submission.data_jwe, encryptedMetadata: submission.metadata_jwe },
      });
    } catch (error) {
      if (!(error instanceof FitConnectError && error.failure === 'conflict')) throw error;
      // 409 on submit: done before only if the delivery service logged the submit event.
      const verdict = await readEvents(client, route, row);
      if (verdict.kind === 'none') {
        await quarantine(deps, row, `FIT-Connect refused the submit: ${error.message}`);
        return;
      }
    }
    row = await update(deps, row, { state: 'submitted', attempts: 0, last_error: null });
    await setCitizenStatus(deps, row.submission_id, 'received', CITIZEN_MESSAGES.submitted);
    await deps.afterStep?.('submitted', row.submission_id);
  }

  if (row.state === 'submitted') {
    const verdict = await readEvents(client, route, row);
    if (verdict.kind === 'accepted') {
      await update(deps, row, { state: 'accepted' });
      await setCitizenStatus(deps, row.submission_id, 'in-progress', CITIZEN_MESSAGES.accepted);
      await deps.afterStep?.('concluded', row.submission_id);
    } else if (verdict.kind === 'rejected') {
      await update(deps, row, { state: 'rejected' });
      const why = verdict.problems.length > 0 ? ` ${verdict.problems.join('; ')}` : '';
      await setCitizenStatus(
        deps,
        row.submission_id,
        'rejected',
        `${CITIZEN_MESSAGES.rejected}${why}`.slice(0, 500),
      );
      await deps.afterStep?.('concluded', row.submission_id);
    } else {
      await update(deps, row, {
        next_attempt_at: new Date(deps.now().getTime() + (deps.eventPollMs ?? EVENT_POLL_MS)).toISOString(),
      });
    }
  }
}

/** The submission's event log, each SET verified with the key its kid names; unverified ones count for nothing. */
async function readEvents(
  client: SubmissionApiClient,
  route: OfficeDeliveryRouteTable,
  row: FitConnectDeliveryTable,
) {
  const fcId = row.fc_submission_id ?? '';
  const log = await client.get(`/v1/submissions/${encodeURIComponent(fcId)}/events`, EventLog);
  const verified: SecurityEventToken[] = [];
  for (const compact of log.eventLog) {
    let set: SecurityEventToken;
    try {
      set = parseSet(compact);
    } catch {
      continue;
    }
    const jwk = await client
      .get(
        `/v1/destinations/${encodeURIComponent(route.destination_id ?? '')}/keys/${encodeURIComponent(set.header.kid)}`,
        DestinationJwk,
      )
      .catch(async (error: unknown) => {
        // The delivery service's own submit events are signed with its keys, not the destination's.
        if (error instanceof FitConnectError && error.status === 404) {
          const jwks = await client.get('/.well-known/jwks.json', JwksAnswer);
          return jwks.keys.find((k) => k.kid === set.header.kid);
        }
        throw error;
      });
    if (jwk && (await verifySet(set, jwk))) verified.push(set);
  }
  return verdictOf(verified, fcId);
}

const JwksAnswer = z.object({ keys: z.array(DestinationJwk) });

async function update(
  deps: SenderDeps,
  row: FitConnectDeliveryTable,
  change: Partial<FitConnectDeliveryTable>,
): Promise<FitConnectDeliveryTable> {
  const next = { ...row, ...change, updated_at: deps.now().toISOString() };
  await deps.db
    .updateTable('fitconnect_deliveries')
    .set({ ...change, updated_at: next.updated_at })
    .where('submission_id', '=', row.submission_id)
    .execute();
  return next;
}

async function quarantine(deps: SenderDeps, row: FitConnectDeliveryTable, reason: string): Promise<void> {
  await update(deps, row, { state: 'quarantined', quarantine_reason: reason.slice(0, 500) });
}

async function recordFailure(deps: SenderDeps, submissionId: string, error: FitConnectError): Promise<void> {
  const row = await deps.db
    .selectFrom('fitconnect_deliveries')
    .selectAll()
    .where('submission_id', '=', submissionId)
    .executeTakeFirstOrThrow();
  if (row.state === 'submitted') {
    // Delivered already: a failing event log read is retried, never a reason for quarantine.
    await update(deps, row, {
      last_error: error.message.slice(0, 500),
      next_attempt_at: new Date(deps.now().getTime() + (deps.eventPollMs ?? EVENT_POLL_MS)).toISOString(),
    });
    return;
  }
  if (error.failure !== 'transient') {
    await quarantine(deps, row, error.message);
    return;
  }
  const attempts = row.attempts + 1;
  if (attempts >= MAX_DELIVERY_ATTEMPTS) {
    await quarantine(deps, row, `gave up after ${attempts} attempts: ${error.message}`);
    return;
  }
  // Full jitter is not needed here: one sender per hub, and the API sees one office at a time.
  const delayMs = Math.min(2 ** attempts * 1000, 15 * 60 * 1000);
  await update(deps, row, {
    attempts,
    last_error: error.message.slice(0, 500),
    next_attempt_at: new Date(deps.now().getTime() + delayMs).toISOString(),
  });
}

async function setCitizenStatus(
  deps: SenderDeps,
  submissionId: string,
  status: 'received' | 'in-progress' | 'rejected',
  message: string,
): Promise<void> {
  await deps.db
    .updateTable('submissions')
    .set({ status, status_message: message, status_updated_at: deps.now().toISOString() })
    .where('id', '=', submissionId)
    .execute();
}
