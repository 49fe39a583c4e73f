import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../protocol/i18n.js';
import { TEXTS } from '../i18n/texts.js';
import { applyKey, keyLabel, layoutFor, TEXT_LAYOUTS } from './layouts.js';

const keys = (layout: Record<string, string[]>) =>
  Object.values(layout).flatMap((row) => row.join(' ').split(' '));

describe('on-screen keyboard layouts', () => {
  it('has a text layout for every kiosk language, with the letters of its script', () => {
    for (const locale of LOCALES) expect(TEXT_LAYOUTS[locale], locale).toBeDefined();
    expect(keys(TEXT_LAYOUTS.de)).toEqual(expect.arrayContaining(['ä', 'ö', 'ü', 'ß', 'Ä', 'Ö', 'Ü']));
    expect(keys(TEXT_LAYOUTS.tr)).toEqual(expect.arrayContaining(['ç', 'ğ', 'ı', 'ş', 'İ', 'ö', 'ü']));
    expect(keys(TEXT_LAYOUTS.ar)).toEqual(expect.arrayContaining(['ا', 'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'ء']));
    expect(keys(TEXT_LAYOUTS.uk)).toEqual(expect.arrayContaining(['і', 'ї', 'є', 'ґ']));
    expect(keys(TEXT_LAYOUTS.ru)).toEqual(expect.arrayContaining(['ы', 'э', 'ъ', 'ё']));
  });

  it('gives numbers a number pad and e-mail fields the @', () => {
    expect(keys(layoutFor('numeric', 'ar')).filter((k) => /^\d$/.test(k))).toHaveLength(10);
    expect(keys(layoutFor('email', 'ru'))).toEqual(expect.arrayContaining(['@', '.', '.de']));
    expect(layoutFor('text', 'uk')).toBe(TEXT_LAYOUTS.uk);
  });

  it('applies keys like a keyboard: letters append, backspace deletes, shift types nothing', () => {
    expect(applyKey('Stra', 'ß')).toBe('Straß');
    expect(applyKey('ab', '{bksp}')).toBe('a');
    expect(applyKey('a', '{space}')).toBe('a ');
    expect(applyKey('a', '{shift}')).toBeNull();
  });
});

describe('key names for a screen reader', () => {
  it('names every key of every layout in every language, function keys in that language', () => {
    for (const locale of LOCALES) {
      const names = TEXTS[locale].keys;
      for (const kind of ['text', 'numeric', 'tel', 'email'] as const) {
        for (const key of keys(layoutFor(kind, locale))) {
          const label = keyLabel(key, names);
          expect(label.name.trim(), `${locale} ${kind} ${key}`).not.toBe('');
          expect(label.name, `${locale} ${kind} ${key}`).not.toMatch(/^\{.*\}$/);
        }
      }
      expect(keyLabel('{bksp}', names)).toEqual({ shown: '⌫', name: names.backspace });
      expect(keyLabel('{shift}', names).name).toBe(names.shift);
    }
    expect(keyLabel('{bksp}', TEXTS.de.keys).name).toBe('Rücktaste');
    expect(keyLabel('{bksp}', TEXTS.ar.keys).name).toBe('حذف');
  });

  it('shows a combining mark on a dotted circle but names it by itself', () => {
    expect(keyLabel('\u064e', TEXTS.ar.keys)).toEqual({ shown: '\u25cc\u064e', name: '\u064e' });
    expect(keyLabel('ب', TEXTS.ar.keys)).toEqual({ shown: 'ب', name: 'ب' });
  });
});

describe('number pads', () => {
  it('give postcodes and dates digits only, and phone numbers the signs their hint allows', () => {
    const numeric = keys(layoutFor('numeric', 'de'));
    expect(numeric).not.toContain('+');
    expect(numeric.filter((k) => /^\d$/.test(k))).toHaveLength(10);
    const tel = keys(layoutFor('tel', 'de'));
    expect(tel).toEqual(expect.arrayContaining(['+', '-', '/', '{space}', '0', '9', '{bksp}']));
  });
});
