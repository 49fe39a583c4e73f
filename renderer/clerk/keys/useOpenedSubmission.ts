import { useEffect, useState, useSyncExternalStore } from 'react';
import type { SubmissionDetail } from '../../../protocol/clerk.js';
import { openSubmission, type OpenedSubmission } from '../../shared/encryption/open.js';
import type { Keyring } from './keyring.js';

export type OpenedState =
  | { status: 'no-key' }
  | { status: 'locked' }
  | { status: 'opening' }
  | { status: 'opened'; opened: OpenedSubmission }
  | { status: 'failed'; message: string };

/** Decrypts a submission as soon as the office key for it is unlocked in this tab. */
export function useOpenedSubmission(detail: SubmissionDetail, keyring: Keyring): OpenedState {
  useSyncExternalStore(keyring.subscribe, keyring.getVersion);
  const key = keyring.keyFor(detail.keyId);
  const [result, setResult] = useState<{ for: CryptoKey; state: OpenedState } | null>(null);

  useEffect(() => {
    if (!key) return;
    let current = true;
    openSubmission(detail, detail.form, key).then(
      (opened) => current && setResult({ for: key, state: { status: 'opened', opened } }),
      (error: unknown) =>
        current &&
        setResult({
          for: key,
          state: { status: 'failed', message: error instanceof Error ? error.message : String(error) },
        }),
    );
    return () => {
      current = false;
    };
  }, [detail, key]);

  if (!key) return keyring.hasStored(detail.keyId) ? { status: 'locked' } : { status: 'no-key' };
  return result?.for === key ? result.state : { status: 'opening' };
}
