/**
 * The contract between the kiosk page and the shell around it. Electron's preload implements it
 * (`satisfies KioskBridge`), and so does a browser implementation in the renderer, so the kiosk
 * runs unchanged in plain Chromium. Named methods only; never a generic channel.
 */
export type ShellKind = 'electron' | 'browser';

export interface ShellInfo {
  kind: ShellKind;
  version: string;
}

/**
 * What became of a receipt print. 'printed': handed to the printer without a dialog.
 * 'no-printer': nothing could print it; the page keeps the receipt on screen (with its QR code to
 * photograph). 'browser': handed to window.print(); silent only with Chromium's --kiosk-printing.
 */
export type PrintOutcome = 'printed' | 'no-printer' | 'browser';

/** The answer to an admin-exit attempt. 'locked': too many wrong PINs; try again later. */
export type AdminExitOutcome = 'exiting' | 'wrong-pin' | 'locked' | 'unavailable';

/** The admin PIN as the page may pass it: digits only, bounded, validated again in the shell. */
export const ADMIN_PIN_PATTERN = /^[0-9]{4,12}$/;

export interface KioskBridge {
  /** Which shell runs the page. */
  getShellInfo(): Promise<ShellInfo>;
  /** The terminal configuration as the shell loaded it (unvalidated: the renderer parses it). */
  getKioskConfig(): Promise<unknown>;
  /** Ends a citizen's session: the shell clears what it holds for the citizen (partition, cache). */
  endCitizenSession(): Promise<void>;
  /** Tells the shell the page is alive and interactive (watchdog, crash-loop detection). */
  reportReady(): void;
  /** A video call starts: camera and microphone may be granted until endCall (or the session ends). */
  beginCall(): Promise<void>;
  /** The call is over: camera and microphone are refused again. */
  endCall(): Promise<void>;
  /** A document photo or scan: the camera alone (no microphone) may be granted until endCapture. */
  beginCapture(): Promise<void>;
  /** The picture is taken (or the citizen cancelled): the camera is refused again. */
  endCapture(): Promise<void>;
  /** Prints the page as it is now (the receipt) to the configured printer, without a dialog. */
  printReceipt(): Promise<PrintOutcome>;
  /** The admin gesture was made and a PIN typed: the shell checks it and, if right, quits. */
  requestAdminExit(pin: string): Promise<AdminExitOutcome>;
}

/** The bridge's method names, for the renderer's shape check and the shell's channel list. */
export const BRIDGE_METHODS = [
  'getShellInfo',
  'getKioskConfig',
  'endCitizenSession',
  'reportReady',
  'beginCall',
  'endCall',
  'beginCapture',
  'endCapture',
  'printReceipt',
  'requestAdminExit',
] as const satisfies readonly (keyof KioskBridge)[];

/** The name of the one global the preload exposes. */
export const BRIDGE_GLOBAL = 'pointOfPublic';
