import { z } from 'zod';
import { OfficeKeyPins } from './office-keys.js';
import { Id } from '../../protocol/id.js';
import { TerminalSettings } from '../terminal-settings.js';
import { canonicalJson, toBase64Url } from '../../protocol/encoding.js';
import { subtle, utf8, type KeyHandle } from './runtime.js';

export const CONFIG_FORMAT = 'pop-config/1';
/** A terminal's config is a few KB; anything near this is an attack or an accident. */
export const MAX_SIGNED_CONFIG_BYTES = 256 * 1024;

const Base64Url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be base64url without padding');
const IsoTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 time' });

/** A provider's public signing key as a terminal pins it. */
export const ProviderKey = z.strictObject({
  keyId: Id,
  /** Raw Ed25519 public key (32 bytes), base64url. */
  publicKey: Base64Url.length(43, 'must be a 32-byte Ed25519 key in base64url'),
  revoked: z.boolean().optional(),
});
export type ProviderKey = z.infer<typeof ProviderKey>;
export const Keyring = z.array(ProviderKey).min(1, 'must hold at least one key').max(32);

/** What the provider signs: one terminal's settings, with everything needed to judge them. */
export const ConfigPayload = z
  .strictObject({
    format: z.literal(CONFIG_FORMAT),
    issuer: Id,
    /** Grows with every release; a terminal never goes back to a lower one. */
    version: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    issuedAt: IsoTime,
    expiresAt: IsoTime,
    audience: z.strictObject({ municipality: Id, site: Id, terminal: Id }),
    settings: TerminalSettings,
    /** The keyring to pin from now on (key rotation); revocations can never be undone. */
    trust: z.strictObject({ keys: Keyring }).optional(),
    /** The office keys this terminal may encrypt to (fleet/office-keys.ts); absent: the installation's. */
    officeKeys: OfficeKeyPins.optional(),
  })
  .refine((p) => p.issuedAt < p.expiresAt, { message: 'must be later than issuedAt', path: ['expiresAt'] });
export type ConfigPayload = z.infer<typeof ConfigPayload>;

/** What travels: the payload as the exact signed text, so no re-serialisation can break it. */
export const SignedConfig = z.strictObject({
  payload: z.string().min(2),
  keyId: Id,
  signature: Base64Url,
});
export type SignedConfig = z.infer<typeof SignedConfig>;

/** Signs a payload with an Ed25519 private key (WebCrypto, Node or browser). */
export async function signConfig(
  payload: ConfigPayload,
  keyId: string,
  privateKey: KeyHandle,
): Promise<SignedConfig> {
  const text = canonicalJson(payload);
  const signature = new Uint8Array(await subtle().sign('Ed25519', privateKey, utf8(text)));
  return { payload: text, keyId, signature: toBase64Url(signature) };
}
