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

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = [18, 12, 6, 0].map((shift) => ALPHABET[(n >> shift) & 63]).join('');
    out += chars.slice(0, Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6)));
  }
  return out;
}

/** Strict: anything but the URL-safe alphabet without padding gives null. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of text) {
    buffer = (buffer << 6) | ALPHABET.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[index++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}

/** JSON with sorted keys at every level: the same meaning always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort())
      sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    return sorted;
  }
  return value;
}
