import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { calculateJwkThumbprint } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  jwkThumbprint,
  OfficeKeyPins,
  officeKeyPinsInForce,
  officeKeyStrengthProblem,
} from './office-keys.js';

const demoJwk = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../demo/demo-keys/ordnungsamt.public.jwk.json'), 'utf8'),
) as Record<string, string> & { kty: string; n: string; e: string };

function rsaJwk(bits: number, publicExponent = 65537): Record<string, unknown> {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: bits, publicExponent });
  return { ...publicKey.export({ format: 'jwk' }), alg: 'RSA-OAEP-256', use: 'enc' };
}

describe('RFC 7638 thumbprints of office keys', () => {
  it('agree with an independent implementation (jose) and ignore kid, alg and use', async () => {
    const expected = await calculateJwkThumbprint({ kty: demoJwk.kty, n: demoJwk.n, e: demoJwk.e }, 'sha256');
    expect(await jwkThumbprint(demoJwk)).toBe(expected);
    expect(await jwkThumbprint({ ...demoJwk, kid: 'another', use: 'sig' } as typeof demoJwk)).toBe(expected);
    expect(expected).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('differ for a key with the same kid but another modulus', async () => {
    const other = rsaJwk(2048) as typeof demoJwk;
    expect(await jwkThumbprint({ ...other, kid: demoJwk['kid'] } as typeof demoJwk)).not.toBe(
      await jwkThumbprint(demoJwk),
    );
  });
});

describe('office key strength', () => {
  it('takes the demo keys (RSA-4096, 65537, RSA-OAEP-256, enc)', () => {
    expect(officeKeyStrengthProblem(demoJwk)).toBeNull();
    expect(officeKeyStrengthProblem({ ...demoJwk, use: undefined, key_ops: ['wrapKey'] })).toBeNull();
  });

  it('refuses RSA-2048, another exponent, another kty, alg or use, and signing key_ops', () => {
    expect(officeKeyStrengthProblem(rsaJwk(2048))).toBe('the key has 2048 bits; at least 4096 are required');
    expect(officeKeyStrengthProblem({ ...demoJwk, e: 'Aw' })).toContain('not 65537');
    expect(officeKeyStrengthProblem({ ...demoJwk, kty: 'EC' })).toContain('not RSA');
    expect(officeKeyStrengthProblem({ ...demoJwk, alg: 'RSA1_5' })).toContain('not for RSA-OAEP-256');
    expect(officeKeyStrengthProblem({ ...demoJwk, alg: undefined })).toContain('not for RSA-OAEP-256');
    expect(officeKeyStrengthProblem({ ...demoJwk, use: 'sig' })).toContain('not for encryption');
    expect(officeKeyStrengthProblem({ ...demoJwk, key_ops: ['verify'] })).toContain('key_ops');
    expect(officeKeyStrengthProblem({ ...demoJwk, n: 'not base64url!' })).toContain('not base64url');
  });

  it('counts bits of the modulus, not characters: leading zero bytes do not make a key longer', () => {
    const short = Buffer.from(demoJwk.n, 'base64url').subarray(0, 300);
    const padded = Buffer.concat([Buffer.alloc(300), short]).toString('base64url');
    expect(padded.length).toBeGreaterThan(683);
    expect(officeKeyStrengthProblem({ ...demoJwk, n: padded })).toContain('2400 bits');
  });
});

describe('office key pins', () => {
  it('are thumbprints per office and come from the signed config when it carries any', () => {
    const mine = { ordnungsamt: ['a'.repeat(43)] };
    const signed = { ordnungsamt: ['b'.repeat(43)] };
    expect(OfficeKeyPins.parse(mine)).toEqual(mine);
    expect(OfficeKeyPins.safeParse({ ordnungsamt: ['short'] }).success).toBe(false);
    expect(OfficeKeyPins.safeParse({ ordnungsamt: [] }).success).toBe(false);
    expect(officeKeyPinsInForce(mine, signed)).toBe(signed);
    expect(officeKeyPinsInForce(mine, undefined)).toBe(mine);
    expect(officeKeyPinsInForce(undefined, undefined)).toBeUndefined();
  });
});

describe('the demo configuration', () => {
  it('pins exactly the demo offices’ public keys, so the demo seals to them and to nothing else', async () => {
    const demo = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../demo/kiosk-config.json'), 'utf8'),
    ) as {
      officeKeys: Record<string, string[]>;
    };
    const expected: Record<string, string[]> = {};
    for (const office of ['buergerbuero', 'ordnungsamt', 'standesamt', 'steueramt']) {
      const jwk = JSON.parse(
        readFileSync(resolve(import.meta.dirname, `../../demo/demo-keys/${office}.public.jwk.json`), 'utf8'),
      ) as typeof demoJwk;
      expected[office] = [await jwkThumbprint(jwk)];
    }
    expect(demo.officeKeys).toEqual(expected);
  });
});
