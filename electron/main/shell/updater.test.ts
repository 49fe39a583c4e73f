import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { UpdateSettings } from '../../../kiosk-config/updates.js';
import type { Logger } from '../log.js';
import { startUpdates, type UpdateDeps, type Updater } from './updater.js';

const SHA = 'H0D8ktokFpR1CXnubPWC8tXX0o4YM13gWrxU0FYOD1MChgxlK/CNVgJSql50IQVG82n7u86MEs/HlXsmUv6adQ==';
const OTHER = 'Umd2iCLuYk1I/OFexcp5y9YCy39MIVelFlVpkfIu+Me173sY0f9BxZNw77CFhlHUSpNsEbexRMSP4E3zxqPo2g==';
const AUTO: UpdateSettings = { mode: 'auto', expected: { version: '0.2.0', sha512: SHA } };

function fakeUpdater() {
  const calls: string[] = [];
  const updater = Object.assign(new EventEmitter(), {
    autoDownload: true,
    autoInstallOnAppQuit: true,
    allowDowngrade: false,
    setFeedURL: (options: { url: string }) => calls.push(`feed:${options.url}`),
    checkForUpdates: () => {
      calls.push('check');
      return Promise.resolve(null);
    },
    downloadUpdate: () => {
      calls.push('download');
      return Promise.resolve([]);
    },
    quitAndInstall: (silent?: boolean, runAfter?: boolean) =>
      calls.push(`install:${String(silent)}:${String(runAfter)}`),
  });
  return { updater, calls };
}

/** A service with hashes of files taken from a map, and an event for every log line. */
function setup(overrides: Partial<UpdateDeps> = {}) {
  const { updater, calls } = fakeUpdater();
  const events = new EventEmitter();
  const files = new Map<string, string>([['/cache/pop-0.2.0.AppImage', SHA]]);
  let settings: UpdateSettings | undefined = AUTO;
  let inWindow: boolean | null = true;
  const line = (level: string) => (message: string) => {
    calls.push(`${level}:${message}`);
    events.emit('log', message);
  };
  const log: Logger = { info: line('info'), warn: line('warn'), error: line('error') };
  const service = startUpdates(updater as unknown as Updater, {
    feedUrl: 'https://updates.provider.example/pop/linux',
    currentVersion: '0.1.0',
    settings: () => settings,
    inMaintenanceWindow: () => inWindow,
    now: () => new Date(0),
    hashFile: (path) => {
      const hash = files.get(path);
      return hash ? Promise.resolve(hash) : Promise.reject(new Error(`ENOENT ${path}`));
    },
    forceRunAfter: true,
    onInstallRefused: () => calls.push('relaunch'),
    every: () => () => undefined,
    log,
    ...overrides,
  });
  const logged = (pattern: RegExp) =>
    new Promise<void>((resolve) => {
      const listener = (message: string) => {
        if (!pattern.test(message)) return;
        events.off('log', listener);
        resolve();
      };
      events.on('log', listener);
    });
  return {
    updater,
    calls,
    service,
    files,
    logged,
    setSettings: (next: UpdateSettings | undefined) => (settings = next),
    setWindow: (next: boolean | null) => (inWindow = next),
  };
}

const offer = (version: string, sha512 = SHA) => ({ version, files: [{ sha512 }] });
const downloadedEvent = (version: string) => ({
  ...offer(version),
  downloadedFile: `/cache/pop-${version}.AppImage`,
});

describe('startUpdates', () => {
  it('downloads in the background and installs only when asked (the maintenance restart)', async () => {
    const { updater, calls, service, logged } = setup();
    expect(updater.autoDownload).toBe(false);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.allowDowngrade).toBe(true);
    expect(calls).toEqual(['feed:https://updates.provider.example/pop/linux', 'check']);
    expect(service.hasDownloadedUpdate()).toBe(false);
    updater.emit('update-available', offer('0.2.0'));
    expect(calls).toContain('download');
    const verified = logged(/downloaded and verified/);
    updater.emit('update-downloaded', downloadedEvent('0.2.0'));
    await verified;
    expect(service.hasDownloadedUpdate()).toBe(true);
    const installing = logged(/installing update 0.2.0/);
    service.installAndRestart();
    await installing;
    expect(calls.at(-1)).toBe('install:true:true');
  });

  it('keeps the feed built into the package when the config names none', () => {
    const { calls } = setup({ feedUrl: undefined });
    expect(calls).toEqual(['check']);
  });

  it('does not even ask the feed when updates are off', () => {
    const { calls } = setup({ settings: () => ({ mode: 'off' }) });
    expect(calls).toEqual(['feed:https://updates.provider.example/pop/linux']);
  });

  it('does not download what the signed config does not expect', () => {
    const { updater, calls } = setup();
    updater.emit('update-available', offer('0.3.0'));
    updater.emit('update-available', offer('0.2.0', OTHER));
    expect(calls).not.toContain('download');
    expect(calls.filter((c) => c.startsWith('warn:'))).toEqual([
      'warn:update 0.3.0 refused: the feed offers 0.3.0, the signed config expects 0.2.0',
      "warn:update 0.2.0 refused: the feed's sha512 for 0.2.0 is not the one in the signed config",
    ]);
  });

  it('drops a downloaded file whose own sha512 is not the signed one', async () => {
    const { updater, service, files, logged, calls } = setup();
    files.set('/cache/pop-0.2.0.AppImage', OTHER);
    const refused = logged(/refused/);
    updater.emit('update-downloaded', downloadedEvent('0.2.0'));
    await refused;
    expect(service.hasDownloadedUpdate()).toBe(false);
    service.installAndRestart();
    expect(calls.at(-1)).toBe('relaunch');
    expect(calls.some((c) => c.startsWith('install:'))).toBe(false);
  });

  it('hashes the file again at install time and relaunches without it when it changed', async () => {
    const { updater, service, files, logged, calls } = setup();
    const verified = logged(/downloaded and verified/);
    updater.emit('update-downloaded', downloadedEvent('0.2.0'));
    await verified;
    files.set('/cache/pop-0.2.0.AppImage', OTHER);
    const refused = logged(/not installed/);
    service.installAndRestart();
    await refused;
    expect(calls.at(-1)).toBe('relaunch');
    expect(calls.some((c) => c.startsWith('install:'))).toBe(false);
    expect(service.hasDownloadedUpdate()).toBe(false);
  });

  it('holds a verified update outside the window and after updates were switched off', async () => {
    const { updater, service, logged, setWindow, setSettings } = setup();
    const verified = logged(/downloaded and verified/);
    updater.emit('update-downloaded', downloadedEvent('0.2.0'));
    await verified;
    setWindow(false);
    expect(service.hasDownloadedUpdate()).toBe(false);
    setWindow(true);
    expect(service.hasDownloadedUpdate()).toBe(true);
    setSettings({ mode: 'off' });
    expect(service.hasDownloadedUpdate()).toBe(false);
  });

  it('checks again on its interval only while updates are on', () => {
    let tick: () => void = () => undefined;
    const { calls, setSettings } = setup({
      every: (task) => {
        tick = task;
        return () => undefined;
      },
    });
    tick();
    expect(calls.filter((c) => c === 'check')).toHaveLength(2);
    setSettings({ mode: 'off' });
    tick();
    expect(calls.filter((c) => c === 'check')).toHaveLength(2);
  });
});
