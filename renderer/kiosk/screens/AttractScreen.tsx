import { useEffect, useState } from 'react';
import type { Locale, LocalizedText } from '../../../protocol/i18n.js';
import { textDirection } from '../../../protocol/i18n.js';
import { localized } from '../i18n/Localized.js';
import type { Texts } from '../i18n/texts.js';

export interface AttractRotation {
  /** The languages the terminal offers; the screen shows each in turn. */
  locales: readonly Locale[];
  seconds: number;
  /** The call to action in a language. */
  cta(locale: Locale): string;
}

export interface AttractScreenProps {
  t: Texts;
  locale: Locale;
  title: LocalizedText;
  subtitle: LocalizedText;
  /** From the terminal's config: the attract texts rotate through its languages. */
  rotation?: AttractRotation | undefined;
  onStart(): void;
}

/** The calm screen between citizens: one big target that starts a session. */
export function AttractScreen({ t, locale, title, subtitle, rotation, onStart }: AttractScreenProps) {
  const [turn, setTurn] = useState(0);
  const count = rotation?.locales.length ?? 0;
  const seconds = rotation?.seconds ?? 0;
  useEffect(() => {
    if (count < 2) return;
    const timer = setInterval(() => setTurn((n) => (n + 1) % count), seconds * 1000);
    return () => clearInterval(timer);
  }, [count, seconds]);
  const shown = rotation && count > 1 ? (rotation.locales[turn % count] ?? locale) : locale;
  return (
    <main className="kiosk-attract" lang={shown} dir={textDirection(shown)} data-attract-locale={shown}>
      <button type="button" className="kiosk-attract__start" onClick={onStart}>
        <span className="kiosk-attract__title" {...localized(title, shown)} />
        <span className="kiosk-attract__subtitle" {...localized(subtitle, shown)} />
        <span className="kiosk-attract__cta">{rotation ? rotation.cta(shown) : t.attractStart}</span>
      </button>
    </main>
  );
}
