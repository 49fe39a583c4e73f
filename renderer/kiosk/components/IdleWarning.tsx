import { Button } from '../../shared/ui/index.js';
import type { Texts } from '../i18n/texts.js';
import { AlertDialog } from './AlertDialog.js';

export interface IdleWarningProps {
  t: Texts;
  secondsLeft: number;
  onContinue(): void;
  onEnd(): void;
}

/** Warns before the privacy reset, with a countdown and a way to get more time. */
export function IdleWarning({ t, secondsLeft, onContinue, onEnd }: IdleWarningProps) {
  return (
    <AlertDialog id="idle" opaque title={t.idleTitle} body={t.idleBody(secondsLeft)}>
      <div className="kiosk-actions">
        <Button variant="primary" size="large" onClick={onContinue}>
          {t.idleContinue}
        </Button>
        <Button size="large" onClick={onEnd}>
          {t.idleEnd}
        </Button>
      </div>
    </AlertDialog>
  );
}
