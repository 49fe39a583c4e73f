import { createHmac, randomBytes, randomInt, timingSafeEqual, webcrypto } from 'node:crypto';
import { tokenChallenge, type EnrollRequest } from '../../protocol/fleet.js';
import type { HubKysely } from '../db/schema.js';
import { HttpError } from '../http/errors.js';
import { resolveTenant } from '../tenants/store.js';
import { sha256Hex } from '../util/hash.js';
import { currentTokenSecret, tokenSecretById } from './token-secrets.js';

/** Crockford's base32 without I, L, O, U: a code read off a screen and typed on a terminal. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const normalizeCode = (code: string) => code.toUpperCase().replace(/[^0-9A-Z]/g, '');

export function makeEnrollmentCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

export async function createEnrollmentCode(
  db: HubKysely,
  input: { terminalId: string; name: string; ttlMinutes: number },
  now: Date,
  tenant?: string,
): Promise<{ code: string; terminalId: string; expiresAt: string }> {
  const tenantId = await resolveTenant(db, tenant);
  const existing = await db
    .selectFrom('terminals')
    .select(['revoked_at', 'tenant_id'])
    .where('id', '=', input.terminalId)
    .executeTakeFirst();
  // Terminal ids are unique on the hub: a device of another municipality cannot be taken over.
  if (existing && existing.tenant_id !== tenantId)
    throw new HttpError(409, {
      error: 'conflict',
      message: `terminalId: a terminal "${input.terminalId}" exists already on this hub`,
      issues: [{ path: 'terminalId', message: 'exists already on this hub' }],
    });
  if (existing?.revoked_at)
    throw new HttpError(409, {
      error: 'terminal_revoked',
      message: `Terminal "${input.terminalId}" is revoked; enroll the device under a new id.`,
    });
  const code = makeEnrollmentCode();
  const expiresAt = new Date(now.getTime() + input.ttlMinutes * 60_000).toISOString();
  await db
    .insertInto('enrollment_codes')
    .values({
      code_hash: sha256Hex(normalizeCode(code)),
      tenant_id: tenantId,
      terminal_id: input.terminalId,
      terminal_name: input.name,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      used_at: null,
    })
    .execute();
  return { code, terminalId: input.terminalId, expiresAt };
}

/** Uses up the code (once, before it expires) and stores the terminal's public key. */
export async function enroll(
  db: HubKysely,
  request: EnrollRequest,
  now: Date,
): Promise<{ terminalId: string; name: string }> {
  try {
    await importTerminalKey(JSON.stringify(request.publicKey));
  } catch {
    throw new HttpError(400, { error: 'invalid_key', message: 'The public key is not a valid P-256 key.' });
  }
  const hash = sha256Hex(normalizeCode(request.code));
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const code = await trx
      .selectFrom('enrollment_codes')
      .selectAll()
      .where('code_hash', '=', hash)
      .executeTakeFirst();
    const refuse = (why: string) =>
      new HttpError(401, { error: 'enrollment_refused', message: `The enrollment code ${why}.` });
    if (!code) throw refuse('is unknown');
    if (code.used_at !== null) throw refuse('has already been used');
    if (code.expires_at <= at) throw refuse('has expired');
    // The conditional update is the single use: of two terminals racing with one code, one wins.
    const used = await trx
      .updateTable('enrollment_codes')
      .set({ used_at: at })
      .where('code_hash', '=', hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw refuse('has already been used');
    const terminal = await trx
      .selectFrom('terminals')
      .select('revoked_at')
      .where('id', '=', code.terminal_id)
      .executeTakeFirst();
    if (terminal?.revoked_at)
      throw new HttpError(401, {
        error: 'enrollment_refused',
        message: 'The terminal of this code is revoked.',
      });
    if (!terminal)
      await trx
        .insertInto('terminals')
        .values({
          id: code.terminal_id,
          tenant_id: code.tenant_id,
          name: code.terminal_name,
          // Enrolled terminals sign instead; this hash belongs to no token anyone knows.
          token_hash: sha256Hex(`enrolled:${randomBytes(32).toString('hex')}`),
          created_at: at,
          revoked_at: null,
        })
        .execute();
    const key = JSON.stringify(request.publicKey);
    await trx
      .insertInto('terminal_keys')
      .values({ terminal_id: code.terminal_id, public_key: key, enrolled_at: at })
      .onConflict((oc) => oc.column('terminal_id').doUpdateSet({ public_key: key, enrolled_at: at }))
      .execute();
    return { terminalId: code.terminal_id, name: code.terminal_name };
  });
}

