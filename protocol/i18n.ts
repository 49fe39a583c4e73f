import { z } from 'zod';

/** Languages of the kiosk interface. German is the fallback for content. */
export const LOCALES = ['de', 'en', 'tr', 'ar', 'uk', 'ru'] as const;
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

/** Languages written right to left: the kiosk sets dir="rtl" on the document for these. */
export const RTL_LOCALES: readonly Locale[] = ['ar'];

export function textDirection(locale: string): 'ltr' | 'rtl' {
  return (RTL_LOCALES as readonly string[]).includes(locale) ? 'rtl' : 'ltr';
}

/** The BCP 47 tag for Intl formatting: dates, numbers and currency as people of that language expect. */
export const INTL_LOCALES: Record<Locale, string> = {
  de: 'de-DE',
  en: 'en-GB',
  tr: 'tr-TR',
  ar: 'ar',
  uk: 'uk-UA',
  ru: 'ru-RU',
};
