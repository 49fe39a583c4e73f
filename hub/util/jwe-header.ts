/**
 * Reads the protected header of a compact JWE without decrypting it (the hub has no key): the
 * algorithm must be the FIT-Connect pair RSA-OAEP-256 + A256GCM and a kid must name the key.
 */
export function readJweHeader(compact: string): { ok: true; kid: string } | { ok: false; message: string } {
  const parts = compact.split('.');
  if (parts.length !== 5) return { ok: false, message: 'not a JWE in compact serialization' };
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(parts[0] ?? '', 'base64url').toString('utf8'));
  } catch {
    return { ok: false, message: 'the JWE header is not JSON' };
  }
  const { alg, enc, kid } = (header ?? {}) as Record<string, unknown>;
  if (alg !== 'RSA-OAEP-256' || enc !== 'A256GCM') {
    return { ok: false, message: 'the JWE must use RSA-OAEP-256 with A256GCM' };
  }
  if (typeof kid !== 'string' || kid === '')
    return { ok: false, message: 'the JWE header names no key (kid)' };
  return { ok: true, kid };
}
