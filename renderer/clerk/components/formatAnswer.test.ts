import { describe, expect, it } from 'vitest';
import { de } from '../texts.js';
import { formatAnswer } from './formatAnswer.js';

describe('formatAnswer', () => {
  it('shows booleans as Ja/Nein', () => {
    expect(formatAnswer(true, de)).toEqual({ text: 'Ja', empty: false });
    expect(formatAnswer(false, de)).toEqual({ text: 'Nein', empty: false });
  });

  it('formats numbers the German way', () => {
    expect(formatAnswer(1234.5, de).text).toBe('1.234,5');
  });

  it('marks blank answers', () => {
    expect(formatAnswer('   ', de)).toEqual({ text: 'keine Angabe', empty: true });
  });

  it('keeps text as entered', () => {
    expect(formatAnswer('Lindenstraße 4\n04109 Lindenau', de).text).toBe('Lindenstraße 4\n04109 Lindenau');
  });
});
