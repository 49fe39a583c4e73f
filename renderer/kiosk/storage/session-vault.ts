/**
 * Crypto-shredding for what a citizen leaves in IndexedDB. Chromium's IndexedDB is LevelDB: a
 * deleted or overwritten record stays in its log and tables until compaction, so "deleted" is not
 * "gone". Citizen records are therefore written only as AES-GCM ciphertext under a key that
 * never touches the disk; when the key is forgotten, every copy of those records, live or left
 * behind in the log, is noise.
 *
 * The key lives in two places, both memory: a non-extractable CryptoKey in this page's heap (what
 * encrypts and decrypts), and its raw bytes in the tab's browsing-context name (`window.name`),
 * which the browser keeps across a reload of the page and a renderer crash of the same tab, but
 * not across a restart of the browser or of the shell (docs/security/terminal-disk.md). No
 * other page ever loads in the kiosk's tab, and Chromium clears the name on a cross-site
 * navigation.
 */

/** Where a key's raw bytes wait for the page after a reload: one slot per key. */
export interface KeyKeeper {
  read(slot: string): string | null;
  write(slot: string, raw: string | null): void;
}

/** An encrypted value as stored: a fresh 96-bit IV and the AES-GCM ciphertext with its tag. */
export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: Uint8Array<ArrayBuffer>;
}

const NAME_PREFIX = 'pop-keys:';

/** The keeper of the kiosk page: the tab's name, a small JSON object of base64url keys. */
export function windowNameKeeper(target: { name: string }): KeyKeeper {
  const slots = (): Record<string, string> => {
    if (!target.name.startsWith(NAME_PREFIX)) return {};
    try {
      const parsed = JSON.parse(target.name.slice(NAME_PREFIX.length)) as unknown;
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  return {
    read: (slot) => {
      const raw = slots()[slot];
      return typeof raw === 'string' ? raw : null;
    },
    write: (slot, raw) => {
      const next = Object.entries(slots()).filter(([name]) => name !== slot);
      if (raw !== null) next.push([slot, raw]);
      target.name = next.length === 0 ? '' : NAME_PREFIX + JSON.stringify(Object.fromEntries(next));
    },
  };
}

/** A keeper that forgets with the process (unit tests; a page without `window`). */
export function memoryKeeper(): KeyKeeper {
  const slots = new Map<string, string>();
  return {
    read: (slot) => slots.get(slot) ?? null,
    write: (slot, raw) => {
      if (raw === null) slots.delete(slot);
      else slots.set(slot, raw);
    },
  };
}

export function defaultKeeper(): KeyKeeper {
  // A page has a tab name; a test harness's stand-in `window` may not.
  return typeof window !== 'undefined' && typeof window.name === 'string'
    ? windowNameKeeper(window)
    : memoryKeeper();
}

/**
 * One key slot: `seal` encrypts under the slot's current key (made on first use), `open`
 * decrypts, `forget` drops the key from memory and from the keeper. After `forget` (or a browser
 * restart) `open` answers undefined for everything sealed before: the caller treats such a
 * record as absent. The record's id is bound in as additional data, so a ciphertext moved to
 * another record does not open.
 */
export class SessionVault {
  private key: Promise<CryptoKey> | null = null;
  private generation = 0;

  constructor(
    private readonly slot: string,
    private readonly keeper: KeyKeeper = defaultKeeper(),
  ) {}

  async seal(bytes: Uint8Array<ArrayBuffer>, boundTo: string): Promise<Sealed> {
    const key = await this.currentKey(true);
    if (!key) throw new Error('no session key'); // unreachable: currentKey(true) always makes one
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: utf8(boundTo) },
      key,
      bytes,
    );
    return { iv, data: new Uint8Array(data) };
  }

  /** The plaintext, or undefined when the key that sealed it is gone (or the record was altered). */
  async open(sealed: Sealed | undefined, boundTo: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
    if (!isSealed(sealed)) return undefined;
    const key = await this.currentKey(false);
    if (!key) return undefined;
    try {
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: sealed.iv, additionalData: utf8(boundTo) },
        key,
        sealed.data,
      );
      return new Uint8Array(plain);
    } catch {
      return undefined;
    }
  }

  async sealJson(value: unknown, boundTo: string): Promise<Sealed> {
    return this.seal(utf8(JSON.stringify(value)), boundTo);
  }

  async openJson<T>(sealed: Sealed | undefined, boundTo: string): Promise<T | undefined> {
    const bytes = await this.open(sealed, boundTo);
    return bytes === undefined ? undefined : (JSON.parse(new TextDecoder().decode(bytes)) as T);
  }

  /** Shreds everything sealed so far: the next `seal` makes a new key. */
  forget(): void {
    this.generation += 1;
    this.key = null;
    this.keeper.write(this.slot, null);
  }

  private async currentKey(create: boolean): Promise<CryptoKey | null> {
    if (this.key) return this.key;
    const generation = this.generation;
    let raw = this.keeper.read(this.slot);
    if (raw === null) {
      if (!create) return null;
      raw = toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
      this.keeper.write(this.slot, raw);
    }
    const key = crypto.subtle.importKey('raw', fromBase64Url(raw), 'AES-GCM', false, ['encrypt', 'decrypt']);
    // A forget() while the key was being imported wins: this key is not kept.
    if (generation === this.generation) this.key = key;
    return key;
  }
}

function isSealed(value: unknown): value is Sealed {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Sealed>;
  return candidate.iv instanceof Uint8Array && candidate.data instanceof Uint8Array;
}

function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

function toBase64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}
