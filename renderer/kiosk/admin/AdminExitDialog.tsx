import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AdminExitOutcome } from '../../../protocol/bridge.js';
import { ADMIN_PIN_PATTERN } from '../../../protocol/bridge.js';
import { textDirection } from '../../../protocol/i18n.js';
import { Button } from '../../shared/ui/index.js';
import type { Texts } from '../i18n/texts.js';

export interface AdminExitDialogProps {
  t: Texts;
  /** The technician's language (the terminal's default), marked so it is read right whatever the citizen chose. */
  locale: string;
  onSubmit(pin: string): Promise<AdminExitOutcome>;
  onCancel(): void;
}

/** Asks for the admin PIN after the corner gesture; the shell checks it. */
export function AdminExitDialog({ t, locale, onSubmit, onCancel }: AdminExitDialogProps) {
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy || !ADMIN_PIN_PATTERN.test(pin)) {
      setMessage(t.adminWrongPin);
      return;
    }
    setBusy(true);
    void onSubmit(pin).then((outcome) => {
      setBusy(false);
      setPin('');
      if (outcome === 'wrong-pin') setMessage(t.adminWrongPin);
      else if (outcome === 'locked') setMessage(t.adminLocked);
      else if (outcome === 'unavailable') setMessage(t.adminUnavailable);
    });
  };

  return (
    <div className="kiosk-overlay">
      <form
        role="dialog"
        aria-modal="true"
        aria-labelledby="admin-title"
        lang={locale}
        dir={textDirection(locale)}
        className="kiosk-dialog"
        onSubmit={submit}
      >
        <h2 id="admin-title">{t.adminTitle}</h2>
        <label className="pop-field__label" htmlFor="admin-pin">
          {t.adminPin}
        </label>
        <input
          id="admin-pin"
          ref={inputRef}
          className="pop-field__input"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          value={pin}
          onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
        />
        {message && (
          <p role="alert" className="pop-field__error">
            {message}
          </p>
        )}
        <div className="kiosk-actions">
          <Button type="submit" variant="primary" size="large" disabled={busy}>
            {t.adminSubmit}
          </Button>
          <Button size="large" onClick={onCancel}>
            {t.adminCancel}
          </Button>
        </div>
      </form>
    </div>
  );
}
