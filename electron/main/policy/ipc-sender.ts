import { parseAppUrl } from './app-origin.js';

/** What the shell knows about the frame an IPC message came from. */
export interface IpcSenderFrame {
  /** The URL the frame has loaded. */
  url: string;
  /** True only for the top-level frame of the web contents that sent the message. */
  isMainFrame: boolean;
}

/**
 * Only our own page, in its top-level frame, may call the bridge. The preload runs in subframes
 * too, so a frame on another origin (or an iframe of ours hosting something else) could otherwise
 * reach the shell. `null` means Electron could not tell us the frame (it navigated or was
 * destroyed): refuse.
 */
export function isTrustedIpcSender(frame: IpcSenderFrame | null): boolean {
  if (frame === null || !frame.isMainFrame) return false;
  return parseAppUrl(frame.url) !== null;
}
