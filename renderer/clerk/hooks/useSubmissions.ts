import { useCallback, useEffect, useRef, useState } from 'react';
import type { SubmissionSummary } from '../../../protocol/clerk.js';
import { clerkApi, isUnauthorized, isUnreachable } from '../api.js';

export const SUBMISSIONS_REFRESH_MS = 15_000;

export type LoadProblem = 'unreachable' | 'failed';

export interface SubmissionsState {
  /** The last list the hub sent, newest first; null until the first answer. Kept when a refresh fails. */
  submissions: SubmissionSummary[] | null;
  /** When `submissions` was fetched. */
  fetchedAt: Date | null;
  /** What went wrong with the latest attempt; cleared by the next success. */
  problem: LoadProblem | null;
  /** A refresh the clerk asked for is running (the timer's own refreshes stay quiet). */
  refreshing: boolean;
}

export interface SubmissionsControls extends SubmissionsState {
  /** Fetches now; never rejects, failures end up in `problem`. */
  refresh: () => void;
}

/**
 * Loads the received submissions and refreshes them every `refreshMs` while the page is visible.
 * A 401 calls `onUnauthorized`; other failures keep the last list so the clerk can go on reading.
 */
export function useSubmissions(
  onUnauthorized: () => void,
  refreshMs: number = SUBMISSIONS_REFRESH_MS,
): SubmissionsControls {
  const [state, setState] = useState<SubmissionsState>({
    submissions: null,
    fetchedAt: null,
    problem: null,
    refreshing: false,
  });
  const inFlight = useRef(false);
  const mounted = useRef(true);
  const onUnauthorizedRef = useRef(onUnauthorized);

  useEffect(() => {
    onUnauthorizedRef.current = onUnauthorized;
  }, [onUnauthorized]);

  const load = useCallback(() => {
    // The timer and the button may fire together; one request at a time is enough, and whichever
    // runs clears `refreshing` when it ends.
    if (inFlight.current) return;
    inFlight.current = true;
    void clerkApi
      .submissions()
      .then(
        (submissions) => {
          if (!mounted.current) return;
          setState({ submissions, fetchedAt: new Date(), problem: null, refreshing: false });
        },
        (error: unknown) => {
          if (!mounted.current) return;
          if (isUnauthorized(error)) {
            onUnauthorizedRef.current();
            return;
          }
          const problem = isUnreachable(error) ? 'unreachable' : 'failed';
          setState((previous) => ({ ...previous, problem, refreshing: false }));
        },
      )
      .finally(() => {
        inFlight.current = false;
      });
  }, []);

  useEffect(() => {
    // Set here, not only at declaration: StrictMode unmounts and remounts once in development.
    mounted.current = true;
    load();
    const timer = window.setInterval(() => {
      // A hidden tab has no reader; it catches up the moment it is shown again.
      if (!document.hidden) load();
    }, refreshMs);
    const onVisibilityChange = () => {
      if (!document.hidden) load();
    };
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      mounted.current = false;
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, [load, refreshMs]);

  const refresh = useCallback(() => {
    setState((previous) => ({ ...previous, refreshing: true }));
    load();
  }, [load]);

  return { ...state, refresh };
}
