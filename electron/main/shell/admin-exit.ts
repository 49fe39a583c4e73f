import type { AdminExitOutcome } from '../../../protocol/bridge.js';
import {
  INITIAL_ADMIN_EXIT_LOCK,
  afterAdminExitFailure,
  isAdminExitLocked,
  verifyAdminPin,
  type AdminExitLock,
} from '../policy/admin-pin.js';
import type { Logger } from '../log.js';

export interface AdminExitDeps {
  /** From the config; absent: there is no admin exit. */
  pinHash: string | undefined;
  now: () => number;
  /** Ends the kiosk (app.quit); the OS session decides what follows. */
  quit: () => void;
  log: Logger;
}

/** Checks a PIN typed after the corner gesture; the right one ends the kiosk. */
export function createAdminExit(deps: AdminExitDeps): (pin: unknown) => Promise<AdminExitOutcome> {
  let lock: AdminExitLock = INITIAL_ADMIN_EXIT_LOCK;
  return async (pin) => {
    if (deps.pinHash === undefined) return 'unavailable';
    if (isAdminExitLocked(lock, deps.now())) return 'locked';
    if (await verifyAdminPin(pin, deps.pinHash)) {
      lock = INITIAL_ADMIN_EXIT_LOCK;
      deps.log.warn('admin exit with the correct PIN; quitting');
      deps.quit();
      return 'exiting';
    }
    lock = afterAdminExitFailure(lock, deps.now());
    deps.log.warn('admin exit refused: wrong PIN');
    return isAdminExitLocked(lock, deps.now()) ? 'locked' : 'wrong-pin';
  };
}
