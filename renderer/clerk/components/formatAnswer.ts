import type { FieldUi } from '../../../protocol/forms.js';
import type { ClerkTexts } from '../texts.js';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Turns an answer as submitted into what a clerk reads: the German text of a chosen option
 * ("Hauptwohnung", not "main"), dates as dd.mm.yyyy, Ja/Nein, local numbers, a note for blanks.
 */
export function formatAnswer(
  value: string | number | boolean,
  t: ClerkTexts,
  ui?: FieldUi,
): { text: string; empty: boolean } {
  if (typeof value === 'boolean') return { text: value ? t.detail.yes : t.detail.no, empty: false };
  const option = ui?.options?.find((o) => o.value === value);
  if (option) return { text: option.label.de, empty: false };
  if (typeof value === 'number') return { text: value.toLocaleString(t.locale), empty: false };
  if (value.trim() === '') return { text: t.detail.emptyValue, empty: true };
  const date = CALENDAR_DATE.exec(value.trim());
  if (date && (ui === undefined || ui.widget === 'date')) {
    return { text: `${date[3]}.${date[2]}.${date[1]}`, empty: false };
  }
  return { text: value, empty: false };
}
