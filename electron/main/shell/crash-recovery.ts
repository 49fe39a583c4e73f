import type { WebContents } from 'electron';
import {
  INITIAL_CRASH_RECOVERY_STATE,
  afterCrash,
  afterReady,
  shouldReportCrashLoop,
  UNRESPONSIVE_GRACE_MS,
  type CrashRecoveryState,
} from '../policy/crash-recovery.js';
import type { Logger } from '../log.js';

export interface RecoverableWindow {
  isDestroyed(): boolean;
  webContents: Pick<WebContents, 'on' | 'off' | 'loadURL' | 'forcefullyCrashRenderer'>;
}

/** What the hub hears about a crash loop (see protocol/shell-report.ts). */
export interface CrashLoopFacts {
  consecutiveCrashes: number;
  reason: string;
  exitCode: number;
}

export interface CrashRecoveryDeps {
  /** Where a recovered page starts: the kiosk entry, or the error page if that is what was shown. */
  entryUrl: string;
  now: () => number;
  /** Runs `task` after `delayMs`; returns a function that cancels it. */
  schedule: (task: () => void, delayMs: number) => () => void;
  log: Logger;
  /** Called when the page is in a crash loop; must not throw (it reports to the hub, best effort). */
  onCrashLoop?: (facts: CrashLoopFacts) => void;
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
    if (shouldReportCrashLoop(state.consecutiveCrashes)) {
      deps.onCrashLoop?.({
        consecutiveCrashes: state.consecutiveCrashes,
        reason: details.reason,
        exitCode: details.exitCode,
      });
    }
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

  // A hung page never crashes by itself: after a grace period its renderer is killed, and the
  // crash path above brings it back (with the same backoff and crash-loop report).
  let cancelHangKill: (() => void) | null = null;
  const onUnresponsive = () => {
    if (cancelHangKill !== null || window.isDestroyed()) return;
    deps.log.warn(
      `page unresponsive; killing its renderer in ${UNRESPONSIVE_GRACE_MS} ms unless it recovers`,
    );
    cancelHangKill = deps.schedule(() => {
      cancelHangKill = null;
      if (window.isDestroyed()) return;
      deps.log.error('page still unresponsive; killing its renderer');
      window.webContents.forcefullyCrashRenderer();
    }, UNRESPONSIVE_GRACE_MS);
  };
  const onResponsive = () => {
    cancelHangKill?.();
    cancelHangKill = null;
  };
  window.webContents.on('unresponsive', onUnresponsive);
  window.webContents.on('responsive', onResponsive);

  return {
    markReady: () => {
      state = afterReady(state, deps.now());
    },
    dispose: () => {
      cancelPending?.();
      cancelPending = null;
      onResponsive();
      window.webContents.off('render-process-gone', onGone);
      window.webContents.off('unresponsive', onUnresponsive);
      window.webContents.off('responsive', onResponsive);
    },
  };
}
