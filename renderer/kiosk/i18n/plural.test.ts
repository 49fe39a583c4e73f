import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../protocol/i18n.js';
import { CALL_TEXTS } from '../call/texts.js';
import { plural } from './plural.js';
import { TEXTS } from './texts.js';

describe('plural', () => {
  it('picks the category Intl.PluralRules gives, Arabic dual and 3–10 / 11–99 included', () => {
    const forms = { zero: 'z', one: 'o', two: 't', few: 'f#', many: 'm#', other: 'x#' };
    expect([0, 1, 2, 3, 10, 11, 99, 100, 102, 103].map((n) => plural('ar', n, forms))).toEqual([
      'z',
      'o',
      't',
      'f3',
      'f10',
      'm11',
      'm99',
      'x100',
      'x102',
      'f103',
    ]);
    expect([1, 2, 5, 21, 22].map((n) => plural('ru', n, { one: 'o#', few: 'f#', other: 'x#' }))).toEqual([
      'o1',
      'f2',
      'x5',
      'o21',
      'f22',
    ]);
  });

  it('gives Arabic counts their real forms on the kiosk', () => {
    const t = TEXTS.ar;
    expect(t.resultsCount(1)).toBe('خدمة واحدة');
    expect(t.resultsCount(2)).toBe('خدمتان');
    expect(t.resultsCount(5)).toBe('5 خدمات');
    expect(t.resultsCount(35)).toBe('35 خدمةً');
    expect(t.resultsCount(100)).toBe('100 خدمة');
    expect(t.fixErrors(2)).toBe('يرجى تصحيح معلومتين.');
    expect(t.idleBody(2)).toContain('ثانيتين');
    expect(t.idleBody(20)).toContain('20 ثانية');
    expect(t.attachments.count(1, 2)).toBe('1 من ملفين كحد أقصى');
    expect(CALL_TEXTS.ar.waitingCount(2)).toBe('شخصان في الانتظار');
  });

  it('fixes the singulars German, English and Russian got wrong', () => {
    expect(TEXTS.de.idleBody(1)).toContain('in 1 Sekunde gelöscht');
    expect(TEXTS.en.idleBody(1)).toContain('in 1 second.');
    expect(TEXTS.ru.attachments.count(0, 21)).toBe('0 из не более 21 файла');
    expect(TEXTS.uk.attachments.count(0, 3)).toBe('0 з максимум 3 файли');
    expect(CALL_TEXTS.de.estimatedWait(70)).toBe('Wartezeit: etwa 1 Minute');
  });

  it('leaves no placeholder in any counted text of any language', () => {
    for (const locale of LOCALES) {
      const t = TEXTS[locale];
      for (const n of [0, 1, 2, 3, 11, 21, 100, 101]) {
        for (const text of [
          t.waitingToSend(n),
          t.resultsCount(n),
          t.fixErrors(n),
          t.idleBody(n),
          t.attachments.count(n, n),
          t.charsUsed(n, n),
          CALL_TEXTS[locale].waitingCount(n),
          CALL_TEXTS[locale].clerksFree(n),
        ])
          expect(text, `${locale} ${n}`).not.toMatch(/#|undefined/);
      }
    }
  });
});
