import { z } from 'zod';

/** Languages the foundation ships; issue 7 widens this list. German is the fallback. */
export const LOCALES = ['de', 'en'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;
export const FALLBACK_LOCALE: Locale = 'de';

/** A text in several languages; German is always present because it is the fallback. */
export const LocalizedText = z.object({ de: z.string().min(1).max(20_000) }).catchall(z.string().max(20_000));
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Picks the text for a locale, falling back to German; `fellBack` tells the UI to show a note. */
export function localize(text: LocalizedText, locale: string): { text: string; fellBack: boolean } {
  const own = text[locale];
  if (own !== undefined && own !== '') return { text: own, fellBack: false };
  return { text: text.de, fellBack: locale !== FALLBACK_LOCALE };
}
