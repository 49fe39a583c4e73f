import {
  constants,
  createCipheriv,
  createHash,
  createPublicKey,
  publicEncrypt,
  randomBytes,
  type JsonWebKeyInput,
} from 'node:crypto';
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
import { sealApplication } from './seal.js';
import { SubmissionMetadata } from '../../../protocol/submission.js';
import { OfficeKey } from '../../../protocol/catalog.js';

const keyDir = resolve(import.meta.dirname, '../../../demo/demo-keys');
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

  it('refuses to decrypt a JWE whose header carries zip, crit or another member outside the profile', async () => {
    const privateKey = await importDecryptionKey(privateJwk);
    const extras = [{ zip: 'DEF' }, { crit: ['exp'], exp: 1 }, { jku: 'https://attacker.example/k' }];
    for (const extra of extras) {
      // Sealed for real (the key opens it), so only the header decides.
      const compact = sealWithHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: publicJwk.kid, ...extra });
      expect(() => readJweHeader(compact)).toThrow(Object.keys(extra)[0]);
      await expect(decryptJsonJwe(compact, privateKey)).rejects.toThrow('only alg, enc, kid and cty');
    }
    const inProfile = sealWithHeader({
      alg: 'RSA-OAEP-256',
      enc: 'A256GCM',
      kid: publicJwk.kid,
      cty: 'json',
    });
    expect(await decryptJsonJwe(inProfile, privateKey)).toEqual({ x: 1 });
  });

  it('never repeats the ciphertext for the same plaintext', async () => {
    const key = await importEncryptionKey(publicJwk);
    const a = await encryptJsonJwe({ x: 1 }, key, 'k');
    const b = await encryptJsonJwe({ x: 1 }, key, 'k');
    expect(a).not.toBe(b);
  });

  it('an attachment sealed at finalize is its own JWE that jose decrypts, with the SHA-512 of its plaintext in the metadata', async () => {
    const photo = new Uint8Array(randomBytes(300 * 1024));
    photo.set([0xff, 0xd8, 0xff, 0xe0]); // looks like a JPEG; the bytes are what matter
    const { request, attachments } = await sealApplication(
      {
        id: '11111111-1111-4111-8111-111111111111',
        trackingCode: 'ABCD-EFGH-JKMN',
        formId: 'f',
        formVersion: 1,
        serviceId: 's',
        locale: 'de',
        submittedAt: '2026-11-21T10:00:00.000Z',
      },
      { name: 'X' },
      [{ kid: publicJwk.kid, status: 'current', jwk: OfficeKey.shape.jwk.parse(publicJwk) }],
      [
        {
          id: '22222222-2222-4222-8222-222222222222',
          name: 'ausweis.jpg',
          mediaType: 'image/jpeg',
          bytes: photo,
          fieldId: 'idPhoto',
        },
      ],
    );
    const joseKey = await importJWK(privateJwk, 'RSA-OAEP-256');
    expect(attachments).toHaveLength(1);
    const [sealed] = attachments;
    if (!sealed) throw new Error('no sealed attachment');
    expect(request.attachments).toEqual([{ id: sealed.id, length: sealed.jwe.length }]);
    const { plaintext, protectedHeader } = await compactDecrypt(sealed.jwe, joseKey);
    expect(protectedHeader).toEqual({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: publicJwk.kid });
    expect(Buffer.from(plaintext).equals(Buffer.from(photo))).toBe(true);
    const metadata = SubmissionMetadata.parse(
      JSON.parse(new TextDecoder().decode((await compactDecrypt(request.metadata, joseKey)).plaintext)),
    );
    expect(metadata.attachments).toEqual([
      {
        id: sealed.id,
        name: 'ausweis.jpg',
        mediaType: 'image/jpeg',
        size: photo.length,
        sha512: createHash('sha512').update(photo).digest('hex'),
        fieldId: 'idPhoto',
      },
    ]);
    // The ciphertext does not contain the plaintext's bytes in any readable form.
    expect(sealed.jwe).not.toContain(Buffer.from(photo.subarray(0, 64)).toString('base64url'));
  });
});

/** A JWE of {"x":1} with any protected header, sealed with node:crypto alone. */
function sealWithHeader(header: Record<string, unknown>): string {
  const protectedHeader = Buffer.from(JSON.stringify(header)).toString('base64url');
  const cek = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', cek, iv);
  cipher.setAAD(Buffer.from(protectedHeader));
  const ciphertext = Buffer.concat([cipher.update('{"x":1}'), cipher.final()]);
  const encryptedKey = publicEncrypt(
    {
      key: createPublicKey({ key: publicJwk as unknown as JsonWebKeyInput['key'], format: 'jwk' }),
      padding: constants.RSA_PKCS1_OAEP_PADDING,
      oaepHash: 'sha256',
    },
    cek,
  );
  return [protectedHeader, encryptedKey, iv, ciphertext, cipher.getAuthTag()]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}
