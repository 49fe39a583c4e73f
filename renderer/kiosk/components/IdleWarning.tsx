import { useEffect, useRef } from 'react';
import { Button } from '../../shared/ui/index.js';
import type { Texts } from '../i18n/texts.js';

export interface IdleWarningProps {
  t: Texts;
  secondsLeft: number;
  onContinue(): void;
  onEnd(): void;
}

/** Warns before the privacy reset, with a countdown and a way to get more time. */
export function IdleWarning({ t, secondsLeft, onContinue, onEnd }: IdleWarningProps) {
  const dialogRef = useRef<HTMLDivElement>(null);
  // Focus moves into the dialog so a screen reader announces it and a key press answers it.
  useEffect(() => dialogRef.current?.querySelector('button')?.focus(), []);
  return (
    <div className="kiosk-overlay">
      <div
        ref={dialogRef}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="idle-title"
        aria-describedby="idle-body"
        className="kiosk-dialog"
      >
        <h2 id="idle-title">{t.idleTitle}</h2>
        <p id="idle-body">{t.idleBody(secondsLeft)}</p>
        <div className="kiosk-actions">
          <Button variant="primary" size="large" onClick={onContinue}>
            {t.idleContinue}
          </Button>
          <Button size="large" onClick={onEnd}>
            {t.idleEnd}
          </Button>
        </div>
      </div>
    </div>
  );
}
