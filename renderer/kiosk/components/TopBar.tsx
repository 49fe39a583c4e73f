import type { Locale } from '../../../protocol/i18n.js';
import type { Texts } from '../i18n/texts.js';
import { TEXTS } from '../i18n/texts.js';
import type { Connectivity } from '../sync/engine.js';
import { useState } from 'react';
import { Button, Icon } from '../../shared/ui/index.js';
import { AlertDialog } from './AlertDialog.js';

export interface TopBarProps {
  t: Texts;
  locale: Locale;
  locales: readonly Locale[];
  connectivity: Connectivity;
  waiting: number;
  municipality: string;
  onHome(): void;
  onLocale(locale: Locale): void;
  /** Ends the visit now: everything the citizen entered is deleted. */
  onEndSession?(): void;
  /** Something typed or photographed would be lost: ending asks first. */
  confirmEnd?: boolean;
}

/** Always visible: home, language switch and whether the terminal reaches the town hall. */
export function TopBar({
  t,
  locale,
  locales,
  connectivity,
  waiting,
  municipality,
  onHome,
  onLocale,
  onEndSession,
  confirmEnd = false,
}: TopBarProps) {
  const [asking, setAsking] = useState(false);
  const status = connectivity === 'online' ? t.online : connectivity === 'offline' ? t.offline : t.connecting;
  return (
    <header className="kiosk-topbar">
      <button type="button" className="kiosk-topbar__home" onClick={onHome}>
        <Icon name="home" /> {t.home}
      </button>
      <span className="kiosk-topbar__title">{municipality}</span>
      <nav className="kiosk-topbar__languages" aria-label={t.language}>
        {locales.map((code) => (
          <button
            key={code}
            type="button"
            lang={code}
            aria-pressed={code === locale}
            className="kiosk-chip"
            onClick={() => onLocale(code)}
          >
            {TEXTS[code].languageName}
          </button>
        ))}
      </nav>
      {onEndSession && (
        <button
          type="button"
          className="kiosk-topbar__end"
          onClick={() => (confirmEnd ? setAsking(true) : onEndSession())}
        >
          <Icon name="close" /> {t.endSession}
        </button>
      )}
      {/*
        The status line keeps the room of its longest wording (offline, with applications waiting)
        whatever it says now, so the screen below does not move when the line comes or goes. The
        sizers are invisible and hidden from assistive technology; only the status is read.
      */}
      <div className="kiosk-topbar__status-area">
        {[t.offline, t.connecting, t.online].map((text) => (
          <div key={text} className="kiosk-topbar__sizer" aria-hidden="true">
            <span className="kiosk-topbar__dot" />
            <span>{text}</span>
            <span className="kiosk-topbar__waiting">{t.waitingToSend(88)}</span>
          </div>
        ))}
        <div className="kiosk-topbar__status" role="status" data-connectivity={connectivity}>
          <span className="kiosk-topbar__dot" aria-hidden="true" />
          <span>{status}</span>
          {waiting > 0 && <span className="kiosk-topbar__waiting">{t.waitingToSend(waiting)}</span>}
        </div>
      </div>
      {asking && onEndSession && (
        <AlertDialog id="end-session" title={t.endSessionTitle} body={t.endSessionBody}>
          <div className="kiosk-actions">
            <Button variant="primary" size="large" onClick={() => setAsking(false)}>
              {t.endSessionCancel}
            </Button>
            <Button variant="danger" size="large" onClick={onEndSession}>
              {t.endSessionConfirm}
            </Button>
          </div>
        </AlertDialog>
      )}
    </header>
  );
}
