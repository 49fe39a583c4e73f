import { useCallback, useEffect, useRef, useState } from 'react';
import type { SubmissionDetail } from '../../../protocol/clerk.js';
import { HttpError } from '../../shared/http.js';
import { clerkApi, isUnauthorized, isUnreachable } from '../api.js';

export type SubmissionProblem = 'not-found' | 'unreachable' | 'failed';

export type SubmissionState =
  | { status: 'loading' }
  | { status: 'loaded'; detail: SubmissionDetail }
  | { status: 'error'; problem: SubmissionProblem };

/**
 * Loads one submission. Mount it with `key={id}` so a different id starts from a clean state.
 * A 401 calls `onUnauthorized`.
 */
export function useSubmission(
  id: string,
  onUnauthorized: () => void,
): { state: SubmissionState; reload: () => void } {
  const [state, setState] = useState<SubmissionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const onUnauthorizedRef = useRef(onUnauthorized);

  useEffect(() => {
    onUnauthorizedRef.current = onUnauthorized;
  }, [onUnauthorized]);

  useEffect(() => {
    let current = true;
    clerkApi.submission(id).then(
      (detail) => {
        if (current) setState({ status: 'loaded', detail });
      },
      (error: unknown) => {
        if (!current) return;
        if (isUnauthorized(error)) onUnauthorizedRef.current();
        else if (isMissing(error)) setState({ status: 'error', problem: 'not-found' });
        else setState({ status: 'error', problem: isUnreachable(error) ? 'unreachable' : 'failed' });
      },
    );
    return () => {
      current = false;
    };
  }, [id, attempt]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { state, reload };
}

// An id typed or pasted into the URL may not even be a UUID; the hub rejects that as a bad request.
function isMissing(error: unknown): boolean {
  return error instanceof HttpError && (error.status === 404 || error.status === 400);
}
