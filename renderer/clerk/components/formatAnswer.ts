import type { ClerkTexts } from '../texts.js';

/** Turns an answer as submitted into what a clerk reads: Ja/Nein, local numbers, a note for blanks. */
export function formatAnswer(
  value: string | number | boolean,
  t: ClerkTexts,
): { text: string; empty: boolean } {
  if (typeof value === 'boolean') return { text: value ? t.detail.yes : t.detail.no, empty: false };
  if (typeof value === 'number') return { text: value.toLocaleString(t.locale), empty: false };
  if (value.trim() === '') return { text: t.detail.emptyValue, empty: true };
  return { text: value, empty: false };
}
