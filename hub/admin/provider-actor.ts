import type {} from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import { PROVIDER_COOKIE } from '../../protocol/fleet.js';
import { bearerToken } from '../auth/terminal-auth.js';
import type { HubKysely } from '../db/schema.js';
import { sha256Hex } from '../util/hash.js';
import { recordAudit } from './audit.js';
import type { Actor } from './scope.js';

/** The provider behind a request that passed requireProvider: its token's name, for the audit log. */
export async function providerActor(db: HubKysely, request: FastifyRequest): Promise<Actor> {
  const bearer = bearerToken(request.headers.authorization);
  const session = request.cookies[PROVIDER_COOKIE];
  const row =
    bearer !== undefined
      ? await db
          .selectFrom('provider_tokens')
          .select('name')
          .where('token_hash', '=', sha256Hex(bearer))
          .executeTakeFirst()
      : session
        ? await db
            .selectFrom('provider_sessions as s')
            .innerJoin('provider_tokens as t', 't.token_hash', 's.token_hash')
            .select('t.name')
            .where('s.session_hash', '=', sha256Hex(session))
            .executeTakeFirst()
        : undefined;
  return { kind: 'provider', name: row?.name ?? 'provider' };
}

/** Records a provider action after it succeeded (fleet routes are not one transaction). */
export async function auditProviderAction(
  db: HubKysely,
  request: FastifyRequest,
  now: Date,
  action: string,
  target: string,
  after: unknown,
  tenantId: string,
): Promise<void> {
  const actor = await providerActor(db, request);
  await recordAudit(db, { tenantId, actor, now: now.toISOString() }, action, target, null, after);
}
