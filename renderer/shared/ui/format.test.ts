import { describe, expect, it } from 'vitest';
import { formatDateTime, formatTime } from './format.js';

describe('formatDateTime', () => {
  it('formats an ISO timestamp in German, in the given zone', () => {
    expect(formatDateTime('2025-03-05T13:07:00Z', { timeZone: 'Europe/Berlin' })).toBe('05.03.2025, 14:07');
  });

  it('honours summer time', () => {
    expect(formatDateTime('2025-07-01T08:30:00Z', { timeZone: 'Europe/Berlin' })).toBe('01.07.2025, 10:30');
  });

  it('formats in another locale', () => {
    expect(formatDateTime('2025-03-05T13:07:00Z', { locale: 'en-GB', timeZone: 'UTC' })).toBe(
      '05/03/2025, 13:07',
    );
  });

  it('returns an unparseable input unchanged', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});

describe('formatTime', () => {
  it('formats the time of day with seconds', () => {
    expect(formatTime(new Date('2025-03-05T13:07:09Z'), { timeZone: 'Europe/Berlin' })).toBe('14:07:09');
  });
});
