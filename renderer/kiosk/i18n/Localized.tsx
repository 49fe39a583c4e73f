import { FALLBACK_LOCALE, localize, textDirection, type LocalizedText } from '../../../protocol/i18n.js';

/** What an element needs to show a content text: the text, and lang/dir when it is the German fallback. */
export interface LocalizedProps {
  children: string;
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

/**
 * Props for an element that holds nothing but a content text, e.g. `<h1 {...localized(title, locale)} />`.
 * German shown in place of a missing translation is marked as German, left to right, so a screen
 * reader switches to a German voice and an Arabic page does not lay it out right to left (WCAG 2.1
 * SC 3.1.2). Translated text gets no marks: it is in the page's language already.
 */
export function localized(text: LocalizedText, locale: string): LocalizedProps {
  const shown = localize(text, locale);
  if (!shown.fellBack) return { children: shown.text };
  return { children: shown.text, lang: FALLBACK_LOCALE, dir: textDirection(FALLBACK_LOCALE) };
}

/**
 * A content text inside other content (a label with "(optional)" after it, a button, an option):
 * the German fallback in a span marked as German, a translated text as plain text.
 */
export function Localized({ text, locale }: { text: LocalizedText; locale: string }) {
  const { children, ...marks } = localized(text, locale);
  return marks.lang ? <span {...marks}>{children}</span> : <>{children}</>;
}
