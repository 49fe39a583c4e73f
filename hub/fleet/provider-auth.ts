import type {} from '@fastify/cookie';
import type { onRequestHookHandler } from 'fastify';
import { PROVIDER_COOKIE } from '../../protocol/fleet.js';
import { bearerToken } from '../auth/terminal-auth.js';
import type { HubKysely } from '../db/schema.js';
import { HttpError } from '../http/errors.js';
import { sha256Hex } from '../util/hash.js';

/**
 * The provider is a role of its own: API tokens (bearer for the CLI, the same token in an
 * httpOnly cookie for the fleet console), never a clerk session. A clerk cookie opens nothing here.
 */
export const DEMO_PROVIDER_TOKEN = 'lindenau-provider-demo-token-change-me';
export const PROVIDER_TOKEN_ENV = 'POP_PROVIDER_TOKEN';

export function providerTokenFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const token = env[PROVIDER_TOKEN_ENV];
  return token !== undefined && token !== '' ? token : DEMO_PROVIDER_TOKEN;
}

/** Makes sure the given token works (idempotent), so the CLI and the console can log in. */
export async function ensureProviderToken(
  db: HubKysely,
  token: string,
  name: string,
  now: Date,
): Promise<void> {
  if (token.length < 24) throw new Error(`${PROVIDER_TOKEN_ENV} must have at least 24 characters.`);
  await db
    .insertInto('provider_tokens')
    .values({ token_hash: sha256Hex(token), name, created_at: now.toISOString(), revoked_at: null })
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

export function requireProvider(db: HubKysely): onRequestHookHandler {
  return async (request) => {
    const token = bearerToken(request.headers.authorization) ?? request.cookies[PROVIDER_COOKIE];
    if (!(await isProviderToken(db, token)))
      throw new HttpError(
        401,
        {
          error: 'unauthenticated',
          message: 'This route needs a provider token (Authorization: Bearer <token>).',
        },
        { 'www-authenticate': 'Bearer realm="provider"' },
      );
  };
}
