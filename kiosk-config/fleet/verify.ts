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

export interface Refusal {
  ok: false;
  code: RefusalCode;
  reason: string;
  /**
   * The version that a verified signature vouches for, when the payload was meant for this
   * terminal (refused as expired, not yet valid, a downgrade or against the schema). Absent
   * whenever the signature did not verify: an unchecked number must never move the floor.
   */
  signedVersion?: number;
}

export type Opened = { ok: true; payload: ConfigPayload; keyId: string } | Refusal;
export type Verdict = Opened;

export interface VerifyContext {
  keyring: readonly ProviderKey[];
  terminalId: string;
  now: Date;
  /** The version running now; only a higher one is accepted. 0 when none runs yet. */
  currentVersion: number;
  /** Tolerated clock difference between provider and terminal. */
  clockSkewMs?: number;
}

const refuse = (code: RefusalCode, reason: string, signedVersion?: number): Refusal =>
  signedVersion === undefined ? { ok: false, code, reason } : { ok: false, code, reason, signedVersion };

/**
 * The one judgement of a signed config, shared by terminal, shell, hub and the provider's CLI:
 * who signed it (openSignedConfig), then whether it is for this terminal, now, and newer than
 * what ran (judgeConfig). Every refusal carries a code and a sentence for the log.
 */
export async function verifySignedConfig(raw: string, context: VerifyContext): Promise<Verdict> {
  const opened = await openSignedConfig(raw, context.keyring);
  return opened.ok ? judgeConfig(opened, context) : opened;
}

/**
 * Checks the signature against the keyring, then the payload against the schema. The signature
 * is checked before the payload is even parsed, so nothing unauthenticated is interpreted. The
 * hub uses this alone at publishing (it has no terminal, and its clock is not the terminal's).
 */
export async function openSignedConfig(raw: string, keyring: readonly ProviderKey[]): Promise<Opened> {
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
  const key = keyring.find((k) => k.keyId === keyId);
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
    return refuse(
      'invalid_payload',
      `The signed config breaks the schema: ${problems.join(' ')}`,
      signedVersionOf(json),
    );
  }
  return { ok: true, payload: payload.data, keyId };
}

/** Whether a config whose signature verified may run on this terminal now. */
export function judgeConfig(
  opened: { payload: ConfigPayload; keyId: string },
  context: Omit<VerifyContext, 'keyring'>,
): Verdict {
  const p = opened.payload;
  if (p.audience.terminal !== context.terminalId)
    return refuse(
      'foreign',
      `The config is meant for terminal "${p.audience.terminal}", not for "${context.terminalId}".`,
    );
  const skew = context.clockSkewMs ?? 5 * 60_000;
  const now = context.now.getTime();
  if (Date.parse(p.issuedAt) - skew > now)
    return refuse('not_yet_valid', `The config is issued in the future (${p.issuedAt}).`, p.version);
  if (Date.parse(p.expiresAt) <= now)
    return refuse('expired', `The config expired at ${p.expiresAt}.`, p.version);
  if (p.version <= context.currentVersion)
    return refuse(
      'downgrade',
      `The config has version ${p.version}, not newer than the running version ${context.currentVersion}.`,
      p.version,
    );
  return { ok: true, payload: p, keyId: opened.keyId };
}

/** The version field of a signed payload that breaks the schema elsewhere, if it is a sane one. */
function signedVersionOf(json: unknown): number | undefined {
  const version = (json as { version?: unknown } | null)?.version;
  return typeof version === 'number' && Number.isSafeInteger(version) && version > 0 ? version : undefined;
}
