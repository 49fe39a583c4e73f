import type { PublicJwk } from '../../protocol/admin.js';

export interface OfficeKeyPair {
  kid: string;
  publicJwk: PublicJwk;
  /** Stays in this browser: offered as a download for the office's clerks, never sent. */
  privateJwk: JsonWebKey & { kid: string; officeId: string };
}

/**
 * An office key made in the admin's browser, as scripts/office-keygen.ts makes it: RSA-OAEP-256
 * with 4096 bits (FIT-Connect). Only the public half goes to the hub.
 */
export async function makeOfficeKey(officeId: string, today: string, random: string): Promise<OfficeKeyPair> {
  const pair = await crypto.subtle.generateKey(
    { name: 'RSA-OAEP', modulusLength: 4096, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['encrypt', 'decrypt'],
  );
  const kid = `${officeId}-${today}-${random}`;
  const common = { kid, alg: 'RSA-OAEP-256', use: 'enc' };
  const pub = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const priv = await crypto.subtle.exportKey('jwk', pair.privateKey);
  return {
    kid,
    publicJwk: { kty: 'RSA', n: pub.n ?? '', e: pub.e ?? '', ...common },
    privateJwk: { ...priv, key_ops: undefined, ext: undefined, ...common, officeId },
  } as OfficeKeyPair;
}

/** Offers a JSON file for download, from memory (a blob URL revoked right after). */
export function offerDownload(fileName: string, value: unknown): void {
  const url = URL.createObjectURL(
    new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
