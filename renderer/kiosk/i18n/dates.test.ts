import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../protocol/i18n.js';
import { formatLongDate, formatSlot, formatStamp } from './dates.js';

const DECEMBER_FIRST = '2026-12-01T09:00:00Z';

describe('kiosk dates', () => {
  it('name the month in the citizen’s language, never in English unless English was chosen', () => {
    const months = Object.fromEntries(LOCALES.map((l) => [l, formatLongDate(DECEMBER_FIRST, l, 'UTC')]));
    expect(months['de']).toBe('1. Dezember 2026');
    expect(months['en']).toBe('1 December 2026');
    expect(months['ar']).toContain('ديسمبر');
    expect(months['tr']).toContain('Aralık');
    expect(months['uk']).toContain('грудня');
    expect(months['ru']).toContain('декабря');
    for (const locale of LOCALES.filter((l) => l !== 'en')) expect(months[locale]).not.toMatch(/December/);
  });

  it('give a callback slot its weekday and time in every language', () => {
    expect(formatSlot('2026-03-03T10:30', 'de')).toBe('Dienstag, 3. März um 10:30');
    expect(formatSlot('2026-03-03T10:30', 'ar')).toMatch(/الثلاثاء/);
    expect(formatSlot('2026-03-03T10:30', 'tr')).toMatch(/Salı/);
    for (const locale of LOCALES.filter((l) => l !== 'en'))
      expect(formatSlot('2026-03-03T10:30', locale)).not.toMatch(/Tuesday|March/);
  });

  it('stamp the receipt in the citizen’s language', () => {
    expect(formatStamp(DECEMBER_FIRST, 'de', 'UTC')).toBe('1. Dezember 2026 um 09:00');
    expect(formatStamp(DECEMBER_FIRST, 'ar', 'UTC')).toContain('ديسمبر');
  });
});