function importTerminalKey(jwk: string): Promise<webcrypto.CryptoKey> {
  return webcrypto.subtle.importKey(
    'jwk',
    JSON.parse(jwk) as webcrypto.JsonWebKey,
    { name: 'ECDSA', namedCurve: 'P-256' },
    false,
    ['verify'],
  );
}

export const TERMINAL_TOKEN_SECONDS = 60 * 60;
const SIGNED_AT_TOLERANCE_MS = 5 * 60_000;

/**
 * Short-lived terminal tokens: a terminal proves its key with one ECDSA signature an hour and
 * then sends an HMAC token, which the hub checks without a key lookup. The secrets live in the
 * database (token-secrets.ts), so any hub instance accepts a token another one made, and a
 * token names the secret's id: after a rotation older tokens stay good until it is retired.
 */
export class TerminalTokens {
  private readonly keys = new Map<string, Promise<webcrypto.CryptoKey>>();

  constructor(private readonly db: HubKysely) {}

  async issue(request: { terminalId: string; signedAt: string; signature: string }, now: Date) {
    const refused = (message: string) => new HttpError(401, { error: 'unauthenticated', message });
    if (Math.abs(Date.parse(request.signedAt) - now.getTime()) > SIGNED_AT_TOLERANCE_MS)
      throw refused('The signature is too old or from the future; check the terminal clock.');
    const row = await this.db
      .selectFrom('terminal_keys')
      .innerJoin('terminals', 'terminals.id', 'terminal_keys.terminal_id')
      .select(['terminal_keys.public_key', 'terminals.revoked_at'])
      .where('terminal_keys.terminal_id', '=', request.terminalId)
      .executeTakeFirst();
    if (!row || row.revoked_at) throw refused('The terminal is not enrolled or has been revoked.');
    const cacheKey = `${request.terminalId}\n${row.public_key}`;
    let key = this.keys.get(cacheKey);
    if (!key) {
      key = importTerminalKey(row.public_key);
      this.keys.set(cacheKey, key);
    }
    const valid = await webcrypto.subtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      await key,
      Buffer.from(request.signature, 'base64url'),
      Buffer.from(tokenChallenge(request.terminalId, request.signedAt), 'utf8'),
    );
    if (!valid) throw refused('The signature does not match the enrolled key.');
    const expires = Math.floor(now.getTime() / 1000) + TERMINAL_TOKEN_SECONDS;
    const { id, secret } = await currentTokenSecret(this.db, now);
    const body = `t2.${id}.${request.terminalId}.${expires}`;
    return { token: `${body}.${mac(secret, body)}`, expiresAt: new Date(expires * 1000).toISOString() };
  }

  /** The terminal id of a valid, unexpired token; revocation is checked by the caller. */
  async verify(token: string, now: Date): Promise<string | null> {
    const match = /^(t2\.([a-z0-9]{1,32})\.([a-z0-9-]+)\.(\d+))\.([A-Za-z0-9_-]+)$/.exec(token);
    if (!match?.[1] || !match[2] || !match[3] || !match[4] || !match[5]) return null;
    if (Number(match[4]) * 1000 <= now.getTime()) return null;
    const secret = await tokenSecretById(this.db, match[2]);
    if (!secret) return null;
    const expected = Buffer.from(mac(secret, match[1]));
    const given = Buffer.from(match[5]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    return match[3];
  }
}

function mac(secret: Buffer, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}
