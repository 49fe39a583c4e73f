import { randomBytes, randomUUID } from 'node:crypto';
import type { HubKysely } from '../db/schema.js';

export interface TokenSecretInfo {
  id: string;
  createdAt: string;
  retiredAt: string | null;
  /** The newest secret still in use: new tokens are signed with it. */
  current: boolean;
}

/**
 * Terminal-token secrets in the database, so every hub instance signs and checks with the same
 * ones. Rotation adds a secret that signs from then on; the older ones keep checking until
 * retired, which leaves an hour (a token's life) for terminals to pick up a new token.
 */
export async function currentTokenSecret(db: HubKysely, now: Date): Promise<{ id: string; secret: Buffer }> {
  const row = await db
    .selectFrom('terminal_token_secrets')
    .select(['id', 'secret'])
    .where('retired_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (row) return { id: row.id, secret: Buffer.from(row.secret, 'base64url') };
  // Only reachable if every secret was retired by hand: two instances racing here each add one,
  // and both stay valid.
  const made = await rotateTokenSecret(db, now);
  return currentTokenSecret(db, new Date(Date.parse(made.createdAt)));
}

/** The secret a token names, unless it is unknown or retired. */
export async function tokenSecretById(db: HubKysely, id: string): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom('terminal_token_secrets')
    .select('secret')
    .where('id', '=', id)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  return row ? Buffer.from(row.secret, 'base64url') : undefined;
}

export async function rotateTokenSecret(db: HubKysely, now: Date): Promise<TokenSecretInfo> {
  const row = {
    id: randomUUID().slice(0, 8),
    secret: randomBytes(32).toString('base64url'),
    created_at: now.toISOString(),
    retired_at: null,
  };
  await db.insertInto('terminal_token_secrets').values(row).execute();
  return { id: row.id, createdAt: row.created_at, retiredAt: null, current: true };
}

export class TokenSecretError extends Error {}

/**
 * Retires a secret: tokens naming it are refused from now on (their terminals sign again). The
 * current secret cannot be retired; rotate first.
 */
export async function retireTokenSecret(db: HubKysely, id: string, now: Date): Promise<void> {
  const secrets = await listTokenSecrets(db);
  const secret = secrets.find((s) => s.id === id);
  if (!secret)
    throw new TokenSecretError(
      `There is no token secret "${id}" (known: ${secrets.map((s) => s.id).join(', ')}).`,
    );
  if (secret.retiredAt !== null) throw new TokenSecretError(`Token secret "${id}" is already retired.`);
  if (secret.current)
    throw new TokenSecretError(`Token secret "${id}" is the current one; rotate first, then retire it.`);
  await db
    .updateTable('terminal_token_secrets')
    .set({ retired_at: now.toISOString() })
    .where('id', '=', id)
    .where('retired_at', 'is', null)
    .execute();
}

/** Newest first; the secrets themselves are never listed. */
export async function listTokenSecrets(db: HubKysely): Promise<TokenSecretInfo[]> {
  const rows = await db
    .selectFrom('terminal_token_secrets')
    .select(['id', 'created_at', 'retired_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const current = rows.find((r) => r.retired_at === null)?.id;
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    retiredAt: r.retired_at,
    current: r.id === current,
  }));
}
