import { describeIssues } from './fleet-file.js';
import { fromBase64Url } from '../../protocol/encoding.js';
import { subtle, utf8 } from './runtime.js';
import { ConfigPayload, MAX_SIGNED_CONFIG_BYTES, SignedConfig, type ProviderKey } from './signed.js';

export type RefusalCode =
  | 'too_large'
  | 'not_json'
  | 'unsigned'
  | 'unknown_key'
  | 'revoked_key'
  | 'bad_signature'
  | 'invalid_payload'
  | 'foreign'
  | 'not_yet_valid'
  | 'expired'
  | 'downgrade';

export type Verdict =
  { ok: true; payload: ConfigPayload; keyId: string } | { ok: false; code: RefusalCode; reason: string };

export interface VerifyContext {
  keyring: readonly ProviderKey[];
  terminalId: string;
  now: Date;
  /** The version running now; only a higher one is accepted. 0 when none runs yet. */
  currentVersion: number;
  /** Tolerated clock difference between provider and terminal. */
  clockSkewMs?: number;
}

const refuse = (code: RefusalCode, reason: string): Verdict => ({ ok: false, code, reason });

/**
 * The one judgement of a signed config, shared by terminal, hub tests and the provider's CLI.
 * The signature is checked before the payload is even parsed, so nothing unauthenticated is
 * interpreted; every refusal carries a code and a sentence for the log.
 */
export async function verifySignedConfig(raw: string, context: VerifyContext): Promise<Verdict> {
  if (raw.length > MAX_SIGNED_CONFIG_BYTES)
    return refuse(
      'too_large',
      `The config has ${raw.length} characters, more than the limit of ${MAX_SIGNED_CONFIG_BYTES}.`,
    );
  let envelope: unknown;
  try {
    envelope = JSON.parse(raw);
  } catch {
    return refuse('not_json', 'The config is not valid JSON (truncated or damaged in transit).');
  }
  const signed = SignedConfig.safeParse(envelope);
  if (!signed.success) {
    const problems = describeIssues(signed.error.issues).map((p) => `${p.path}: ${p.message}`);
    return refuse(
      'unsigned',
      `The config is not a signed envelope (payload, keyId, signature): ${problems.join(' ')}`,
    );
  }
  const { payload: text, keyId, signature } = signed.data;
  const key = context.keyring.find((k) => k.keyId === keyId);
  if (!key)
    return refuse(
      'unknown_key',
      `The config is signed with key "${keyId}", which this terminal does not trust.`,
    );
  if (key.revoked)
    return refuse('revoked_key', `The config is signed with key "${keyId}", which has been revoked.`);
  const signatureBytes = fromBase64Url(signature);
  const publicKey = fromBase64Url(key.publicKey);
  if (!signatureBytes || signatureBytes.length !== 64 || !publicKey || publicKey.length !== 32)
    return refuse('bad_signature', 'The signature is not a 64-byte Ed25519 signature.');
  const verifier = await subtle().importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify']);
  if (!(await subtle().verify('Ed25519', verifier, signatureBytes, utf8(text))))
    return refuse(
      'bad_signature',
      `The signature does not match the content: it was changed after signing or not signed with "${keyId}".`,
    );

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse('invalid_payload', 'The signed payload is not JSON.');
  }
  const payload = ConfigPayload.safeParse(json);
  if (!payload.success) {
    const problems = describeIssues(payload.error.issues).map((p) => `${p.path}: ${p.message}`);
    return refuse('invalid_payload', `The signed config breaks the schema: ${problems.join(' ')}`);
  }
  const p = payload.data;
  if (p.audience.terminal !== context.terminalId)
    return refuse(
      'foreign',
      `The config is meant for terminal "${p.audience.terminal}", not for "${context.terminalId}".`,
    );
  const skew = context.clockSkewMs ?? 5 * 60_000;
  const now = context.now.getTime();
  if (Date.parse(p.issuedAt) - skew > now)
    return refuse('not_yet_valid', `The config is issued in the future (${p.issuedAt}).`);
  if (Date.parse(p.expiresAt) <= now) return refuse('expired', `The config expired at ${p.expiresAt}.`);
  if (p.version <= context.currentVersion)
    return refuse(
      'downgrade',
      `The config has version ${p.version}, not newer than the running version ${context.currentVersion}.`,
    );
  return { ok: true, payload: p, keyId };
}

/**
 * The keyring after a verified config: its trust list, if any, replaces the pinned one, except
 * that a key once revoked stays revoked (a stolen key cannot sign its own rehabilitation).
 */
export function nextKeyring(pinned: readonly ProviderKey[], payload: ConfigPayload): ProviderKey[] {
  const offered = payload.trust?.keys;
  if (!offered) return [...pinned];
  const revoked = new Set(pinned.filter((k) => k.revoked).map((k) => k.keyId));
  const next = offered.map((k) => (revoked.has(k.keyId) ? { ...k, revoked: true } : k));
  for (const old of pinned) if (old.revoked && !next.some((k) => k.keyId === old.keyId)) next.push(old);
  return next;
}
