/**
 * The error code for a JWE whose protected header carries members outside the profile (400 at
 * receive); a wrong alg or enc stays invalid_encryption, as it always was.
 */
export const JWE_HEADER_NOT_ALLOWED = 'jwe_header_not_allowed';

/**
 * The whole profile: RSA-OAEP-256 + A256GCM, a kid, and optionally cty. Anything else (zip,
 * crit, jku, epk, …) is refused, since the clerk's console would not open it, or would have to
 * trust something the terminal never meant.
 */
const ALLOWED_HEADER_NAMES = new Set(['alg', 'enc', 'kid', 'cty']);

export type JweHeaderCheck =
  | { ok: true; kid: string }
  | { ok: false; code: 'invalid_encryption' | typeof JWE_HEADER_NOT_ALLOWED; message: string };

/**
 * Reads the protected header of a compact JWE without decrypting it (the hub has no key): the
 * algorithm must be the FIT-Connect pair RSA-OAEP-256 + A256GCM and a kid must name the key.
 */
export function readJweHeader(compact: string): JweHeaderCheck {
  const parts = compact.split('.');
  if (parts.length !== 5)
    return { ok: false, code: 'invalid_encryption', message: 'not a JWE in compact serialization' };
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(parts[0] ?? '', 'base64url').toString('utf8'));
  } catch {
    return { ok: false, code: 'invalid_encryption', message: 'the JWE header is not JSON' };
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    return { ok: false, code: 'invalid_encryption', message: 'the JWE header is not a JSON object' };
  }
  const fields = header as Record<string, unknown>;
  const { alg, enc, kid, cty } = fields;
  if (alg !== 'RSA-OAEP-256' || enc !== 'A256GCM') {
    return { ok: false, code: 'invalid_encryption', message: 'the JWE must use RSA-OAEP-256 with A256GCM' };
  }
  const extra = Object.keys(fields).filter((name) => !ALLOWED_HEADER_NAMES.has(name));
  if (extra.length > 0) {
    return {
      ok: false,
      code: JWE_HEADER_NOT_ALLOWED,
      message: `the JWE header carries ${extra.join(', ')}; only alg, enc, kid and cty are allowed`,
    };
  }
  if (cty !== undefined && typeof cty !== 'string') {
    return { ok: false, code: JWE_HEADER_NOT_ALLOWED, message: 'the JWE header cty must be a string' };
  }
  if (typeof kid !== 'string' || kid === '')
    return { ok: false, code: 'invalid_encryption', message: 'the JWE header names no key (kid)' };
  return { ok: true, kid };
}
