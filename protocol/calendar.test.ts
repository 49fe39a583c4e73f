import { describe, expect, it } from 'vitest';
import { addToDate, civilDate, dateFrom } from './calendar.js';

describe('civilDate', () => {
  it('is the day in Berlin, not in UTC, around midnight', () => {
    expect(civilDate(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
    expect(civilDate(new Date('2026-12-31T23:01:00Z'))).toBe('2027-01-01');
    expect(civilDate(new Date('2026-12-31T23:01:00Z'), 'UTC')).toBe('2026-12-31');
  });

  it('follows summer time (UTC+2) across both switch nights', () => {
    expect(civilDate(new Date('2027-03-28T21:59:00Z'))).toBe('2027-03-28');
    expect(civilDate(new Date('2027-03-28T22:01:00Z'))).toBe('2027-03-29');
    expect(civilDate(new Date('2027-10-30T21:59:00Z'))).toBe('2027-10-30');
    expect(civilDate(new Date('2027-10-30T22:01:00Z'))).toBe('2027-10-31');
    expect(civilDate(new Date('2027-10-31T22:59:00Z'))).toBe('2027-10-31');
  });
});

describe('addToDate', () => {
  it.each([
    ['2027-01-31', { months: 1 }, '2027-02-28'],
    ['2028-01-31', { months: 1 }, '2028-02-29'],
    ['2028-02-29', { years: 1 }, '2029-02-28'],
    ['2028-02-29', { years: -4 }, '2024-02-29'],
    ['2026-12-31', { days: 1 }, '2027-01-01'],
    ['2027-01-01', { days: -1 }, '2026-12-31'],
    ['2027-03-31', { months: -1, days: -1 }, '2027-02-27'],
    ['2026-12-15', { months: 13 }, '2028-01-15'],
    ['2026-01-15', { months: -13 }, '2024-12-15'],
  ])('%s moved by %o is %s', (date, offset, expected) => {
    expect(addToDate(date, offset)).toBe(expected);
  });

  it('refuses what is not an ISO date', () => {
    expect(() => addToDate('1.12.2026', { days: 1 })).toThrow('not an ISO date: 1.12.2026');
  });
});

describe('dateFrom', () => {
  it('counts from the Berlin day of the instant', () => {
    // 00:30 on 1 January in Berlin is still 31 December in UTC.
    expect(dateFrom(new Date('2026-12-31T23:30:00Z'), { days: 1 })).toBe('2027-01-02');
  });
});
