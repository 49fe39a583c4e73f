export interface DateTimeFormatOptions {
  /** A BCP 47 locale; the console and the kiosk pass the user's language. Defaults to 'de-DE'. */
  locale?: string;
  /** An IANA zone; defaults to the device's zone, which is the town hall's. Tests pin it. */
  timeZone?: string;
}

type Parts = 'date-time' | 'time';

const formatters = new Map<string, Intl.DateTimeFormat>();

// Intl.DateTimeFormat is costly to build and a table formats many rows, so formatters are kept.
function formatterFor(parts: Parts, { locale = 'de-DE', timeZone }: DateTimeFormatOptions) {
  const key = `${parts}|${locale}|${timeZone ?? ''}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(
      locale,
      parts === 'date-time'
        ? { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }
        : { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone },
    );
    formatters.set(key, formatter);
  }
  return formatter;
}

function toDate(value: string | Date): Date | null {
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Formats an ISO 8601 timestamp (or a Date) as date and time, e.g. "05.03.2025, 14:07" in de-DE.
 * An unparseable string comes back unchanged: showing the raw value beats showing "Invalid Date".
 */
export function formatDateTime(value: string | Date, options: DateTimeFormatOptions = {}): string {
  const date = toDate(value);
  if (!date) return typeof value === 'string' ? value : '';
  return formatterFor('date-time', options).format(date);
}

/** Formats the time of day with seconds, e.g. "14:07:33" — for "last updated" stamps. */
export function formatTime(value: string | Date, options: DateTimeFormatOptions = {}): string {
  const date = toDate(value);
  if (!date) return typeof value === 'string' ? value : '';
  return formatterFor('time', options).format(date);
}
