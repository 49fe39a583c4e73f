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

export interface KioskBridge {
  /** Which shell runs the page. */
  getShellInfo(): Promise<ShellInfo>;
  /** The terminal configuration as the shell loaded it (unvalidated: the renderer parses it). */
  getKioskConfig(): Promise<unknown>;
  /** Ends a citizen's session: the shell clears what it holds for the citizen (partition, cache). */
  endCitizenSession(): Promise<void>;
  /** Tells the shell the page is alive and interactive (watchdog, crash-loop detection). */
  reportReady(): void;
}

/** The name of the one global the preload exposes. */
export const BRIDGE_GLOBAL = 'pointOfPublic';
