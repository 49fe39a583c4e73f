import { describe, expect, it } from 'vitest';
import { fold, splitCompound, stem, tokenize } from './german.js';

describe('German word handling', () => {
  it('folds umlauts, ß, accents and case', () => {
    expect(fold('Führungszeugnis GROSS Straße')).toBe('fuehrungszeugnis gross strasse');
    expect(fold('Yılmaz Çelik')).toBe('yilmaz celik');
    expect(tokenize('Kita-Platz, anmelden!')).toEqual(['kita', 'platz', 'anmelden']);
  });

  it('keeps Arabic and Cyrillic letters', () => {
    expect(fold('Паспорт')).toBe('паспорт');
    expect(tokenize('بطاقة هوية')).toEqual(['بطاقة', 'هوية']);
  });

  it('maps word forms to one stem', () => {
    expect(stem('personalausweise')).toBe(stem('personalausweis'));
    expect(stem('anmeldungen')).toBe(stem('anmeldung'));
    expect(stem('hunde')).toBe('hund');
    expect(stem('amt')).toBe('amt');
  });

  it('splits compounds against a vocabulary, with linking letters', () => {
    const vocabulary = new Set(['hund', 'steuer', 'anmeldung', 'geburt', 'urkunde']);
    expect(splitCompound('hundesteueranmeldung', vocabulary)).toEqual(['hund', 'steuer', 'anmeldung']);
    expect(splitCompound('geburtsurkunde', vocabulary)).toEqual(['geburt', 'urkunde']);
    expect(splitCompound('hundekuchen', vocabulary)).toEqual([]);
  });
});
