import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryKeeper, SessionVault, windowNameKeeper } from './session-vault.js';

const text = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes) : undefined);
const bytes = (value: string) => new TextEncoder().encode(value);

afterEach(() => vi.restoreAllMocks());

describe('SessionVault', () => {
  it('opens what it sealed, and the ciphertext does not contain the plaintext', async () => {
    const vault = new SessionVault('session', memoryKeeper());
    const sealed = await vault.seal(bytes('Kühnhardt, Quittenweg 5'), 'draft');
    expect(Buffer.from(sealed.data).includes(Buffer.from('Quittenweg'))).toBe(false);
    expect(sealed.iv).toHaveLength(12);
    expect(text(await vault.open(sealed, 'draft'))).toBe('Kühnhardt, Quittenweg 5');
    expect(await vault.openJson(await vault.sealJson({ a: [1, 'ü'] }, 'x'), 'x')).toEqual({ a: [1, 'ü'] });
  });

  it('uses a fresh IV for every seal', async () => {
    const vault = new SessionVault('session', memoryKeeper());
    const [a, b] = await Promise.all([vault.seal(bytes('same'), 'r'), vault.seal(bytes('same'), 'r')]);
    expect(Buffer.from(a.iv).equals(Buffer.from(b.iv))).toBe(false);
    expect(Buffer.from(a.data).equals(Buffer.from(b.data))).toBe(false);
  });

  it('shreds: after forget nothing sealed before opens, and the next seal makes a new key', async () => {
    const keeper = memoryKeeper();
    const vault = new SessionVault('session', keeper);
    const before = await vault.seal(bytes('old citizen'), 'draft');
    const oldKey = keeper.read('session');
    vault.forget();
    expect(keeper.read('session')).toBeNull();
    expect(await vault.open(before, 'draft')).toBeUndefined();
    const after = await vault.seal(bytes('new citizen'), 'draft');
    expect(keeper.read('session')).not.toBe(oldKey);
    expect(await vault.open(before, 'draft')).toBeUndefined();
    expect(text(await vault.open(after, 'draft'))).toBe('new citizen');
  });

  it('survives a reload (a new vault on the same keeper) but not a restart (a new keeper)', async () => {
    const keeper = memoryKeeper();
    const sealed = await new SessionVault('session', keeper).seal(bytes('draft'), 'd');
    expect(text(await new SessionVault('session', keeper).open(sealed, 'd'))).toBe('draft');
    expect(await new SessionVault('session', memoryKeeper()).open(sealed, 'd')).toBeUndefined();
  });

  it('opening never makes a key, and answers undefined where there is nothing to open', async () => {
    const keeper = memoryKeeper();
    const vault = new SessionVault('session', keeper);
    expect(await vault.open(undefined, 'd')).toBeUndefined();
    const foreign = await new SessionVault('session', memoryKeeper()).seal(bytes('x'), 'd');
    expect(await vault.open(foreign, 'd')).toBeUndefined();
    expect(keeper.read('session')).toBeNull();
  });

  it('binds a ciphertext to its record: under another id, or altered, it does not open', async () => {
    const vault = new SessionVault('session', memoryKeeper());
    const sealed = await vault.seal(bytes('photo'), 'attachment:1');
    expect(await vault.open(sealed, 'attachment:2')).toBeUndefined();
    const altered = { iv: sealed.iv, data: sealed.data.slice() };
    altered.data[0] = (altered.data[0] ?? 0) ^ 1;
    expect(await vault.open(altered, 'attachment:1')).toBeUndefined();
  });

  it('keeps the key non-extractable: the page cannot export it', async () => {
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    const vault = new SessionVault('session', memoryKeeper());
    await vault.seal(bytes('x'), 'd');
    expect(importKey).toHaveBeenCalledWith('raw', expect.any(Uint8Array), 'AES-GCM', false, [
      'encrypt',
      'decrypt',
    ]);
    const key = await importKey.mock.results[0]?.value;
    await expect(crypto.subtle.exportKey('raw', key as CryptoKey)).rejects.toThrow();
  });

  it('slots are independent: forgetting one keeps the other', async () => {
    const keeper = memoryKeeper();
    const session = new SessionVault('session', keeper);
    const queue = new SessionVault('queue', keeper);
    const a = await session.seal(bytes('a'), 'r');
    const b = await queue.seal(bytes('b'), 'r');
    session.forget();
    expect(await session.open(a, 'r')).toBeUndefined();
    expect(text(await queue.open(b, 'r'))).toBe('b');
  });
});

describe('windowNameKeeper', () => {
  it('keeps the slots in the tab name and empties the name when the last goes', () => {
    const tab = { name: '' };
    const keeper = windowNameKeeper(tab);
    keeper.write('session', 'abc');
    keeper.write('queue', 'def');
    expect(tab.name.startsWith('pop-keys:')).toBe(true);
    expect(windowNameKeeper(tab).read('session')).toBe('abc');
    keeper.write('session', null);
    expect(keeper.read('session')).toBeNull();
    expect(keeper.read('queue')).toBe('def');
    keeper.write('queue', null);
    expect(tab.name).toBe('');
  });

  it('reads nothing from a name it did not write', () => {
    expect(windowNameKeeper({ name: 'something else' }).read('session')).toBeNull();
    expect(windowNameKeeper({ name: 'pop-keys:{broken' }).read('session')).toBeNull();
    const tab = { name: 'pop-keys:{broken' };
    windowNameKeeper(tab).write('session', 'k');
    expect(windowNameKeeper(tab).read('session')).toBe('k');
  });
});
