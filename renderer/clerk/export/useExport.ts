import { useCallback, useRef, useState } from 'react';
import { clerkApi } from '../api.js';
import type { Keyring } from '../keys/keyring.js';
import type { ClerkTexts } from '../texts.js';
import { exportApplications, type ExportSource } from './collect.js';
import type { ExportState } from './ExportPanel.js';

/** Hands a file made in this tab to the browser's download, without any request to the hub. */
export function saveFile(parts: Uint8Array<ArrayBuffer>[], fileName: string, mediaType: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download reads the blob after click() returns; release it once that surely happened.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const hubSource: ExportSource = { submission: clerkApi.submission, attachment: clerkApi.attachment };

/** Runs one export at a time; `start` again after a key was imported or unlocked. */
export function useExport(t: ClerkTexts, keyring: Keyring) {
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const running = useRef(false);

  const start = useCallback(
    async (ids: readonly string[]) => {
      if (running.current || ids.length === 0) return;
      running.current = true;
      setState({ status: 'running', progress: { done: 0, total: ids.length, percent: 0 } });
      try {
        const result = await exportApplications(ids, {
          source: hubSource,
          keyFor: (kid) => keyring.keyFor(kid),
          t,
          now: () => new Date(),
          onProgress: (progress) => setState({ status: 'running', progress }),
        });
        if (result.kind === 'needs-key') {
          setState({ status: 'needs-key', keyId: result.keyId });
        } else {
          saveFile(result.parts, result.fileName, 'application/zip');
          setState({ status: 'done', fileName: result.fileName });
        }
      } catch (error) {
        setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      } finally {
        running.current = false;
      }
    },
    [t, keyring],
  );

  return { state, start };
}
