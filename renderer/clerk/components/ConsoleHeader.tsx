import { Button } from '../../shared/ui/Button.js';
import { StatusMessage } from '../../shared/ui/StatusMessage.js';
import type { ClerkTexts } from '../texts.js';

export interface ConsoleHeaderProps {
  t: ClerkTexts;
  displayName: string;
  onLogout: () => void;
  loggingOut: boolean;
  /** Set when logging out failed and the clerk is still signed in. */
  logoutError: string | null;
}

/** The console's banner: which app, who is signed in, and the way out. */
export function ConsoleHeader({ t, displayName, onLogout, loggingOut, logoutError }: ConsoleHeaderProps) {
  return (
    <header className="clerk-header">
      <div className="clerk-header__inner">
        <p className="clerk-header__brand">
          <span className="clerk-header__app">{t.appName}</span>
          <span className="clerk-header__area">{t.appArea}</span>
        </p>
        <div className="clerk-header__user">
          <p className="clerk-header__name">
            <span className="clerk-header__name-label">{t.header.signedInAs} </span>
            <strong>{displayName}</strong>
          </p>
          <Button variant="secondary" onClick={onLogout} busy={loggingOut}>
            {t.header.logout}
          </Button>
        </div>
      </div>
      {logoutError && (
        <div className="clerk-header__message">
          <StatusMessage tone="error">{logoutError}</StatusMessage>
        </div>
      )}
    </header>
  );
}
