import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CompactEncrypt, compactDecrypt, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  decryptJsonJwe,
  encryptJsonJwe,
  encryptJwe,
  importDecryptionKey,
  importEncryptionKey,
  readJweHeader,
} from './jwe.js';

const keyDir = resolve(import.meta.dirname, '../../../hub/seed/demo-keys');
const privateJwk = JSON.parse(
  readFileSync(resolve(keyDir, 'buergerbuero.private.jwk.json'), 'utf8'),
) as JsonWebKey & {
  kid: string;
};
const publicJwk = JSON.parse(
  readFileSync(resolve(keyDir, 'buergerbuero.public.jwk.json'), 'utf8'),
) as JsonWebKey & {
  kid: string;
};

describe('JWE (RSA-OAEP-256 + A256GCM, compact)', () => {
  it('what the terminal encrypts, the independent jose library decrypts', async () => {
    const answers = { familyName: 'Schneider', givenNames: 'Anna Maria', umlaut: 'Größe ß' };
    const compact = await encryptJsonJwe(answers, await importEncryptionKey(publicJwk), publicJwk.kid);
    const { plaintext, protectedHeader } = await compactDecrypt(
      compact,
      await importJWK(privateJwk, 'RSA-OAEP-256'),
    );
    expect(protectedHeader).toMatchObject({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: publicJwk.kid });
    expect(JSON.parse(new TextDecoder().decode(plaintext))).toEqual(answers);
  });

  it('what jose encrypts, the clerk console decrypts', async () => {
    const compact = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify({ a: 1 })))
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: publicJwk.kid })
      .encrypt(await importJWK(publicJwk, 'RSA-OAEP-256'));
    expect(await decryptJsonJwe(compact, await importDecryptionKey(privateJwk))).toEqual({ a: 1 });
  });

  it('a changed byte anywhere makes decryption fail (authenticated encryption)', async () => {
    const key = await importEncryptionKey(publicJwk);
    const compact = await encryptJwe(new TextEncoder().encode('secret'), key, publicJwk.kid);
    const parts = compact.split('.');
    const flip = (s: string) =>
      s[5] === 'A' ? s.slice(0, 5) + 'B' + s.slice(6) : s.slice(0, 5) + 'A' + s.slice(6);
    const privateKey = await importDecryptionKey(privateJwk);
    for (const index of [0, 2, 3, 4]) {
      const tampered = parts.map((p, i) => (i === index ? flip(p) : p)).join('.');
      await expect(decryptJsonJwe(tampered, privateKey)).rejects.toThrow();
    }
  });

  it('reads and checks the header without the key', () => {
    expect(() => readJweHeader('a.b.c')).toThrow('compact serialization');
    const header = Buffer.from(JSON.stringify({ alg: 'RSA1_5', enc: 'A256GCM', kid: 'k' })).toString(
      'base64url',
    );
    expect(() => readJweHeader(`${header}.a.b.c.d`)).toThrow('RSA-OAEP-256');
  });

  it('never repeats the ciphertext for the same plaintext', async () => {
    const key = await importEncryptionKey(publicJwk);
    const a = await encryptJsonJwe({ x: 1 }, key, 'k');
    const b = await encryptJsonJwe({ x: 1 }, key, 'k');
    expect(a).not.toBe(b);
  });
});
