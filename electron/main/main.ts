import { isPrimaryInstance } from './prelude.js';
import { existsSync } from 'node:fs';
import { readFile, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BrowserWindow,
  Menu,
  app,
  clipboard,
  ipcMain,
  powerMonitor,
  powerSaveBlocker,
  session,
  type WebContents,
} from 'electron';
import electronUpdater from 'electron-updater';
import { describeConfigLoad, loadKioskConfig, locateKioskConfig } from './config.js';
import { CONFIG_ERROR_URL, shellFiles } from './error-page.js';
import { createLogger } from './log.js';
import { APP_SCHEME, KIOSK_ENTRY_URL } from './policy/app-origin.js';
import { kioskContentSecurityPolicy } from './policy/csp.js';
import {
  RESTART_COMMAND_DELAY_MS,
  nextShellRestart,
  shellBusyRetryAt,
  inShellMaintenanceWindow,
  receiptPrinter,
  type FleetShellSettings,
} from './policy/fleet-shell.js';
import { configForPage } from './policy/page-config.js';
import { effectiveUpdateSettings } from './policy/updates.js';
import { KIOSK_PARTITION, devToolsAllowed, kioskWebPreferences } from './policy/web-preferences.js';
import { kioskWindowOptions, windowedForDevelopment } from './policy/window-options.js';
import { createAppProtocolHandler } from './shell/app-protocol-handler.js';
import { createAdminExit } from './shell/admin-exit.js';
import { registerBridgeIpc } from './shell/bridge-ipc.js';
import { createCallState, endCallWhenPageGoes } from './shell/call-state.js';
import { sha512OfFile } from './shell/file-hash.js';
import { endCitizenSession } from './shell/citizen-session.js';
import { createFleetConfigApplier } from './shell/fleet-config.js';
import { attachCrashRecovery } from './shell/crash-recovery.js';
import { DisplayAwakeService } from './shell/display-awake.js';
import { createIncidentReporter } from './shell/incident-reporter.js';
import { guardKeyboard } from './shell/keyboard-guard.js';
import { restartShell, scheduleMaintenanceRestart } from './shell/maintenance-restart.js';
import { shellPaths } from './shell/paths.js';
import { printReceipt } from './shell/printing.js';
import { createSessionGuard } from './shell/session-guard.js';
import { startUpdates, type Updater } from './shell/updater.js';
import { guardWebContents } from './shell/web-contents-guard.js';

/**
 * The composition point: it wires Electron to the policies and services and decides nothing
 * itself. Every rule lives in policy/, every use of an Electron object in shell/.
 */
const log = createLogger('main');

const schedule = (task: () => void, delayMs: number) => {
  const timer = setTimeout(task, delayMs);
  return () => clearTimeout(timer);
};
const every = (task: () => void, intervalMs: number) => {
  const timer = setInterval(task, intervalMs);
  return () => clearInterval(timer);
};

