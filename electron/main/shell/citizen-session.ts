import type { Session } from 'electron';
import { CITIZEN_STORAGES } from '../policy/citizen-session.js';

export type WipeableSession = Pick<Session, 'clearStorageData' | 'clearCache' | 'clearAuthCache'>;

/** Clears what a citizen may have left in the kiosk session; see policy/citizen-session.ts for what stays. */
export async function endCitizenSession(session: WipeableSession): Promise<void> {
  await session.clearStorageData({ storages: [...CITIZEN_STORAGES] });
  await session.clearCache();
  // Credentials typed into an HTTP auth prompt would otherwise serve the next citizen.
  await session.clearAuthCache();
}
