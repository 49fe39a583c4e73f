import type { DeliveryRouteInput, DeliveryRouteView } from '../../protocol/delivery.js';
import type { HubKysely } from '../db/schema.js';
import type { OfficeDeliveryRouteTable } from '../db/delivery-schema.js';
import type { FitConnectCredentials } from './submission-api-client.js';

export async function findRoute(
  db: HubKysely,
  officeId: string,
): Promise<OfficeDeliveryRouteTable | undefined> {
  return db
    .selectFrom('office_delivery_routes')
    .selectAll()
    .where('office_id', '=', officeId)
    .executeTakeFirst();
}

/** An office without a row delivers to the hub's own clerk inbox, as before routes existed. */
export async function isFitConnectOffice(db: HubKysely, officeId: string): Promise<boolean> {
  return (await findRoute(db, officeId))?.kind === 'fit-connect';
}

/** Sets an office's route; a new fit-connect route forgets the key of the old destination. */
export async function saveRoute(db: HubKysely, officeId: string, input: DeliveryRouteInput, now: Date) {
  const existing = await findRoute(db, officeId);
  const row: OfficeDeliveryRouteTable =
    input.kind === 'inbox'
      ? {
          office_id: officeId,
          kind: 'inbox',
          destination_id: null,
          client_id: null,
          client_secret: null,
          token_url: null,
          submission_api_url: null,
          leika_key: null,
          service_name: null,
          encryption_kid: null,
          encryption_jwk: null,
          key_fetched_at: null,
          updated_at: now.toISOString(),
        }
      : {
          office_id: officeId,
          kind: 'fit-connect',
          destination_id: input.destinationId,
          client_id: input.clientId,
          // Leaving the secret out keeps the one the hub has (the answers never show it).
          client_secret: input.clientSecret ?? existing?.client_secret ?? null,
          token_url: input.tokenUrl,
          submission_api_url: input.submissionApiUrl,
          leika_key: input.leikaKey,
          service_name: input.serviceName,
          encryption_kid: existing?.destination_id === input.destinationId ? existing.encryption_kid : null,
          encryption_jwk: existing?.destination_id === input.destinationId ? existing.encryption_jwk : null,
          key_fetched_at: existing?.destination_id === input.destinationId ? existing.key_fetched_at : null,
          updated_at: now.toISOString(),
        };
  if (row.kind === 'fit-connect' && !row.client_secret)
    throw new Error('clientSecret: a new FIT-Connect route needs the client secret');
  await db
    .insertInto('office_delivery_routes')
    .values(row)
    .onConflict((oc) => oc.column('office_id').doUpdateSet(row))
    .execute();
}

export function viewOf(officeId: string, row: OfficeDeliveryRouteTable | undefined): DeliveryRouteView {
  if (!row || row.kind === 'inbox') return { officeId, kind: 'inbox' };
  return {
    officeId,
    kind: 'fit-connect',
    destinationId: row.destination_id ?? '',
    clientId: row.client_id ?? '',
    clientSecretSet: Boolean(row.client_secret),
    tokenUrl: row.token_url ?? '',
    submissionApiUrl: row.submission_api_url ?? '',
    leikaKey: row.leika_key ?? '',
    serviceName: row.service_name ?? '',
    encryptionKid: row.encryption_kid,
    keyFetchedAt: row.key_fetched_at,
  };
}

export function credentialsOf(row: OfficeDeliveryRouteTable): FitConnectCredentials {
  if (
    row.kind !== 'fit-connect' ||
    !row.client_id ||
    !row.client_secret ||
    !row.token_url ||
    !row.submission_api_url
  )
    throw new Error(`office ${row.office_id} has no complete FIT-Connect route`);
  return {
    clientId: row.client_id,
    clientSecret: row.client_secret,
    tokenUrl: row.token_url,
    submissionApiUrl: row.submission_api_url,
  };
}

export async function saveDestinationKey(
  db: HubKysely,
  officeId: string,
  key: { kid: string; jwk: unknown },
  now: Date,
): Promise<void> {
  await db
    .updateTable('office_delivery_routes')
    .set({
      encryption_kid: key.kid,
      encryption_jwk: JSON.stringify(key.jwk),
      key_fetched_at: now.toISOString(),
    })
    .where('office_id', '=', officeId)
    .execute();
}
