import { describe, expect, it } from 'vitest';
import { de } from '../texts.js';
import { demoContent } from '../../../demo/demo-content.js';
import { answerRows } from './answerRows.js';
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

describe('answers in German, as the clerk reads them', () => {
  const residence = demoContent.forms.find((f) => f.id === 'wohnsitz-anmeldung');
  if (!residence) throw new Error('demo form missing');

  it('shows the option text, not the stored value', () => {
    expect(formatAnswer('main', de, residence.ui.fields['residenceType']).text).toBe('Hauptwohnung');
    expect(formatAnswer('female', de, residence.ui.fields['sex']).text).toBe('weiblich');
  });

  it('shows dates as dd.mm.yyyy', () => {
    expect(formatAnswer('1988-05-14', de, residence.ui.fields['dateOfBirth']).text).toBe('14.05.1988');
    expect(formatAnswer('1988-05-14', de).text).toBe('14.05.1988');
    // A text field that happens to hold such a string stays as typed.
    expect(formatAnswer('1988-05-14', de, residence.ui.fields['placeOfBirth']).text).toBe('1988-05-14');
  });

  it('does so on every row of a submitted form, inside groups too', () => {
    const rows = answerRows(
      { residenceType: 'main', sex: 'female', dateOfBirth: '1988-05-14', address: { street: 'Lindenweg' } },
      residence,
    );
    const shown = Object.fromEntries(rows.map((r) => [r.label, formatAnswer(r.value, de, r.ui).text]));
    expect(shown).toMatchObject({
      'Art der Wohnung': 'Hauptwohnung',
      Geschlecht: 'weiblich',
      Geburtsdatum: '14.05.1988',
      'Anschrift der neuen Wohnung › Straße': 'Lindenweg',
    });
  });
});
