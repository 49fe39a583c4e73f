import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Localized, localized } from './Localized.js';

describe('a content text and its German fallback', () => {
  const partly = { de: 'Hund', tr: 'Köpek', ar: '' };

  it('is marked German, left to right, where the language has no text (or an empty one)', () => {
    expect(localized(partly, 'ar')).toEqual({ children: 'Hund', lang: 'de', dir: 'ltr' });
    expect(localized(partly, 'uk')).toEqual({ children: 'Hund', lang: 'de', dir: 'ltr' });
  });

  it('carries no marks where it is translated, or where German is the language chosen', () => {
    expect(localized(partly, 'tr')).toEqual({ children: 'Köpek' });
    expect(localized(partly, 'de')).toEqual({ children: 'Hund' });
  });

  it('inside other content: a marked span for the fallback, plain text for a translation', () => {
    const render = (locale: string) =>
      renderToStaticMarkup(
        <label>
          <Localized text={partly} locale={locale} /> (optional)
        </label>,
      );
    expect(render('ar')).toBe('<label><span lang="de" dir="ltr">Hund</span> (optional)</label>');
    expect(render('tr')).toBe('<label>Köpek (optional)</label>');
  });
});
