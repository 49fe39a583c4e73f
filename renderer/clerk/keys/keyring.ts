import { decodeBase64Url, toBase64Url } from '../../../protocol/encoding.js';
import { importDecryptionKey } from '../../shared/encryption/jwe.js';

/**
 * The office's private keys in the clerk's browser. A key file is imported once; it is stored
 * only encrypted under the clerk's passphrase (PBKDF2-SHA-256 -> AES-256-GCM) and, once
 * unlocked, held in memory as a non-extractable CryptoKey for this tab only.
 */
const STORAGE_KEY = 'pop-office-keys';
const PBKDF2_ITERATIONS = 600_000;

interface StoredKey {
  kid: string;
  officeId: string;
  salt: string;
  iv: string;
  sealed: string;
}

export class KeyringError extends Error {}

export class Keyring {
  private readonly unlocked = new Map<string, CryptoKey>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  constructor(private readonly storage: Storage = localStorage) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes whenever a key is imported or unlocked (for useSyncExternalStore). */
  getVersion = (): number => this.version;

  hasStored(kid: string): boolean {
    return this.stored().some((key) => key.kid === kid);
  }

  keyFor(kid: string): CryptoKey | undefined {
    return this.unlocked.get(kid);
  }

  /** Imports a private JWK file (as the office's key generator wrote it) under a passphrase. */
  async importKeyFile(text: string, passphrase: string): Promise<string> {
    if (passphrase.length < 10) throw new KeyringError('Die Passphrase muss mindestens 10 Zeichen haben.');
    let jwk: JsonWebKey & { kid?: unknown; officeId?: unknown };
    try {
      jwk = JSON.parse(text) as typeof jwk;
    } catch {
      throw new KeyringError('Die Datei ist kein Schlüssel im JWK-Format (kein JSON).');
    }
    if (jwk.kty !== 'RSA' || typeof jwk.d !== 'string' || typeof jwk.kid !== 'string') {
      throw new KeyringError('Die Datei enthält keinen privaten RSA-Schlüssel mit Schlüsselkennung (kid).');
    }
    const kid = jwk.kid;
    const key = await importDecryptionKey(jwk).catch(() => {
      throw new KeyringError('Der Schlüssel lässt sich nicht verwenden (RSA-OAEP-256 erwartet).');
    });
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const wrapping = await deriveKey(passphrase, salt);
    const sealed = new Uint8Array(
      await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, wrapping, new TextEncoder().encode(text)),
    );
    const entry: StoredKey = {
      kid,
      officeId: typeof jwk.officeId === 'string' ? jwk.officeId : '',
      salt: toBase64Url(salt),
      iv: toBase64Url(iv),
      sealed: toBase64Url(sealed),
    };
    this.save([...this.stored().filter((k) => k.kid !== kid), entry]);
    this.unlocked.set(kid, key);
    this.changed();
    return kid;
  }

  /** Unlocks every stored key this passphrase opens; throws when it opens none. */
  async unlock(passphrase: string): Promise<number> {
    let opened = 0;
    for (const entry of this.stored()) {
      try {
        const wrapping = await deriveKey(passphrase, decodeBase64Url(entry.salt));
        const text = new TextDecoder().decode(
          await crypto.subtle.decrypt(
            { name: 'AES-GCM', iv: decodeBase64Url(entry.iv) },
            wrapping,
            decodeBase64Url(entry.sealed),
          ),
        );
        this.unlocked.set(entry.kid, await importDecryptionKey(JSON.parse(text) as JsonWebKey));
        opened++;
      } catch {
        // a wrong passphrase for this key: try the next one
      }
    }
    if (opened === 0) throw new KeyringError('Die Passphrase ist falsch.');
    this.changed();
    return opened;
  }

  private stored(): StoredKey[] {
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(STORAGE_KEY) ?? '[]');
      return Array.isArray(parsed) ? (parsed as StoredKey[]) : [];
    } catch {
      return [];
    }
  }

  private save(keys: StoredKey[]): void {
    this.storage.setItem(STORAGE_KEY, JSON.stringify(keys));
  }

  private changed(): void {
    this.version++;
    for (const listener of [...this.listeners]) listener();
  }
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: PBKDF2_ITERATIONS },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}
