import { isPrimaryInstance } from './prelude.js';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { BrowserWindow, Menu, app, ipcMain, session, type WebContents } from 'electron';
import { describeConfigLoad, loadKioskConfig, locateKioskConfig } from './config.js';
import { CONFIG_ERROR_URL, shellFiles } from './error-page.js';
import { createLogger } from './log.js';
import { APP_SCHEME, KIOSK_ENTRY_URL } from './policy/app-origin.js';
import { kioskContentSecurityPolicy } from './policy/csp.js';
import { KIOSK_PARTITION, kioskWebPreferences } from './policy/web-preferences.js';
import { kioskWindowOptions, windowedForDevelopment } from './policy/window-options.js';
import { createAppProtocolHandler } from './shell/app-protocol-handler.js';
import { registerBridgeIpc } from './shell/bridge-ipc.js';
import { endCitizenSession } from './shell/citizen-session.js';
import { attachCrashRecovery } from './shell/crash-recovery.js';
import { shellPaths } from './shell/paths.js';
import { createSessionGuard } from './shell/session-guard.js';
import { guardWebContents } from './shell/web-contents-guard.js';

/**
 * The composition point: it wires Electron to the policies and services and decides nothing
 * itself. Every rule lives in policy/, every use of an Electron object in shell/.
 */
const log = createLogger('main');

async function start(): Promise<void> {
  const guardLog = createLogger('guard');
  const guard = createSessionGuard(guardLog);
  app.on('session-created', guard);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, guardLog));

  await app.whenReady();
  const paths = shellPaths(import.meta.dirname);

  const load = await loadKioskConfig(
    locateKioskConfig({
      argv: process.argv,
      env: process.env,
      cwd: process.cwd(),
      userDataDir: app.getPath('userData'),
      demoConfigPath: paths.demoConfigPath,
      isPackaged: app.isPackaged,
      fileExists: existsSync,
    }),
    (path) => readFile(path, 'utf8'),
  );
  if (load.ok) log.info(describeConfigLoad(load));
  else log.error(describeConfigLoad(load));

  const kioskSession = session.fromPartition(KIOSK_PARTITION);
  guard(session.defaultSession);
  guard(kioskSession);

  // protocol.handle on the module would serve the default session only; the page lives in the partition.
  kioskSession.protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rendererRoot: paths.rendererRoot,
      contentSecurityPolicy: kioskContentSecurityPolicy(load.ok ? load.config.hubUrl : undefined),
      readFile: (path) => readFile(path),
      shellFiles: shellFiles(
        load.ok ? null : { problems: load.problems, configPath: load.location?.path ?? null },
      ),
      log: createLogger('app-protocol'),
    }),
  );

  Menu.setApplicationMenu(null);
  const window = new BrowserWindow(
    kioskWindowOptions(
      kioskWebPreferences({ preloadPath: paths.preloadPath, isPackaged: app.isPackaged, env: process.env }),
      windowedForDevelopment(app.isPackaged, process.env),
    ),
  );
  const entryUrl = load.ok ? KIOSK_ENTRY_URL : CONFIG_ERROR_URL;
  const recovery = attachCrashRecovery(window, {
    entryUrl,
    now: Date.now,
    schedule: (task, delayMs) => {
      const timer = setTimeout(task, delayMs);
      return () => clearTimeout(timer);
    },
    log: createLogger('recovery'),
  });

  const isKioskContents = (contents: WebContents) => !window.isDestroyed() && contents === window.webContents;
  const disposeIpc = registerBridgeIpc(ipcMain, {
    shellInfo: { kind: 'electron', version: app.getVersion() },
    kioskConfig: () => (load.ok ? load.config : null),
    isKioskContents,
    endCitizenSession: (contents) => endCitizenSession(contents.session),
    onReady: () => recovery.markReady(),
    log: createLogger('bridge'),
  });

  window.on('closed', () => {
    recovery.dispose();
    disposeIpc();
  });
  app.on('second-instance', () => {
    if (window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());

  // A failed first load must not end the shell: the window stays, and recovery or a restart follows.
  window.loadURL(entryUrl).catch((error: unknown) => log.error(`loading ${entryUrl} failed`, error));
}

if (isPrimaryInstance) {
  start().catch((error: unknown) => {
    log.error('the shell failed to start', error);
    app.exit(1);
  });
} else {
  log.warn('another instance is already running; quitting');
  app.quit();
}
