import type {} from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import { PROVIDER_COOKIE } from '../../protocol/fleet.js';
import { ARS_MESSAGE, isTenantId } from '../../protocol/tenants.js';
import { bearerToken } from '../auth/terminal-auth.js';
import type { HubKysely } from '../db/schema.js';
import { HttpError } from '../http/errors.js';
import { sha256Hex } from '../util/hash.js';

/** The provider token behind a request that passed requireProvider, and what it may run. */
export interface ProviderIdentity {
  tokenHash: string;
  /** The token's name: the actor of every audit entry it causes. */
  name: string;
  /** An operator token runs every tenant on the hub and may create tenants. */
  operator: boolean;
  /** The tenants a non-operator token runs. */
  tenants: string[];
}

export async function providerIdentity(
  db: HubKysely,
  request: FastifyRequest,
): Promise<ProviderIdentity | undefined> {
  const bearer = bearerToken(request.headers.authorization);
  const session = request.cookies[PROVIDER_COOKIE];
  let tokenHash: string | undefined;
  if (bearer !== undefined) tokenHash = sha256Hex(bearer);
  else if (session) {
    const row = await db
      .selectFrom('provider_sessions')
      .select('token_hash')
      .where('session_hash', '=', sha256Hex(session))
      .executeTakeFirst();
    tokenHash = row?.token_hash;
  }
  if (tokenHash === undefined) return undefined;
  const token = await db
    .selectFrom('provider_tokens')
    .select(['name', 'operator'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!token) return undefined;
  const tenants = await db
    .selectFrom('provider_token_tenants')
    .select('tenant_id')
    .where('token_hash', '=', tokenHash)
    .orderBy('tenant_id')
    .execute();
  return {
    tokenHash,
    name: token.name,
    operator: token.operator === 1,
    tenants: tenants.map((t) => t.tenant_id),
  };
}

const refusedTenant = (tenant: string) =>
  new HttpError(403, {
    error: 'tenant_forbidden',
    message: `tenant: this provider token does not run tenant "${tenant}"`,
    issues: [{ path: 'tenant', message: 'not run by this provider token' }],
  });

/**
 * The tenant a provider request works on: `?tenant=<ARS>`, which the token must run; without it,
 * the one tenant the token runs (or, for an operator, the hub's only tenant). Refused otherwise,
 * naming the field, so a provider of many municipalities always says which one it means.
 */
export async function providerTenant(
  db: HubKysely,
  request: FastifyRequest,
  given: string | undefined,
): Promise<{ tenantId: string; provider: ProviderIdentity }> {
  const provider = await providerIdentity(db, request);
  if (!provider)
    throw new HttpError(401, { error: 'unauthenticated', message: 'This route needs a provider token.' });
  if (given !== undefined) {
    if (!isTenantId(given))
      throw new HttpError(400, {
        error: 'invalid_request',
        message: `tenant: ${ARS_MESSAGE}`,
        issues: [{ path: 'tenant', message: ARS_MESSAGE }],
      });
    if (!provider.operator) {
      if (!provider.tenants.includes(given)) throw refusedTenant(given);
      return { tenantId: given, provider };
    }
    const known = await db.selectFrom('tenants').select('id').where('id', '=', given).executeTakeFirst();
    if (!known)
      throw new HttpError(404, {
        error: 'unknown_tenant',
        message: `tenant: there is no tenant "${given}" on this hub`,
        issues: [{ path: 'tenant', message: 'unknown' }],
      });
    return { tenantId: given, provider };
  }
  const candidates = provider.operator
    ? (await db.selectFrom('tenants').select('id').limit(2).execute()).map((t) => t.id)
    : provider.tenants;
  const [only] = candidates;
  if (candidates.length === 1 && only !== undefined) return { tenantId: only, provider };
  throw new HttpError(400, {
    error: 'tenant_required',
    message:
      candidates.length === 0
        ? 'tenant: this provider token runs no tenant yet'
        : 'tenant: this provider token runs several tenants; name one with ?tenant=<ARS>',
    issues: [{ path: 'tenant', message: 'required' }],
  });
}

export function requireOperator(provider: ProviderIdentity): void {
  if (!provider.operator)
    throw new HttpError(403, {
      error: 'not_operator',
      message: 'This needs an operator token (one that runs the whole hub).',
    });
}

/**
 * The tenant a provider read works on: as providerTenant, except that an operator token without
 * `?tenant=` reads the whole hub (undefined), so the operator's console shows every municipality.
 */
export async function providerReadTenant(
  db: HubKysely,
  request: FastifyRequest,
  given: string | undefined,
): Promise<string | undefined> {
  if (given === undefined && (await providerIdentity(db, request))?.operator) return undefined;
  return (await providerTenant(db, request, given)).tenantId;
}
