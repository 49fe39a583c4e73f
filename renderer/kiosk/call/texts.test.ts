import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../protocol/i18n.js';
import { CALL_TEXTS } from './texts.js';

/** Every leaf text of a locale, functions called with sample arguments, keyed by path. */
function leaves(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(path, value);
  else if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => string;
    // Numbers cover the singular, plural and "unknown"/"under a minute" branches; names and slots are strings.
    for (const arg of [0, 1, 3, 30, 600, null, 'Erika Musterfrau'])
      out.set(`${path}(${String(arg)})`, fn(arg));
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      for (const [p, text] of leaves(child, path ? `${path}.${key}` : key)) out.set(p, text);
    }
  }
  return out;
}

const SCRIPT: Partial<Record<string, RegExp>> = {
  ar: /\p{Script=Arabic}/u,
  uk: /\p{Script=Cyrillic}/u,
  ru: /\p{Script=Cyrillic}/u,
};

describe('call texts', () => {
  const german = leaves(CALL_TEXTS.de);
  const english = leaves(CALL_TEXTS.en);

  it.each(LOCALES)('%s has every key of German, and nothing else', (locale) => {
    expect([...leaves(CALL_TEXTS[locale]).keys()].sort()).toEqual([...german.keys()].sort());
  });

  it.each(LOCALES.filter((l) => l !== 'en'))(
    '%s is its own translation, not the English fallback',
    (locale) => {
      expect(CALL_TEXTS[locale]).not.toBe(CALL_TEXTS.en);
      const texts = leaves(CALL_TEXTS[locale]);
      const sameAsEnglish = [...texts]
        .filter(([path, text]) => text === english.get(path))
        .map(([path]) => path);
      expect(sameAsEnglish).toEqual([]);
      for (const [path, text] of texts) expect(text.trim(), path).not.toBe('');
    },
  );

  it.each(Object.keys(SCRIPT))('%s texts are written in their own script', (locale) => {
    const script = SCRIPT[locale];
    if (!script) throw new Error(locale);
    const texts = leaves(CALL_TEXTS[locale as keyof typeof CALL_TEXTS]);
    const latinOnly = [...texts].filter(([, text]) => !script.test(text)).map(([path]) => path);
    expect(latinOnly).toEqual([]);
  });
});
