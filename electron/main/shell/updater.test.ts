import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../log.js';
import { startUpdates, type Updater } from './updater.js';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

function fakeUpdater() {
  const calls: string[] = [];
  const updater = Object.assign(new EventEmitter(), {
    autoDownload: false,
    autoInstallOnAppQuit: true,
    setFeedURL: (options: { url: string }) => calls.push(`feed:${options.url}`),
    checkForUpdates: () => {
      calls.push('check');
      return Promise.resolve(null);
    },
    quitAndInstall: (silent?: boolean, runAfter?: boolean) =>
      calls.push(`install:${String(silent)}:${String(runAfter)}`),
  });
  return { updater, calls };
}

describe('startUpdates', () => {
  it('downloads in the background and installs only when asked (the maintenance restart)', () => {
    const { updater, calls } = fakeUpdater();
    const service = startUpdates(updater as unknown as Updater, {
      feedUrl: 'https://updates.provider.example/pop/linux',
      every: () => () => undefined,
      log: quiet,
    });
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(calls).toEqual(['feed:https://updates.provider.example/pop/linux', 'check']);
    expect(service.hasDownloadedUpdate()).toBe(false);
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(service.hasDownloadedUpdate()).toBe(true);
    service.installAndRestart();
    expect(calls.at(-1)).toBe('install:true:true');
  });

  it('keeps the feed built into the package when the config names none', () => {
    const { updater, calls } = fakeUpdater();
    startUpdates(updater as unknown as Updater, {
      feedUrl: undefined,
      every: () => () => undefined,
      log: quiet,
    });
    expect(calls).toEqual(['check']);
  });
});
