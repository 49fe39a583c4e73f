import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import type { AdminExitOutcome, PrintOutcome, ShellInfo } from '../../../protocol/bridge.js';
import { BRIDGE_CHANNELS } from '../channels.js';
import { isTrustedIpcSender, type IpcSenderFrame } from '../policy/ipc-sender.js';
import type { Logger } from '../log.js';

export type BridgeIpcMain = Pick<IpcMain, 'handle' | 'removeHandler' | 'on' | 'removeListener'>;

export interface BridgeIpcDeps {
  shellInfo: ShellInfo;
  /** The loaded config, or null when it is unusable (the error page is showing). */
  kioskConfig: () => unknown;
  /** Only the kiosk window's page may use the bridge, not any other web contents on our origin. */
  isKioskContents: (contents: WebContents) => boolean;
  endCitizenSession: (contents: WebContents) => Promise<void>;
  onReady: (contents: WebContents) => void;
  /** The page's video call starts or ends: camera and microphone follow this state. */
  setCallActive: (active: boolean) => void;
  /** A document photo starts or ends: the camera alone follows this state. */
  setCaptureActive: (active: boolean) => void;
  printReceipt: (contents: WebContents) => Promise<PrintOutcome>;
  /** Gets whatever the page passed; the admin-exit service validates it. */
  requestAdminExit: (pin: unknown) => Promise<AdminExitOutcome>;
  log: Logger;
}

/** Reading a frame that navigated away or was destroyed throws; then there is no sender to trust. */
function senderFrameOf(event: IpcMainEvent | IpcMainInvokeEvent): IpcSenderFrame | null {
  try {
    const frame = event.senderFrame;
    if (frame === null) return null;
    return { url: frame.url, isMainFrame: frame.parent === null };
  } catch {
    return null;
  }
}

/**
 * One handler per bridge method, each on its fixed channel, each checking who is calling. Nothing
 * from the page is passed on, except the admin PIN, which is handed to a service that validates
 * it; every other method takes no arguments, so its handler reads none.
 * Returns a function that removes every handler again.
 */
export function registerBridgeIpc(ipcMain: BridgeIpcMain, deps: BridgeIpcDeps): () => void {
  const trusted = (event: IpcMainEvent | IpcMainInvokeEvent, channel: string): boolean => {
    if (deps.isKioskContents(event.sender) && isTrustedIpcSender(senderFrameOf(event))) return true;
    deps.log.warn(`refused ${channel} from an untrusted sender`);
    return false;
  };
  const refusal = (channel: string) => new Error(`${channel}: not allowed from this frame`);

  ipcMain.handle(BRIDGE_CHANNELS.getShellInfo, (event) => {
    if (!trusted(event, BRIDGE_CHANNELS.getShellInfo)) throw refusal(BRIDGE_CHANNELS.getShellInfo);
    return { ...deps.shellInfo };
  });

  ipcMain.handle(BRIDGE_CHANNELS.getKioskConfig, (event) => {
    if (!trusted(event, BRIDGE_CHANNELS.getKioskConfig)) throw refusal(BRIDGE_CHANNELS.getKioskConfig);
    const config = deps.kioskConfig();
    if (config === null) throw new Error(`${BRIDGE_CHANNELS.getKioskConfig}: the kiosk config is unusable`);
    return config;
  });

  ipcMain.handle(BRIDGE_CHANNELS.endCitizenSession, async (event) => {
    if (!trusted(event, BRIDGE_CHANNELS.endCitizenSession)) throw refusal(BRIDGE_CHANNELS.endCitizenSession);
    await deps.endCitizenSession(event.sender);
  });

  ipcMain.handle(BRIDGE_CHANNELS.beginCall, (event) => {
    if (!trusted(event, BRIDGE_CHANNELS.beginCall)) throw refusal(BRIDGE_CHANNELS.beginCall);
    deps.setCallActive(true);
  });

  ipcMain.handle(BRIDGE_CHANNELS.endCall, (event) => {
    if (!trusted(event, BRIDGE_CHANNELS.endCall)) throw refusal(BRIDGE_CHANNELS.endCall);
    deps.setCallActive(false);
  });

  ipcMain.handle(BRIDGE_CHANNELS.beginCapture, (event) => {
    if (!trusted(event, BRIDGE_CHANNELS.beginCapture)) throw refusal(BRIDGE_CHANNELS.beginCapture);
    deps.setCaptureActive(true);
  });

  ipcMain.handle(BRIDGE_CHANNELS.endCapture, (event) => {
    if (!trusted(event, BRIDGE_CHANNELS.endCapture)) throw refusal(BRIDGE_CHANNELS.endCapture);
    deps.setCaptureActive(false);
  });

  ipcMain.handle(BRIDGE_CHANNELS.printReceipt, async (event) => {
    if (!trusted(event, BRIDGE_CHANNELS.printReceipt)) throw refusal(BRIDGE_CHANNELS.printReceipt);
    return await deps.printReceipt(event.sender);
  });

  ipcMain.handle(BRIDGE_CHANNELS.requestAdminExit, async (event, pin: unknown) => {
    if (!trusted(event, BRIDGE_CHANNELS.requestAdminExit)) throw refusal(BRIDGE_CHANNELS.requestAdminExit);
    return await deps.requestAdminExit(pin);
  });

  const onReportReady = (event: IpcMainEvent) => {
    if (trusted(event, BRIDGE_CHANNELS.reportReady)) deps.onReady(event.sender);
  };
  ipcMain.on(BRIDGE_CHANNELS.reportReady, onReportReady);

  return () => {
    ipcMain.removeHandler(BRIDGE_CHANNELS.getShellInfo);
    ipcMain.removeHandler(BRIDGE_CHANNELS.getKioskConfig);
    ipcMain.removeHandler(BRIDGE_CHANNELS.endCitizenSession);
    ipcMain.removeHandler(BRIDGE_CHANNELS.beginCall);
    ipcMain.removeHandler(BRIDGE_CHANNELS.endCall);
    ipcMain.removeHandler(BRIDGE_CHANNELS.beginCapture);
    ipcMain.removeHandler(BRIDGE_CHANNELS.endCapture);
    ipcMain.removeHandler(BRIDGE_CHANNELS.printReceipt);
    ipcMain.removeHandler(BRIDGE_CHANNELS.requestAdminExit);
    ipcMain.removeListener(BRIDGE_CHANNELS.reportReady, onReportReady);
  };
}
