import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { _electron, expect, test as base, type ElectronApplication, type Page } from '@playwright/test';
import type { KioskBridge } from '../../protocol/bridge.js';
import { ELECTRON_UNAVAILABLE_REASON, REPO_ROOT, electronBinary } from '../../scripts/electron-binary.js';

/**
 * The Electron shell, driven through Playwright's _electron against the built app
 * (dist/electron/main/main.js, dist/renderer). Runs only where an Electron binary exists; see
 * electron-binary.ts. The page gets no hub: its config points at a closed port, and nothing here
 * needs the network.
 */
const binary = electronBinary();

// Playwright loads this file in the runner and again in each worker; say it once, from the runner.
if (!binary.available && process.env['TEST_WORKER_INDEX'] === undefined) {
  console.log(ELECTRON_UNAVAILABLE_REASON);
  console.log(`  (${binary.detail})`);
}

type BridgeWindow = Window & { pointOfPublic: KioskBridge };

interface Shell {
  app: ElectronApplication;
  page: Page;
  /** Resolves when the main process logs a line containing `text`; start waiting before acting. */
  mainLogLine(text: string): Promise<unknown>;
}

const demoConfig = JSON.parse(await readFile(join(REPO_ROOT, 'demo/kiosk-config.json'), 'utf8')) as Record<
  string,
  unknown
>;
const packageVersion = (
  JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

const test = base.extend<{ kioskConfigText: string; shell: Shell }>({
  // Port 9 (discard) is closed: the page's hub requests fail at once instead of reaching anything.
  kioskConfigText: [JSON.stringify({ ...demoConfig, hubUrl: 'http://127.0.0.1:9' }), { option: true }],

  shell: async ({ kioskConfigText }, use, testInfo) => {
    if (!binary.available) throw new Error(ELECTRON_UNAVAILABLE_REASON);
    const dataDir = testInfo.outputPath('shell');
    await mkdir(dataDir, { recursive: true });
    const configPath = join(dataDir, 'kiosk-config.json');
    await writeFile(configPath, kioskConfigText);

    const app = await _electron.launch({
      executablePath: binary.executablePath,
      args: [REPO_ROOT, '--config', configPath, '--use-fake-device-for-media-stream'],
      cwd: REPO_ROOT,
      env: {
        ...(process.env as Record<string, string>),
        POP_USER_DATA_DIR: join(dataDir, 'profile'),
        POP_DEVTOOLS: '',
        POP_WINDOWED: '',
      },
    });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      const mainLogLine = (text: string) =>
        app.waitForEvent('console', { predicate: (message) => message.text().includes(text) });
      await use({ app, page, mainLogLine });
    } finally {
      await app.close();
    }
  },
});

