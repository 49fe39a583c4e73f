import type { Locale } from '../../../protocol/i18n.js';
import { TEXTS } from '../i18n/texts.js';

export interface LanguageScreenProps {
  locales: readonly Locale[];
  onChoose(locale: Locale): void;
}

/** Each language names itself, and the question is asked in every language. */
export function LanguageScreen({ locales, onChoose }: LanguageScreenProps) {
  return (
    <main className="kiosk-page kiosk-language">
      <h1>
        {locales.map((code) => (
          <span key={code} lang={code} className="kiosk-language__question">
            {TEXTS[code].chooseLanguage}
          </span>
        ))}
      </h1>
      <div className="kiosk-language__options">
        {locales.map((code) => (
          <button key={code} type="button" lang={code} className="kiosk-tile" onClick={() => onChoose(code)}>
            {TEXTS[code].languageName}
          </button>
        ))}
      </div>
    </main>
  );
}
