import type { HubKysely } from '../db/schema.js';
import { HttpError } from '../http/errors.js';

/** Who did an administrative action: a clerk (by username) or the provider (by token name). */
export interface Actor {
  kind: 'clerk' | 'provider';
  name: string;
}

/**
 * What every administrative operation works within: the tenant (the admin's own municipality, or
 * the one a provider request names), the actor and the time. Each query in hub/admin adds the
 * tenant, so an admin never reads or changes another municipality's data.
 */
export interface AdminScope {
  /** The municipality's ARS (tenants.id). */
  tenantId: string;
  actor: Actor;
  /** ISO time of the request (protocol clock), used for updated_at and the audit entry. */
  now: string;
}

/** Runs an operation in one transaction: the change, the new revision and its audit entry together. */
export function inTransaction<T>(db: HubKysely, work: (trx: HubKysely) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}

/** A refusal that names the field, as a 4xx answer with one issue. */
export function refused(status: number, error: string, field: string, message: string): HttpError {
  return new HttpError(status, {
    error,
    message: `${field}: ${message}`,
    issues: [{ path: field, message }],
  });
}
