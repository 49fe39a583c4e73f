import { INTL_LOCALES, type Locale } from '../../../protocol/i18n.js';

/**
 * Dates on the kiosk, always through Intl in the citizen's language: month and weekday names,
 * digits and order as people of that language read them (Arabic months, not English ones).
 */
export function intlLocale(locale: string): string {
  return INTL_LOCALES[locale as Locale] ?? locale;
}

/** "1. Dezember 2026", "١ ديسمبر ٢٠٢٦": the day a status was last changed. */
export function formatLongDate(value: string | Date, locale: string, timeZone?: string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone }).format(date);
}

/** "Dienstag, 3. März, 10:30": a callback slot given as local "YYYY-MM-DDTHH:MM". */
export function formatSlot(slot: string, locale: string): string {
  const [date = '', time = ''] = slot.split('T');
  const [y = 2000, m = 1, d = 1] = date.split('-').map(Number);
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  const at = new Date(Date.UTC(y, m - 1, d, hour, minute));
  return new Intl.DateTimeFormat(intlLocale(locale), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(at);
}

/** Date and time a receipt was made, short, in the citizen's language. */
export function formatStamp(value: string | Date, locale: string, timeZone?: string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(date);
}
