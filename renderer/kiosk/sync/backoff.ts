import { HttpError } from '../../shared/http.js';

/**
 * Exponential backoff with full jitter (AWS architecture blog): a random delay between 0 and
 * min(cap, base * 2^attempt). Retries never stop; the cap keeps a long outage cheap.
 */
export function retryDelayMs(attempt: number, random: () => number, baseMs = 1_000, capMs = 300_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

export type FailureAction = 'retry' | 'quarantine';

/**
 * What to do after a failed send. Network trouble, server faults, throttling and credential
 * problems (which the provider can fix) are retried; a refusal of the application itself will
 * never succeed and goes to quarantine with its reason.
 */
export function classifyFailure(error: unknown): FailureAction {
  if (!(error instanceof HttpError)) return 'retry';
  const { status } = error;
  if (status === 0 || status >= 500 || status === 408 || status === 429) return 'retry';
  if (status === 401 || status === 403) return 'retry';
  // The hub misses an attachment of the submission: upload again, from where it stands.
  if (error.code === 'attachments_incomplete' || error.code === 'offset_mismatch') return 'retry';
  return 'quarantine';
}
