/**
 * Calendar dates as a municipality reads them: ISO `YYYY-MM-DD` in the town hall's time zone, and
 * dates relative to a given instant. Demo answers, tests and benchmarks take every date that has
 * to lie before or after "today" from here, so none of them goes stale or collides with the day
 * of the run.
 */

/** The time zone of the German town halls the product serves. */
export const CIVIL_TIME_ZONE = 'Europe/Berlin';

/** An offset in whole calendar units; months and years keep the day of the month where it exists. */
export interface CalendarOffset {
  years?: number;
  months?: number;
  days?: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let known = formatters.get(timeZone);
  if (!known) {
    known = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, known);
  }
  return known;
}

/** The calendar date of an instant in a time zone, as `YYYY-MM-DD`. */
export function civilDate(instant: Date, timeZone: string = CIVIL_TIME_ZONE): string {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

/**
 * A calendar date moved by whole years, months and days. Years and months go first and clamp the
 * day to the month's length (31 January + 1 month = 28 or 29 February; 29 February + 1 year =
 * 28 February), then days are added.
 */
export function addToDate(date: string, offset: CalendarOffset): string {
  const match = ISO_DATE.exec(date);
  if (!match) throw new Error(`not an ISO date: ${date}`);
  const months =
    Number(match[1]) * 12 + Number(match[2]) - 1 + (offset.years ?? 0) * 12 + (offset.months ?? 0);
  const year = Math.floor(months / 12);
  const month = months - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(match[3]), lastDay);
  const moved = new Date(Date.UTC(year, month, day + (offset.days ?? 0)));
  return moved.toISOString().slice(0, 10);
}

/** The calendar date `offset` away from the day `now` falls on in `timeZone`. */
export function dateFrom(now: Date, offset: CalendarOffset, timeZone: string = CIVIL_TIME_ZONE): string {
  return addToDate(civilDate(now, timeZone), offset);
}
