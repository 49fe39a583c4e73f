import { useState } from 'react';
import './a11y.css';
import { Button, Icon } from '../../shared/ui/index.js';
import type { Texts } from '../i18n/texts.js';
import { TEXT_SIZES, type DisplaySettings } from './display-settings.js';

export interface AccessBarProps {
  t: Texts;
  settings: DisplaySettings;
  speechState: 'idle' | 'speaking' | 'unavailable';
  onChange(settings: DisplaySettings): void;
  onReadAloud(): void;
  onStopReading(): void;
}

/**
 * Always within reach under the top bar: read aloud, and the display settings (contrast, text
 * size, controls lower down, plain language). Toggles are real buttons with aria-pressed.
 */
export function AccessBar({
  t,
  settings,
  speechState,
  onChange,
  onReadAloud,
  onStopReading,
}: AccessBarProps) {
  const [open, setOpen] = useState(false);
  const toggle = (key: 'contrast' | 'reach' | 'plain') => onChange({ ...settings, [key]: !settings[key] });
  return (
    <section className="kiosk-access" aria-label={t.displayTitle}>
      <div className="kiosk-access__row">
        {speechState === 'speaking' ? (
          <Button onClick={onStopReading}>{t.readAloudStop}</Button>
        ) : (
          <Button onMouseDown={(event) => event.preventDefault()} onClick={onReadAloud}>
            <Icon name="speaker" /> {t.readAloud}
          </Button>
        )}
        <Button aria-expanded={open} aria-controls="kiosk-display-panel" onClick={() => setOpen(!open)}>
          <Icon name="contrast" /> {t.display}
        </Button>
        <p className="kiosk-access__status" role="status">
          {speechState === 'unavailable' ? t.readAloudUnavailable : ''}
        </p>
      </div>
      {open && (
        <div id="kiosk-display-panel" className="kiosk-access__panel">
          <Button aria-pressed={settings.contrast} onClick={() => toggle('contrast')}>
            {t.contrast}
          </Button>
          <div role="group" aria-label={t.textSize} className="kiosk-access__sizes">
            {TEXT_SIZES.map((size) => (
              <Button
                key={size}
                aria-pressed={settings.textSize === size}
                onClick={() => onChange({ ...settings, textSize: size })}
              >
                {t.textSizes[size]}
              </Button>
            ))}
          </div>
          <Button aria-pressed={settings.reach} onClick={() => toggle('reach')}>
            {t.reach}
          </Button>
          <Button aria-pressed={settings.plain} onClick={() => toggle('plain')}>
            {t.plainLanguage}
          </Button>
          <Button onClick={() => setOpen(false)}>{t.close}</Button>
        </div>
      )}
    </section>
  );
}
