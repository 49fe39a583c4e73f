import { z } from 'zod';
import { fromBase64Url, toBase64Url } from '../../protocol/encoding.js';
import { subtle, utf8 } from './runtime.js';
import { Id } from '../../protocol/id.js';

/** An RFC 7638 JWK thumbprint: SHA-256 of the key's required members, base64url (43 characters). */
export const JwkThumbprint = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'must be an RFC 7638 SHA-256 JWK thumbprint (43 base64url characters)');

/**
 * The office keys a terminal may encrypt to: per office, the thumbprints of its public keys
 * (current and retired). They come only from what the terminal already trusts — its installation
 * config or a provider-signed config — never from the content feed, which only carries the keys.
 */
export const OfficeKeyPins = z
  .record(Id, z.array(JwkThumbprint).min(1, 'must pin at least one key').max(16))
  .describe('Office id -> RFC 7638 SHA-256 thumbprints of the office keys terminals may encrypt to.');
export type OfficeKeyPins = z.infer<typeof OfficeKeyPins>;

/** The members RFC 7638 hashes for an RSA key, in its lexicographic order. */
export interface RsaPublicJwk {
  kty: string;
  n: string;
  e: string;
}

/** RFC 7638 thumbprint (SHA-256) of an RSA public JWK: the same in the CLI and on the terminal. */
export async function jwkThumbprint(jwk: RsaPublicJwk): Promise<string> {
  if (jwk.kty !== 'RSA') throw new Error(`only RSA keys have office key thumbprints, not kty "${jwk.kty}"`);
  const required = JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n });
  return toBase64Url(new Uint8Array(await subtle().digest('SHA-256', utf8(required))));
}

/**
 * The pins in force: a signed config that carries pins replaces the installation's (that is how
 * a provider rotates or withdraws office keys); one without pins leaves the installation's.
 */
export function officeKeyPinsInForce(
  installation: OfficeKeyPins | undefined,
  signed: OfficeKeyPins | undefined,
): OfficeKeyPins | undefined {
  return signed ?? installation;
}

/** RSA-4096 is the floor (FIT-Connect's recipient keys); the exponent must be 65537. */
export const MIN_OFFICE_KEY_BITS = 4096;

/**
 * Why a public JWK is no key to encrypt applications to, or null when it is one: RSA, for
 * RSA-OAEP-256, for encryption, at least 4096 bits, exponent 65537. Pure and shared by the
 * provider's CLI (before it pins a key) and the terminal (before it seals).
 */
export function officeKeyStrengthProblem(jwk: Readonly<Record<string, unknown>>): string | null {
  if (jwk['kty'] !== 'RSA') return `the key type is ${describe(jwk['kty'])}, not RSA`;
  if (jwk['alg'] !== 'RSA-OAEP-256') return `the key is for ${describe(jwk['alg'])}, not for RSA-OAEP-256`;
  if (jwk['use'] !== undefined && jwk['use'] !== 'enc')
    return `the key is meant for ${describe(jwk['use'])}, not for encryption (use "enc")`;
  const ops = jwk['key_ops'];
  if (ops !== undefined && (!Array.isArray(ops) || ops.some((op) => op !== 'wrapKey' && op !== 'encrypt')))
    return `the key's key_ops ${JSON.stringify(ops)} allow more than wrapKey and encrypt`;
  if (jwk['e'] !== 'AQAB') return `the public exponent is ${describe(jwk['e'])}, not 65537 (AQAB)`;
  const bits = typeof jwk['n'] === 'string' ? modulusBits(jwk['n']) : null;
  if (bits === null) return 'the modulus n is not base64url';
  if (bits < MIN_OFFICE_KEY_BITS)
    return `the key has ${bits} bits; at least ${MIN_OFFICE_KEY_BITS} are required`;
  return null;
}

function describe(value: unknown): string {
  return value === undefined ? 'not given' : JSON.stringify(value);
}

/** Bit length of a base64url big-endian integer, leading zero bytes ignored. */
function modulusBits(n: string): number | null {
  const bytes = fromBase64Url(n);
  if (!bytes) return null;
  let first = 0;
  while (first < bytes.length && bytes[first] === 0) first++;
  if (first === bytes.length) return 0;
  return (bytes.length - first - 1) * 8 + (32 - Math.clz32(bytes[first] ?? 0));
}
