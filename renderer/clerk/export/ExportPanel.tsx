import type { ReactNode } from 'react';
import { Button } from '../../shared/ui/Button.js';
import { StatusMessage } from '../../shared/ui/StatusMessage.js';
import type { ClerkTexts } from '../texts.js';
import type { ExportProgress } from './collect.js';

export type ExportState =
  | { status: 'idle' }
  | { status: 'running'; progress: ExportProgress }
  | { status: 'needs-key'; keyId: string }
  | { status: 'done'; fileName: string }
  | { status: 'failed'; message: string };

export interface ExportPanelProps {
  t: ClerkTexts;
  /** The button's name, e.g. "2 Anträge als ZIP exportieren". */
  label: string;
  /** Nothing to export yet (no selection). */
  disabled?: boolean;
  state: ExportState;
  onExport(): void;
  /** Shown when the office key is needed: the key import or unlock form. */
  keyPanel?: ReactNode;
}

/** The export button, its progress bar while the ZIP is made, and how it ended. */
export function ExportPanel({ t, label, disabled = false, state, onExport, keyPanel }: ExportPanelProps) {
  const running = state.status === 'running';
  return (
    <div className="clerk-export">
      <Button variant="secondary" onClick={onExport} busy={running} disabled={disabled}>
        {label}
      </Button>
      {state.status === 'running' && (
        <div className="clerk-export__progress">
          <div
            role="progressbar"
            aria-label={t.exports.progress}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={state.progress.percent}
            aria-valuetext={t.exports.running(state.progress.done, state.progress.total)}
            className="clerk-export__bar"
          >
            <div className="clerk-export__fill" style={{ width: `${state.progress.percent}%` }} />
          </div>
          <p className="clerk-export__text">{t.exports.running(state.progress.done, state.progress.total)}</p>
        </div>
      )}
      {state.status === 'done' && (
        <StatusMessage tone="success">{t.exports.done(state.fileName)}</StatusMessage>
      )}
      {state.status === 'failed' && (
        <StatusMessage tone="error">{t.exports.failed(state.message)}</StatusMessage>
      )}
      {state.status === 'needs-key' && (
        <>
          <StatusMessage tone="warning">{t.exports.needsKey}</StatusMessage>
          {keyPanel}
        </>
      )}
    </div>
  );
}
