import type {} from '@fastify/cookie';
import type { onRequestHookHandler } from 'fastify';
import { PROVIDER_COOKIE } from '../../protocol/fleet.js';
import { bearerToken } from '../auth/terminal-auth.js';
import type { HubKysely } from '../db/schema.js';
import { HttpError } from '../http/errors.js';
import { randomToken, sha256Hex } from '../util/hash.js';

/**
 * The provider is a role of its own: API tokens (bearer for the CLI; the fleet console trades
 * one for a short session of its own), never a clerk session. A clerk cookie opens nothing here.
 */
export const PROVIDER_TOKEN_ENV = 'POP_PROVIDER_TOKEN';

/** The operator's provider token, if one is configured; a hub has none it was not given. */
export function providerTokenFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const token = env[PROVIDER_TOKEN_ENV];
  return token !== undefined && token !== '' ? token : undefined;
}

/**
 * Makes sure the given token works (idempotent), so the CLI and the console can log in. The token
 * the operator configures is an operator token: it runs every tenant and may create tenants and
 * issue per-person tokens for some of them (hub/fleet/provider-tenants.ts).
 */
export async function ensureProviderToken(
  db: HubKysely,
  token: string,
  name: string,
  now: Date,
): Promise<void> {
  if (token.length < 24) throw new Error(`${PROVIDER_TOKEN_ENV} must have at least 24 characters.`);
  await db
    .insertInto('provider_tokens')
    .values({
      token_hash: sha256Hex(token),
      name,
      created_at: now.toISOString(),
      revoked_at: null,
      operator: 1,
    })
    .onConflict((oc) => oc.column('token_hash').doNothing())
    .execute();
}

export async function isProviderToken(db: HubKysely, token: string | undefined): Promise<boolean> {
  if (!token) return false;
  const row = await db
    .selectFrom('provider_tokens')
    .select('name')
    .where('token_hash', '=', sha256Hex(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** The fleet console's session: short, so a forgotten browser tab does not stay a door. */
export const PROVIDER_SESSION_SECONDS = 30 * 60;

/**
 * Starts a console session for a provider token that was just checked: the cookie carries a
 * random opaque id; only its hash is stored, with the token it came from (revoking the token
 * ends its sessions).
 */
export async function startProviderSession(
  db: HubKysely,
  token: string,
  now: Date,
): Promise<{ sessionId: string; maxAgeSeconds: number }> {
  const sessionId = randomToken();
  const at = now.toISOString();
  await db.deleteFrom('provider_sessions').where('expires_at', '<=', at).execute();
  await db
    .insertInto('provider_sessions')
    .values({
      session_hash: sha256Hex(sessionId),
      token_hash: sha256Hex(token),
      created_at: at,
      expires_at: new Date(now.getTime() + PROVIDER_SESSION_SECONDS * 1000).toISOString(),
    })
    .execute();
  return { sessionId, maxAgeSeconds: PROVIDER_SESSION_SECONDS };
}

export async function endProviderSession(db: HubKysely, sessionId: string | undefined): Promise<void> {
  if (!sessionId) return;
  await db.deleteFrom('provider_sessions').where('session_hash', '=', sha256Hex(sessionId)).execute();
}

async function isProviderSession(db: HubKysely, sessionId: string | undefined, now: Date): Promise<boolean> {
  if (!sessionId) return false;
  const row = await db
    .selectFrom('provider_sessions as s')
    .innerJoin('provider_tokens as t', 't.token_hash', 's.token_hash')
    .select('s.session_hash')
    .where('s.session_hash', '=', sha256Hex(sessionId))
    .where('s.expires_at', '>', now.toISOString())
    .where('t.revoked_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** The CLI sends its token as a bearer; the console sends its session cookie (never the token). */
export function requireProvider(db: HubKysely, now: () => Date = () => new Date()): onRequestHookHandler {
  return async (request) => {
    const bearer = bearerToken(request.headers.authorization);
    const allowed =
      bearer !== undefined
        ? await isProviderToken(db, bearer)
        : await isProviderSession(db, request.cookies[PROVIDER_COOKIE], now());
    if (!allowed)
      throw new HttpError(
        401,
        {
          error: 'unauthenticated',
          message: 'This route needs a provider token (Authorization: Bearer <token>) or a console session.',
        },
        { 'www-authenticate': 'Bearer realm="provider"' },
      );
  };
}

/** A named token for one person, running the given tenants; the token is returned only here. */
export async function issueProviderToken(
  db: HubKysely,
  name: string,
  tenants: readonly string[],
  now: Date,
): Promise<string> {
  const token = randomToken();
  const tokenHash = sha256Hex(token);
  await db
    .insertInto('provider_tokens')
    .values({ token_hash: tokenHash, name, created_at: now.toISOString(), revoked_at: null, operator: 0 })
    .execute();
  for (const tenant of new Set(tenants))
    await db
      .insertInto('provider_token_tenants')
      .values({ token_hash: tokenHash, tenant_id: tenant })
      .execute();
  return token;
}
