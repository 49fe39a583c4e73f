/**
 * The moments `npm run test:dates` moves the clock to: the unit suite runs under faketime at each,
 * and the end-to-end calendar spec moves the hub (faketime) and the kiosk (Playwright's clock) to
 * each. All are Europe/Berlin wall time, with their offset spelled out so none is ambiguous.
 */
export const CALENDAR_INSTANTS: readonly { name: string; at: string }[] = [
  // Fixed demo answers once held this date and turned the suite red on this day.
  { name: 'the day a demo date once fell on', at: '2026-12-01T09:30:00+01:00' },
  { name: 'a leap day', at: '2028-02-29T10:00:00+01:00' },
  { name: 'the last minute of the year', at: '2026-12-31T23:59:00+01:00' },
  { name: 'the first minute of the year', at: '2027-01-01T00:01:00+01:00' },
  // 02:00 CET becomes 03:00 CEST during the run.
  { name: 'the night summer time begins', at: '2027-03-28T01:59:00+01:00' },
  // 03:00 CEST becomes 02:00 CET during the run.
  { name: 'the night summer time ends', at: '2027-10-31T02:59:00+02:00' },
];

/** The time zone the clock is moved in: a terminal's and a town hall's. */
export const CALENDAR_TIME_ZONE = 'Europe/Berlin';

/**
 * Environment that starts a child process with its clock at `at` (Debian's libfaketime, clock
 * running on from there; monotonic clocks untouched, so timers keep their pace).
 */
export function fakeClockEnv(at: Date): Record<string, string> {
  const seconds = Math.round((at.getTime() - Date.now()) / 1000);
  return {
    TZ: CALENDAR_TIME_ZONE,
    FAKETIME: `${seconds >= 0 ? '+' : ''}${seconds}`,
    FAKETIME_DONT_FAKE_MONOTONIC: '1',
    LD_PRELOAD: LIBFAKETIME,
  };
}

/** Where Debian's faketime package puts its library (multiarch). */
export const LIBFAKETIME = `/usr/lib/${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}-linux-gnu/faketime/libfaketime.so.1`;
