import type { WebContents } from 'electron';
import {
  INITIAL_CRASH_RECOVERY_STATE,
  afterCrash,
  afterReady,
  type CrashRecoveryState,
} from '../policy/crash-recovery.js';
import type { Logger } from '../log.js';

export interface RecoverableWindow {
  isDestroyed(): boolean;
  webContents: Pick<WebContents, 'on' | 'off' | 'loadURL'>;
}

export interface CrashRecoveryDeps {
  /** Where a recovered page starts: the kiosk entry, or the error page if that is what was shown. */
  entryUrl: string;
  now: () => number;
  /** Runs `task` after `delayMs`; returns a function that cancels it. */
  schedule: (task: () => void, delayMs: number) => () => void;
  log: Logger;
}

export interface CrashRecovery {
  /** The page reported ready: from now on it counts towards a stable run. */
  markReady(): void;
  dispose(): void;
}

/**
 * Brings the page back after its renderer died. It loads the entry URL rather than reloading,
 * because the page may have been on a client-side route that the app protocol does not serve.
 */
export function attachCrashRecovery(window: RecoverableWindow, deps: CrashRecoveryDeps): CrashRecovery {
  let state: CrashRecoveryState = INITIAL_CRASH_RECOVERY_STATE;
  let cancelPending: (() => void) | null = null;

  const onGone = (_event: unknown, details: { reason: string; exitCode: number }) => {
    if (window.isDestroyed()) return;
    const next = afterCrash(state, deps.now());
    state = next.state;
    deps.log.error(
      `page renderer gone (${details.reason}, exit code ${details.exitCode}); crash ${state.consecutiveCrashes} in a row, reloading in ${next.delayMs} ms`,
    );
    cancelPending?.();
    cancelPending = deps.schedule(() => {
      cancelPending = null;
      if (window.isDestroyed()) return;
      window.webContents.loadURL(deps.entryUrl).catch((error: unknown) => {
        deps.log.error('reloading the page failed', error);
      });
    }, next.delayMs);
  };
  window.webContents.on('render-process-gone', onGone);

  return {
    markReady: () => {
      state = afterReady(state, deps.now());
    },
    dispose: () => {
      cancelPending?.();
      cancelPending = null;
      window.webContents.off('render-process-gone', onGone);
    },
  };
}
