import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PublicJwk } from '../../protocol/admin.js';
import { checkOfficePublicKey } from './office-key-check.js';

const rsa = (bits: number) => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return {
    pub: publicKey.export({ format: 'jwk' }) as PublicJwk,
    priv: privateKey.export({ format: 'jwk' }) as PublicJwk,
  };
};
const k4096 = rsa(4096);

describe('checkOfficePublicKey', () => {
  it('keeps only the public members of an RSA-4096 key, for RSA-OAEP-256 encryption', () => {
    const check = checkOfficePublicKey({ ...k4096.pub, alg: 'RSA-OAEP-256', use: 'enc', ext: true });
    expect(check).toEqual({
      ok: true,
      jwk: { kty: 'RSA', n: k4096.pub.n, e: k4096.pub.e, alg: 'RSA-OAEP-256', use: 'enc' },
    });
  });

  it.each([
    ['a private key', { ...k4096.priv }, 'jwk.d'],
    ['a 2048-bit key', rsa(2048).pub, 'jwk.n'],
    [
      'a 4095-bit modulus (leading zero byte dropped)',
      { ...k4096.pub, n: `A${k4096.pub.n?.slice(1) ?? ''}` },
      'jwk.n',
    ],
    ['an EC key', { kty: 'EC', crv: 'P-256' }, 'jwk.kty'],
    ['RSA1_5', { ...k4096.pub, alg: 'RSA1_5' }, 'jwk.alg'],
    ['a signing key', { ...k4096.pub, use: 'sig' }, 'jwk.use'],
    ['n that is not base64url', { ...k4096.pub, n: 'a+b/' }, 'jwk.n'],
    ['no exponent', { kty: 'RSA', n: k4096.pub.n }, 'jwk.e'],
  ])('refuses %s naming %s', (_what, jwk, field) => {
    const check = checkOfficePublicKey(jwk as PublicJwk);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.field).toBe(field);
  });
});
