import { describe, expect, it } from 'vitest';
import { endCitizenSession, type WipeableSession } from './citizen-session.js';

describe('endCitizenSession', () => {
  it('clears cookies, cache storage, the HTTP cache and auth cache, in that order', async () => {
    const calls: string[] = [];
    const session = {
      clearStorageData: (options?: { storages?: string[] }) => {
        calls.push(`storage:${(options?.storages ?? ['ALL']).join(',')}`);
        return Promise.resolve();
      },
      clearCache: () => {
        calls.push('cache');
        return Promise.resolve();
      },
      clearAuthCache: () => {
        calls.push('auth');
        return Promise.resolve();
      },
    };
    await endCitizenSession(session as WipeableSession);
    expect(calls).toEqual(['storage:cookies,localstorage,shadercache,cachestorage', 'cache', 'auth']);
  });

  it('ends a forgotten call and empties the clipboard', async () => {
    const calls: string[] = [];
    const session = {
      clearStorageData: () => Promise.resolve(),
      clearCache: () => Promise.resolve(),
      clearAuthCache: () => Promise.resolve(),
    };
    await endCitizenSession(session as WipeableSession, {
      endCall: () => calls.push('call'),
      clearClipboard: () => calls.push('clipboard'),
    });
    expect(calls).toEqual(['call', 'clipboard']);
  });

  it('keeps IndexedDB, where the outbox and synced content live', async () => {
    let storages: string[] | undefined;
    const session = {
      clearStorageData: (options?: { storages?: string[] }) => {
        storages = options?.storages;
        return Promise.resolve();
      },
      clearCache: () => Promise.resolve(),
      clearAuthCache: () => Promise.resolve(),
    };
    await endCitizenSession(session as WipeableSession);
    // An absent list would mean "clear everything", outbox included.
    expect(storages).toBeDefined();
    expect(storages).not.toContain('indexdb');
    expect(storages).toContain('localstorage');
  });

  it('fails loudly when the wipe fails, so the page does not start the next session on traces', async () => {
    const session = {
      clearStorageData: () => Promise.reject(new Error('disk full')),
      clearCache: () => Promise.resolve(),
      clearAuthCache: () => Promise.resolve(),
    };
    await expect(endCitizenSession(session as WipeableSession)).rejects.toThrow('disk full');
  });
});
