/**
 * True when a storage error means the device's storage quota is used up. Dexie reports it as
 * QuotaExceededError, or wraps it (an aborted transaction or a bulk error) with the browser's
 * error as `inner` or among `failures`; the DOMException itself may also arrive unwrapped.
 */
export function isQuotaExceeded(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  const { name, inner, failures, cause } = error as {
    name?: unknown;
    inner?: unknown;
    failures?: unknown;
    cause?: unknown;
  };
  if (name === 'QuotaExceededError') return true;
  if (isQuotaExceeded(inner, depth + 1) || isQuotaExceeded(cause, depth + 1)) return true;
  return Array.isArray(failures) && failures.some((failure) => isQuotaExceeded(failure, depth + 1));
}
