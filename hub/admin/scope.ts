import type { HubKysely } from '../db/schema.js';
import { HttpError } from '../http/errors.js';

/** Who did an administrative action: a clerk (by username) or the provider (by token name). */
export interface Actor {
  kind: 'clerk' | 'provider';
  name: string;
}

/**
 * What every administrative operation works within. Today a hub holds one catalog (content_meta
 * id 1), so the scope is the actor and the time; when tenants come, the admin's tenant joins this
 * object and each query in hub/admin adds it, without changing a route.
 */
export interface AdminScope {
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
