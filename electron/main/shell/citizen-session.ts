import type { Session } from 'electron';
import { CITIZEN_STORAGES } from '../policy/citizen-session.js';

export type WipeableSession = Pick<Session, 'clearStorageData' | 'clearCache' | 'clearAuthCache'>;

export interface CitizenSessionExtras {
  /** Empties the OS clipboard (Electron's clipboard.clear): it outlives the page. */
  clearClipboard?: () => void;
  /** Ends a call the page forgot to end: the camera is refused to the next citizen. */
  endCall?: () => void;
}

/** Clears what a citizen may have left in the kiosk session; see policy/citizen-session.ts for what stays. */
export async function endCitizenSession(
  session: WipeableSession,
  extras: CitizenSessionExtras = {},
): Promise<void> {
  extras.endCall?.();
  await session.clearStorageData({ storages: [...CITIZEN_STORAGES] });
  await session.clearCache();
  // Credentials typed into an HTTP auth prompt would otherwise serve the next citizen.
  await session.clearAuthCache();
  extras.clearClipboard?.();
}
