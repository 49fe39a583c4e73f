import type { LocalizedText } from '../../../protocol/i18n.js';
import { localize } from '../../../protocol/i18n.js';
import type { Texts } from '../i18n/texts.js';

export interface AttractScreenProps {
  t: Texts;
  locale: string;
  title: LocalizedText;
  subtitle: LocalizedText;
  onStart(): void;
}

/** The calm screen between citizens: one big target that starts a session. */
export function AttractScreen({ t, locale, title, subtitle, onStart }: AttractScreenProps) {
  return (
    <main className="kiosk-attract">
      <button type="button" className="kiosk-attract__start" onClick={onStart}>
        <span className="kiosk-attract__title">{localize(title, locale).text}</span>
        <span className="kiosk-attract__subtitle">{localize(subtitle, locale).text}</span>
        <span className="kiosk-attract__cta">{t.attractStart}</span>
      </button>
    </main>
  );
}
