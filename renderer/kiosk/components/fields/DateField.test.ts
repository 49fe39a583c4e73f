import { describe, expect, it } from 'vitest';
import { joinDate, splitDate } from './DateField.js';

describe('date entry in three boxes', () => {
  it('makes an ISO date once day, month and a four-digit year are there', () => {
    expect(joinDate({ day: '3', month: '4', year: '1988' })).toBe('1988-04-03');
    expect(joinDate({ day: '23', month: '12', year: '2026' })).toBe('2026-12-23');
  });

  it('passes an incomplete date on as typed, so validation explains it; empty is unanswered', () => {
    expect(joinDate({ day: '3', month: '', year: '19' })).toBe('19--3');
    expect(joinDate({ day: '', month: '', year: '' })).toBeUndefined();
  });

  it('reads a stored date back into its boxes', () => {
    expect(splitDate('1988-04-03')).toEqual({ day: '03', month: '04', year: '1988' });
    expect(splitDate(undefined)).toEqual({ day: '', month: '', year: '' });
  });
});
