import { decodeBase64Url, toBase64Url } from '../../../protocol/encoding.js';

/**
 * JWE in compact serialization (RFC 7516) the way FIT-Connect uses it: the content encrypted
 * with a fresh AES-256-GCM key (enc "A256GCM"), that key wrapped with the office's RSA public
 * key (alg "RSA-OAEP-256", i.e. RSA-OAEP with SHA-256). Built on WebCrypto only, so the same
 * code runs on the terminal, in the clerk's browser and in Node; tests check it against the
 * independent `jose` library in both directions.
 */
export const JWE_ALG = 'RSA-OAEP-256';
export const JWE_ENC = 'A256GCM';

const RSA_OAEP = { name: 'RSA-OAEP', hash: 'SHA-256' } as const;

export interface JweHeader {
  alg: typeof JWE_ALG;
  enc: typeof JWE_ENC;
  kid: string;
  cty?: string;
}

export async function importEncryptionKey(jwk: JsonWebKey): Promise<CryptoKey> {
  return crypto.subtle.importKey('jwk', { ...jwk, alg: JWE_ALG, key_ops: ['encrypt'] }, RSA_OAEP, false, [
    'encrypt',
  ]);
}

export async function importDecryptionKey(jwk: JsonWebKey, extractable = false): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    'jwk',
    { ...jwk, alg: JWE_ALG, key_ops: ['decrypt'] },
    RSA_OAEP,
    extractable,
    ['decrypt'],
  );
}

export async function encryptJwe(
  plaintext: Uint8Array<ArrayBuffer>,
  publicKey: CryptoKey,
  kid: string,
  cty?: string,
): Promise<string> {
  const header: JweHeader = { alg: JWE_ALG, enc: JWE_ENC, kid, ...(cty ? { cty } : {}) };
  const protectedHeader = toBase64Url(new TextEncoder().encode(JSON.stringify(header)));
  const cek = crypto.getRandomValues(new Uint8Array(32));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const contentKey = await crypto.subtle.importKey('raw', cek, 'AES-GCM', false, ['encrypt']);
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(protectedHeader), tagLength: 128 },
      contentKey,
      plaintext,
    ),
  );
  const encryptedKey = new Uint8Array(await crypto.subtle.encrypt(RSA_OAEP, publicKey, cek));
  cek.fill(0);
  const ciphertext = sealed.subarray(0, sealed.length - 16);
  const tag = sealed.subarray(sealed.length - 16);
  return [
    protectedHeader,
    toBase64Url(encryptedKey),
    toBase64Url(iv),
    toBase64Url(ciphertext),
    toBase64Url(tag),
  ].join('.');
}

export async function encryptJsonJwe(value: unknown, publicKey: CryptoKey, kid: string): Promise<string> {
  return encryptJwe(new TextEncoder().encode(JSON.stringify(value)), publicKey, kid, 'json');
}

const PROFILE_HEADER_NAMES = new Set(['alg', 'enc', 'kid', 'cty']);

const COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/;

/** Reads the protected header without decrypting; throws a readable error for anything else. */
export function readJweHeader(compact: string): JweHeader {
  if (!COMPACT.test(compact)) throw new Error('not a JWE in compact serialization');
  const [encodedHeader = ''] = compact.split('.');
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder().decode(decodeBase64Url(encodedHeader)));
  } catch {
    throw new Error('the JWE header is not JSON');
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    throw new Error('the JWE header is not a JSON object');
  }
  const h = header as Partial<JweHeader>;
  if (h.alg !== JWE_ALG || h.enc !== JWE_ENC) throw new Error(`JWE must use ${JWE_ALG} with ${JWE_ENC}`);
  // zip, crit and every other member leave the profile: refused, never half-understood.
  const extra = Object.keys(header).filter((name) => !PROFILE_HEADER_NAMES.has(name));
  if (extra.length > 0) {
    throw new Error(`the JWE header carries ${extra.join(', ')}; only alg, enc, kid and cty are allowed`);
  }
  if (h.cty !== undefined && typeof h.cty !== 'string')
    throw new Error('the JWE header cty must be a string');
  if (typeof h.kid !== 'string' || h.kid === '') throw new Error('the JWE header names no key (kid)');
  return h as JweHeader;
}

export async function decryptJwe(compact: string, privateKey: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  readJweHeader(compact);
  const [protectedHeader = '', encryptedKey = '', iv = '', ciphertext = '', tag = ''] = compact.split('.');
  const cek = new Uint8Array(
    await crypto.subtle.decrypt(RSA_OAEP, privateKey, decodeBase64Url(encryptedKey)),
  );
  const contentKey = await crypto.subtle.importKey('raw', cek, 'AES-GCM', false, ['decrypt']);
  cek.fill(0);
  // Attachments run to megabytes: join ciphertext and tag without spreading them.
  const body = decodeBase64Url(ciphertext);
  const tagBytes = decodeBase64Url(tag);
  const sealed = new Uint8Array(body.length + tagBytes.length);
  sealed.set(body);
  sealed.set(tagBytes, body.length);
  return new Uint8Array(
    await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: decodeBase64Url(iv),
        additionalData: new TextEncoder().encode(protectedHeader),
        tagLength: 128,
      },
      contentKey,
      sealed,
    ),
  );
}

export async function decryptJsonJwe(compact: string, privateKey: CryptoKey): Promise<unknown> {
  return JSON.parse(new TextDecoder().decode(await decryptJwe(compact, privateKey))) as unknown;
}

/** SHA-512 as lower-case hex, for the metadata record's hashes of data and attachments. */
export async function sha512Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-512', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
