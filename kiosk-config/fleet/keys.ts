import { fromBase64Url, toBase64Url } from '../../protocol/encoding.js';
import { subtle, type KeyHandle } from './runtime.js';
import type { ProviderKey } from './signed.js';

/** A provider signing key pair; the private half is PKCS#8, base64url, and stays with the provider. */
export interface ProviderKeyPair {
  keyId: string;
  publicKey: string;
  privateKey: string;
}

export async function generateProviderKey(keyId: string): Promise<ProviderKeyPair> {
  const pair = await subtle().generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  return {
    keyId,
    publicKey: toBase64Url(new Uint8Array(await subtle().exportKey('raw', pair.publicKey))),
    privateKey: toBase64Url(new Uint8Array(await subtle().exportKey('pkcs8', pair.privateKey))),
  };
}

export async function importSigningKey(pair: Pick<ProviderKeyPair, 'privateKey'>): Promise<KeyHandle> {
  const bytes = fromBase64Url(pair.privateKey);
  if (!bytes) throw new Error('The private key is not base64url.');
  return subtle().importKey('pkcs8', bytes, { name: 'Ed25519' }, false, ['sign']);
}

export const publicHalf = (pair: ProviderKeyPair): ProviderKey => ({
  keyId: pair.keyId,
  publicKey: pair.publicKey,
});