test.describe('Electron shell', () => {
  test.skip(!binary.available, ELECTRON_UNAVAILABLE_REASON);

  test('shows the kiosk page from app://kiosk in one window', async ({ shell }) => {
    expect(shell.page.url()).toMatch(/^app:\/\/kiosk\/kiosk\/index\.html/);
    expect(shell.app.windows()).toHaveLength(1);
    const isKiosk = await shell.app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]?.isKiosk(),
    );
    expect(isKiosk).toBe(true);
  });

  test('exposes exactly the bridge methods and nothing of Node', async ({ shell }) => {
    const exposed = await shell.page.evaluate(() => {
      const bridge = (window as unknown as BridgeWindow).pointOfPublic;
      return Object.entries(bridge)
        .map(([name, value]) => `${name}:${typeof value}`)
        .sort();
    });
    expect(exposed).toEqual([
      'applyFleetConfig:function',
      'beginCall:function',
      'beginCapture:function',
      'endCall:function',
      'endCapture:function',
      'endCitizenSession:function',
      'getKioskConfig:function',
      'getShellInfo:function',
      'printReceipt:function',
      'reportReady:function',
      'requestAdminExit:function',
      'restartShell:function',
    ]);
    const nodeGlobals = await shell.page.evaluate(() => [
      typeof (globalThis as Record<string, unknown>)['require'],
      typeof (globalThis as Record<string, unknown>)['process'],
      typeof (globalThis as Record<string, unknown>)['module'],
      typeof (globalThis as Record<string, unknown>)['Buffer'],
    ]);
    expect(nodeGlobals).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
  });

  test('answers over the bridge with the shell and the loaded config', async ({ shell }) => {
    const answers = await shell.page.evaluate(async () => {
      const bridge = (window as unknown as BridgeWindow).pointOfPublic;
      return { info: await bridge.getShellInfo(), config: await bridge.getKioskConfig() };
    });
    expect(answers.info).toEqual({ kind: 'electron', version: packageVersion });
    expect(answers.config).toMatchObject({
      terminalId: demoConfig['terminalId'],
      hubUrl: 'http://127.0.0.1:9',
    });
  });

  test('ends a citizen session without touching IndexedDB', async ({ shell }) => {
    const kept = await shell.page.evaluate(async () => {
      const open = () =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('pop-shell-test', 1);
          request.onupgradeneeded = () => request.result.createObjectStore('kv');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const run = <T>(
        db: IDBDatabase,
        mode: IDBTransactionMode,
        act: (store: IDBObjectStore) => IDBRequest<T>,
      ) =>
        new Promise<T>((resolve, reject) => {
          const request = act(db.transaction('kv', mode).objectStore('kv'));
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const db = await open();
      await run(db, 'readwrite', (store) => store.put('queued submission', 'outbox'));
      sessionStorage.setItem('draft-step', '3');
      localStorage.setItem('note', 'Zzmarker-local');
      document.cookie = 'seen=Zzmarker-cookie; path=/';
      await (window as unknown as BridgeWindow).pointOfPublic.endCitizenSession();
      return {
        outbox: await run(db, 'readonly', (store) => store.get('outbox') as IDBRequest<string>),
        session: sessionStorage.getItem('draft-step'),
      };
    });
    expect(kept).toEqual({ outbox: 'queued submission', session: null });
    // What the partition held for the citizen is gone from the shell's side too.
    const partition = await shell.app.evaluate(async ({ session }) => {
      const kiosk = session.fromPartition('persist:kiosk');
      return { cookies: await kiosk.cookies.get({}) };
    });
    expect(JSON.stringify(partition)).not.toContain('Zzmarker');
    expect(await shell.page.evaluate(() => localStorage.getItem('note'))).toBeNull();
  });

  test('opens no new window', async ({ shell }) => {
    const logged = shell.mainLogLine('blocked window.open of https://example.org/');
    const opened = await shell.page.evaluate(() => [
      window.open('https://example.org/', '_blank') === null,
      window.open('app://kiosk/kiosk/index.html') === null,
    ]);
    await logged;
    expect(opened).toEqual([true, true]);
    expect(shell.app.windows()).toHaveLength(1);
  });

  test('stays on the kiosk when the page tries to leave', async ({ shell }) => {
    const before = shell.page.url();
    const logged = shell.mainLogLine('blocked navigation to https://example.org/');
    await shell.page.evaluate(() => {
      window.location.href = 'https://example.org/';
    });
    await logged;
    expect(shell.page.url()).toBe(before);
  });

  test('denies permissions other than camera and microphone', async ({ shell }) => {
    const logged = shell.mainLogLine('denied permission "notifications"');
    const answers = await shell.page.evaluate(async () => ({
      notifications: await Notification.requestPermission(),
      geolocation: (await navigator.permissions.query({ name: 'geolocation' })).state,
    }));
    await logged;
    expect(answers).toEqual({ notifications: 'denied', geolocation: 'denied' });
  });

  test('grants the camera to the kiosk page only during a call', async ({ shell }) => {
    const getMedia = () =>
      shell.page.evaluate(async () => {
        try {
          const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
          const kinds = stream.getTracks().map((track) => track.kind);
          stream.getTracks().forEach((track) => track.stop());
          return kinds.sort().join(',');
        } catch (error) {
          return (error as Error).name;
        }
      });
    const bridge = (method: 'beginCall' | 'endCall') =>
      shell.page.evaluate((name) => (window as unknown as BridgeWindow).pointOfPublic[name](), method);
    expect(await getMedia()).toBe('NotAllowedError');
    await bridge('beginCall');
    expect(await getMedia()).toBe('audio,video');
    await bridge('endCall');
    expect(await getMedia()).toBe('NotAllowedError');
  });

  test('blocks escape shortcuts before the page sees them', async ({ shell }) => {
    const logged = shell.mainLogLine('blocked a reload shortcut');
    await shell.page.evaluate(() => {
      (window as unknown as { keys: string[] }).keys = [];
      window.addEventListener('keydown', (event) =>
        (window as unknown as { keys: string[] }).keys.push(event.key),
      );
    });
    await shell.page.keyboard.press('F5');
    await shell.page.keyboard.press('Control+r');
    await logged;
    await shell.page.keyboard.press('a');
    expect(await shell.page.evaluate(() => (window as unknown as { keys: string[] }).keys)).toEqual(['a']);
  });

  test('prints the receipt without a dialog, or says there is no printer', async ({ shell }) => {
    const outcome = await shell.page.evaluate(() =>
      (window as unknown as BridgeWindow).pointOfPublic.printReceipt(),
    );
    expect(['printed', 'no-printer']).toContain(outcome);
    expect(shell.app.windows()).toHaveLength(1);
  });

  test('refuses a wrong admin PIN; without a configured hash the exit is unavailable', async ({ shell }) => {
    const outcome = await shell.page.evaluate(() =>
      (window as unknown as BridgeWindow).pointOfPublic.requestAdminExit('0000'),
    );
    expect(outcome).toBe('unavailable');
  });

  test('brings the page back after its renderer crashed', async ({ shell }) => {
    const gone = shell.mainLogLine('page renderer gone');
    await shell.app.evaluate(({ BrowserWindow }) => {
      BrowserWindow.getAllWindows()[0]?.webContents.forcefullyCrashRenderer();
    });
    await gone;
    await expect
      .poll(
        () =>
          shell.app.evaluate(({ BrowserWindow }) => {
            const contents = BrowserWindow.getAllWindows()[0]?.webContents;
            return contents !== undefined && !contents.isCrashed() && !contents.isLoading()
              ? contents.getURL()
              : '';
          }),
        { timeout: 20_000 },
      )
      .toMatch(/^app:\/\/kiosk\/kiosk\/index\.html/);
  });

  test('enforces the CSP on app:// pages', async ({ shell }) => {
    const violated = await shell.page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), {
            once: true,
          });
          fetch('https://example.org/').catch(() => undefined);
        }),
    );
    expect(violated).toBe('connect-src');
  });

  test('serves nothing outside the renderer build', async ({ shell }) => {
    const statuses = await shell.page.evaluate(() =>
      Promise.all(
        [
          'app://kiosk/..%2f..%2fpackage.json',
          'app://kiosk/..%5c..%5cpackage.json',
          'app://kiosk/nope.js',
        ].map((url) => fetch(url).then((response) => response.status)),
      ),
    );
    expect(statuses).toEqual([400, 400, 404]);
  });
});

test.describe('Electron shell with a broken config', () => {
  test.skip(!binary.available, ELECTRON_UNAVAILABLE_REASON);
  test.use({ kioskConfigText: '{ "schemaVersion": 1, "terminalToken": "must-not-appear-on-screen-1234",' });

  test('shows the error page instead of crashing, without quoting the file', async ({ shell }) => {
    expect(shell.page.url()).toBe('app://kiosk/_shell/config-error.html');
    await expect(
      shell.page.getByRole('heading', { name: 'Dieses Terminal ist gerade nicht verfügbar.' }),
    ).toBeVisible();
    await expect(shell.page.getByRole('listitem')).toHaveText([/not valid JSON/]);
    await expect(shell.page.locator('body')).not.toContainText('must-not-appear-on-screen');
  });
});
