/**
 * When the page's renderer dies (out of memory after days, a GPU hiccup, a crash), the kiosk must
 * come back by itself. Reloading at once can spin in a tight loop if the page dies on start, so
 * reloads back off exponentially; a page that reported ready and then ran for a while counts as
 * healthy again. A later issue adds crash-loop reporting on top of this state.
 */
export const RECOVERY_BASE_DELAY_MS = 1_000;
export const RECOVERY_MAX_DELAY_MS = 30_000;
/** How long a page must have been ready before its crash no longer counts as part of a loop. */
export const STABLE_RUN_MS = 60_000;

export interface CrashRecoveryState {
  /** Crashes since the page last ran stably. */
  consecutiveCrashes: number;
  /** When the current page last reported ready; null until it does. */
  readyAt: number | null;
}

export const INITIAL_CRASH_RECOVERY_STATE: CrashRecoveryState = { consecutiveCrashes: 0, readyAt: null };

export function recoveryDelayMs(consecutiveCrashes: number): number {
  const exponent = Math.max(0, consecutiveCrashes - 1);
  return Math.min(RECOVERY_BASE_DELAY_MS * 2 ** exponent, RECOVERY_MAX_DELAY_MS);
}

export function afterCrash(
  state: CrashRecoveryState,
  crashedAt: number,
): { state: CrashRecoveryState; delayMs: number } {
  const ranStably = state.readyAt !== null && crashedAt - state.readyAt >= STABLE_RUN_MS;
  const consecutiveCrashes = (ranStably ? 0 : state.consecutiveCrashes) + 1;
  return {
    state: { consecutiveCrashes, readyAt: null },
    delayMs: recoveryDelayMs(consecutiveCrashes),
  };
}

export function afterReady(state: CrashRecoveryState, readyAt: number): CrashRecoveryState {
  return { ...state, readyAt };
}

/** Crashes in a row from which on the page is in a crash loop and the hub is told. */
export const CRASH_LOOP_THRESHOLD = 3;
/** While the loop goes on, the hub hears again every this many crashes, not on each one. */
export const CRASH_LOOP_REPORT_EVERY = 10;

/** Whether this crash is one the hub should hear about. */
export function shouldReportCrashLoop(consecutiveCrashes: number): boolean {
  if (consecutiveCrashes < CRASH_LOOP_THRESHOLD) return false;
  return (consecutiveCrashes - CRASH_LOOP_THRESHOLD) % CRASH_LOOP_REPORT_EVERY === 0;
}

/**
 * How long a page may hang ('unresponsive') before the shell kills its renderer, which then
 * recovers like any crash. Long enough for a slow garbage collection or a big IndexedDB write.
 */
export const UNRESPONSIVE_GRACE_MS = 15_000;