async function start(): Promise<void> {
  const startedAt = new Date();
  const guardLog = createLogger('guard');
  const callState = createCallState(createLogger('call'));
  // A document photo needs the camera alone, between bridge.beginCapture and endCapture.
  let captureActive = false;
  const guard = createSessionGuard(guardLog, callState.isActive, () => captureActive);
  const devTools = devToolsAllowed(app.isPackaged, process.env);
  app.on('session-created', guard);
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, guardLog);
    guardKeyboard(contents, { devTools, log: guardLog });
  });

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

  // The signed config the page runs with, verified here once (shell/fleet-config.ts): it may move
  // the hub (CSP), choose the printer and the restart window. Its record (config and keyring) is
  // kept in a file so that a restarted shell serves the page with the right CSP from its first load.
  let fleetShell: FleetShellSettings | null = null;
  const fleetRecordFile = join(app.getPath('userData'), 'fleet-config.record.json');
  const legacyFleetFile = join(app.getPath('userData'), 'fleet-config.signed.json');
  let onFleetChange: () => void = () => undefined;
  const storedFleetRecord = await readFile(fleetRecordFile, 'utf8').then(
    (text) => JSON.parse(text) as unknown,
    () => null,
  );
  const applyFleetConfig = createFleetConfigApplier({
    keyring: load.ok ? (load.config.fleet?.providerKeys ?? []) : [],
    terminalId: load.ok && load.config.fleet?.enrollmentCode === undefined ? load.config.terminalId : null,
    apply: (settings) => {
      fleetShell = settings;
      onFleetChange();
    },
    log: createLogger('fleet'),
    restored: storedFleetRecord,
    save: (record) => writeFile(fleetRecordFile, JSON.stringify(record)),
  });
  // A shell updated from a version that kept only the signed text: verified once, then kept as a record.
  const legacyFleetConfig =
    storedFleetRecord === null ? await readFile(legacyFleetFile, 'utf8').catch(() => null) : null;
  if (legacyFleetConfig !== null) {
    await applyFleetConfig(legacyFleetConfig);
    await rm(legacyFleetFile, { force: true });
  }

  const kioskSession = session.fromPartition(KIOSK_PARTITION);
  guard(session.defaultSession);
  guard(kioskSession);

  // protocol.handle on the module would serve the default session only; the page lives in the partition.
  kioskSession.protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rendererRoot: paths.rendererRoot,
      contentSecurityPolicy: () =>
        kioskContentSecurityPolicy(
          load.ok ? load.config.hubUrl : undefined,
          fleetShell ? [fleetShell.hubUrl] : [],
        ),
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
  const shellSettings = load.ok ? load.config.shell : undefined;
  const recovery = attachCrashRecovery(window, {
    entryUrl,
    now: Date.now,
    schedule,
    log: createLogger('recovery'),
    // An enrolled terminal has no token here (its key lives in the page): its page reports instead.
    onCrashLoop:
      load.ok && load.config.terminalToken !== undefined
        ? createIncidentReporter({
            hubUrl: load.config.hubUrl,
            terminalToken: load.config.terminalToken,
            shellVersion: app.getVersion(),
            now: () => new Date(),
            fetch,
            log: createLogger('incidents'),
          })
        : undefined,
  });
  // A reloaded, navigated or crashed page has no call and no document capture any more.
  endCallWhenPageGoes(window.webContents, {
    set: (active) => {
      callState.set(active);
      if (!active) captureActive = false;
    },
  });

  // Black screen after the machine slept: the compositor may not repaint by itself.
  powerMonitor.on('resume', () => {
    if (!window.isDestroyed()) window.webContents.invalidate();
  });

  const display = new DisplayAwakeService(powerSaveBlocker, {
    hours: shellSettings?.displayAwake,
    now: () => new Date(),
    log: createLogger('display'),
  });
  display.update();
  const stopDisplayTicks = every(() => display.update(), 60_000);
  window.webContents.on('input-event', (_event, input) => display.noteInput(input.type));

  const relaunch = () => {
    app.relaunch();
    app.exit(0);
  };
  // Typed, not cast: the compiler holds shell/updater.ts's interface to electron-updater's.
  const autoUpdater: Updater = electronUpdater.autoUpdater;
  const updates = app.isPackaged
    ? startUpdates(autoUpdater, {
        feedUrl: shellSettings?.updateFeedUrl,
        currentVersion: app.getVersion(),
        settings: () => effectiveUpdateSettings(load.ok ? load.config.updates : undefined, fleetShell),
        inMaintenanceWindow: (now) =>
          inShellMaintenanceWindow(now, shellSettings?.maintenanceWindow, fleetShell?.maintenance),
        now: () => new Date(),
        hashFile: sha512OfFile,
        forceRunAfter: process.platform !== 'linux',
        onInstallRefused: relaunch,
        every,
        log: createLogger('updates'),
      })
    : null;
  // Installs a verified update if one may go in now, else relaunches (maintenance and the remote command).
  const restartNow = () => void restartShell(updates, relaunch);
  const armMaintenance = () =>
    scheduleMaintenanceRestart({
      window: shellSettings?.maintenanceWindow,
      nextRestart: (now, started) =>
        nextShellRestart(now, started, shellSettings?.maintenanceWindow, fleetShell?.maintenance),
      busyRetry: (now) => shellBusyRetryAt(now, shellSettings?.maintenanceWindow, fleetShell?.maintenance),
      startedAt,
      now: () => new Date(),
      schedule,
      restart: restartNow,
      isBusy: () => callState.isActive(),
      log: createLogger('maintenance'),
    });
  let cancelMaintenance = armMaintenance();
  onFleetChange = () => {
    cancelMaintenance();
    cancelMaintenance = armMaintenance();
  };
  const adminExit = createAdminExit({
    pinHash: shellSettings?.adminPinHash,
    now: Date.now,
    quit: () => app.quit(),
    log: createLogger('admin'),
  });

  const isKioskContents = (contents: WebContents) => !window.isDestroyed() && contents === window.webContents;
  const disposeIpc = registerBridgeIpc(ipcMain, {
    shellInfo: { kind: 'electron', version: app.getVersion() },
    kioskConfig: () => (load.ok ? configForPage(load.config) : null),
    isKioskContents,
    endCitizenSession: (contents) =>
      endCitizenSession(contents.session, {
        endCall: () => {
          callState.set(false);
          captureActive = false;
        },
        clearClipboard: () => clipboard.clear(),
      }),
    onReady: () => recovery.markReady(),
    setCallActive: (active) => callState.set(active),
    setCaptureActive: (active) => {
      captureActive = active;
    },
    printReceipt: (contents) => {
      const printer = receiptPrinter(shellSettings?.printerName, fleetShell);
      if (!printer.print) return Promise.resolve('no-printer' as const);
      return printReceipt(contents, printer.printerName, createLogger('print'));
    },
    requestAdminExit: adminExit,
    restartShell: () => {
      log.info('remote command: restarting the shell');
      schedule(restartNow, RESTART_COMMAND_DELAY_MS);
      return 'restarting';
    },
    applyFleetConfig,
    log: createLogger('bridge'),
  });

  window.on('closed', () => {
    recovery.dispose();
    disposeIpc();
    display.dispose();
    stopDisplayTicks();
    cancelMaintenance();
    updates?.dispose();
  });
  app.on('second-instance', () => {
    if (window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());

  // After a power cut or a crash of the whole shell no wipe ran: start from a clean partition
  // (the page keeps a fresh draft itself, for a citizen who is still standing there).
  await endCitizenSession(kioskSession, { clearClipboard: () => clipboard.clear() }).catch((error: unknown) =>
    log.error('clearing the kiosk partition at start failed', error),
  );
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
