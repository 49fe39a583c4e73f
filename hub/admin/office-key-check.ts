import { createPublicKey } from 'node:crypto';
import type { OfficeKey } from '../../protocol/catalog.js';
import type { PublicJwk } from '../../protocol/admin.js';

export const OFFICE_KEY_BITS = 4096;
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'] as const;

export type KeyCheck = { ok: true; jwk: OfficeKey['jwk'] } | { ok: false; field: string; message: string };

/**
 * An office key must be what terminals can seal to and what FIT-Connect asks for: an RSA public
 * key of exactly 4096 bits for RSA-OAEP-256 encryption. A private key is refused outright (and not
 * stored), so the hub never holds one. The kept JWK has the public members only.
 */
export function checkOfficePublicKey(jwk: PublicJwk): KeyCheck {
  const fail = (member: string, message: string): KeyCheck => ({
    ok: false,
    field: `jwk.${member}`,
    message,
  });
  if (PRIVATE_MEMBERS.some((member) => member in jwk))
    return fail('d', 'this is a private key: send only the public key (the .public.jwk.json file)');
  if (jwk.kty !== 'RSA') return fail('kty', 'must be RSA');
  if (jwk.alg !== undefined && jwk.alg !== 'RSA-OAEP-256') return fail('alg', 'must be RSA-OAEP-256');
  if (jwk.use !== undefined && jwk.use !== 'enc') return fail('use', 'must be enc');
  if (typeof jwk.n !== 'string' || !/^[A-Za-z0-9_-]+$/.test(jwk.n)) return fail('n', 'is not base64url');
  if (typeof jwk.e !== 'string' || !/^[A-Za-z0-9_-]+$/.test(jwk.e)) return fail('e', 'is not base64url');
  const bits = modulusBits(jwk.n);
  if (bits !== OFFICE_KEY_BITS)
    return fail('n', `the key has ${bits} bits; it must be RSA ${OFFICE_KEY_BITS}`);
  try {
    createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' });
  } catch {
    return fail('n', 'is not a usable RSA public key');
  }
  return { ok: true, jwk: { kty: 'RSA', n: jwk.n, e: jwk.e, alg: 'RSA-OAEP-256', use: 'enc' } };
}

function modulusBits(n: string): number {
  const bytes = Buffer.from(n, 'base64url');
  let start = 0;
  while (start < bytes.length && bytes[start] === 0) start++;
  if (start === bytes.length) return 0;
  const first = bytes[start] ?? 0;
  return (bytes.length - start - 1) * 8 + (32 - Math.clz32(first));
}
