import type { ReactNode } from 'react';
import { Button } from '../../shared/ui/Button.js';
import type { ClerkTexts } from '../texts.js';

export interface DetailScreenProps {
  t: ClerkTexts;
  onBack: () => void;
  children: ReactNode;
}

/** The frame around a submission (or its loading and error states): the way back comes first. */
export function DetailScreen({ t, onBack, children }: DetailScreenProps) {
  return (
    <div className="clerk-detail-screen">
      <div className="clerk-detail-screen__nav">
        <Button variant="secondary" onClick={onBack}>
          <span aria-hidden="true">←</span> {t.detail.back}
        </Button>
      </div>
      {children}
    </div>
  );
}
