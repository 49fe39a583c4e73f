// eslint-disable-next-line @typescript-eslint/no-require-imports -- a sandboxed preload must be CommonJS
import electron = require('electron');
import type {
  AdminExitOutcome,
  BRIDGE_GLOBAL,
  KioskBridge,
  PrintOutcome,
  ShellInfo,
} from '../../protocol/bridge.js';

const { contextBridge, ipcRenderer } = electron;

/**
 * The kiosk page's only way into the shell. Sandboxed preloads are CommonJS and may require
 * nothing but 'electron', so the global's name and the channels are repeated here as literals:
 * the type below fails the build if the global is renamed in the protocol, and
 * electron/main/channels.test.ts fails if these channels drift from main's list.
 */
const bridgeGlobal: typeof BRIDGE_GLOBAL = 'pointOfPublic';

const CHANNELS = {
  getShellInfo: 'pop:get-shell-info',
  getKioskConfig: 'pop:get-kiosk-config',
  endCitizenSession: 'pop:end-citizen-session',
  reportReady: 'pop:report-ready',
  beginCall: 'pop:begin-call',
  endCall: 'pop:end-call',
  beginCapture: 'pop:begin-capture',
  endCapture: 'pop:end-capture',
  printReceipt: 'pop:print-receipt',
  requestAdminExit: 'pop:request-admin-exit',
} as const satisfies Record<keyof KioskBridge, string>;

// Named methods on fixed channels; nothing the page passes reaches ipcRenderer except the one
// string argument of requestAdminExit, which main validates again. ipcRenderer itself never
// reaches the page.
const bridge = {
  getShellInfo: () => ipcRenderer.invoke(CHANNELS.getShellInfo) as Promise<ShellInfo>,
  getKioskConfig: () => ipcRenderer.invoke(CHANNELS.getKioskConfig) as Promise<unknown>,
  endCitizenSession: async () => {
    // The shell's wipe cannot reach sessionStorage (clearStorageData has no such type); the
    // preload shares the page's storage, so it clears it here, as the browser bridge does.
    sessionStorage.clear();
    await ipcRenderer.invoke(CHANNELS.endCitizenSession);
  },
  reportReady: () => {
    ipcRenderer.send(CHANNELS.reportReady);
  },
  beginCall: () => ipcRenderer.invoke(CHANNELS.beginCall) as Promise<void>,
  endCall: () => ipcRenderer.invoke(CHANNELS.endCall) as Promise<void>,
  beginCapture: () => ipcRenderer.invoke(CHANNELS.beginCapture) as Promise<void>,
  endCapture: () => ipcRenderer.invoke(CHANNELS.endCapture) as Promise<void>,
  printReceipt: () => ipcRenderer.invoke(CHANNELS.printReceipt) as Promise<PrintOutcome>,
  requestAdminExit: (pin: string) =>
    ipcRenderer.invoke(CHANNELS.requestAdminExit, String(pin)) as Promise<AdminExitOutcome>,
} satisfies KioskBridge;

contextBridge.exposeInMainWorld(bridgeGlobal, bridge);
