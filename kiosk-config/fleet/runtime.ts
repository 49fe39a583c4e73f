/**
 * The few Web APIs the shared code uses, typed here so that kiosk-config stays free of DOM and
 * Node typings: WebCrypto Ed25519, SHA-256 and TextEncoder exist in Node 20+ and in Chromium alike.
 */
export interface KeyHandle {
  readonly type: string;
}
interface Subtle {
  importKey(
    format: 'raw' | 'pkcs8' | 'spki',
    keyData: Uint8Array,
    algorithm: { name: 'Ed25519' },
    extractable: boolean,
    usages: readonly ('sign' | 'verify')[],
  ): Promise<KeyHandle>;
  verify(algorithm: 'Ed25519', key: KeyHandle, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
  sign(algorithm: 'Ed25519', key: KeyHandle, data: Uint8Array): Promise<ArrayBuffer>;
  generateKey(
    algorithm: { name: 'Ed25519' },
    extractable: boolean,
    usages: readonly ('sign' | 'verify')[],
  ): Promise<{ publicKey: KeyHandle; privateKey: KeyHandle }>;
  exportKey(format: 'raw' | 'pkcs8', key: KeyHandle): Promise<ArrayBuffer>;
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
}
interface Runtime {
  crypto: { subtle: Subtle };
  TextEncoder: new () => { encode(text: string): Uint8Array };
}
const runtime = globalThis as unknown as Runtime;

export const subtle = (): Subtle => runtime.crypto.subtle;
export const utf8 = (text: string): Uint8Array => new runtime.TextEncoder().encode(text);
