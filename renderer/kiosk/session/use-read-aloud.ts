import { useEffect, useState } from 'react';
import { INTL_LOCALES, type Locale } from '../../../protocol/i18n.js';
import { speak, stopSpeaking, textToRead } from '../a11y/speech.js';

export type SpeechState = 'idle' | 'speaking' | 'unavailable';

export interface ReadAloud {
  /** What read-aloud did on the screen shown now. */
  state: SpeechState;
  read(): void;
  stop(): void;
}

/**
 * Read-aloud for one session. `screen` is the screen object itself: a new screen (or language)
 * stops the voice and starts silent; with `auto` on, every new screen is read once it has painted.
 */
export function useReadAloud(screen: object, locale: Locale, auto: boolean): ReadAloud {
  // What read-aloud did, for the screen it did it on.
  const [speech, setSpeech] = useState<{
    on: object;
    locale: Locale;
    state: 'speaking' | 'unavailable';
  } | null>(null);

  useEffect(() => stopSpeaking(), [screen, locale]);
  useEffect(() => stopSpeaking, []);
  useEffect(() => {
    if (!auto) return;
    // After the screen has painted, so what is read is what is shown.
    const timer = setTimeout(() => {
      const result = speak(textToRead(document), INTL_LOCALES[locale], () => setSpeech(null));
      setSpeech({ on: screen, locale, state: result });
    }, 0);
    return () => clearTimeout(timer);
  }, [auto, screen, locale]);

  return {
    state: speech?.on === screen && speech.locale === locale ? speech.state : 'idle',
    read() {
      const result = speak(textToRead(document), INTL_LOCALES[locale], () => setSpeech(null));
      setSpeech({ on: screen, locale, state: result });
    },
    stop() {
      stopSpeaking();
      setSpeech(null);
    },
  };
}
