import { describe, expect, it } from 'vitest';
import {
  compileSafePattern,
  MAX_INSTRUCTIONS,
  PatternError,
  patternProblem,
  type SafePattern,
} from './safe-pattern.js';
import { isLiteralPattern, xsdToEcmaPattern } from './xsd.js';

function compiled(source: string): SafePattern {
  const result = compileSafePattern(source);
  if (result instanceof PatternError) throw result;
  return result;
}

describe('safe patterns (linear-time evaluation of content patterns)', () => {
  it('agrees with the browser RegExp on the patterns forms use', () => {
    const cases: [string, string[]][] = [
      ['^[0-9]{5}$', ['12345', '1234', '123456', 'a2345']],
      ['^[+(]?[0-9][0-9 ()/-]{5,29}$', ['+49 30 123456', '030/1234', 'abc']],
      ['^[0-9]{1,4} ?[a-zA-Z]?( ?[-/] ?[0-9]{1,4} ?[a-zA-Z]?)?$', ['12', '12a', '12-14', '12 - 14b', 'x']],
      ['^[A-ZÄÖÜa-zäöü]{1,3}[ -][A-Za-z]{1,2} ?[1-9][0-9]{0,3}[EHeh]?$', ['M-AB 123', 'MÜ X 1E', 'M 0']],
      ["^\\p{L}[\\p{L} .'-]*$", ['Müller-Lüdenscheidt', 'Ørsted', '1a', 'Ζωή']],
      ['ab|cd', ['xxcdxx', 'ab', 'ac']],
      ['^(?:a|b)*c$', ['ababc', 'c', 'abd']],
      ['^\\d+(\\.\\d{1,2})?$', ['1.25', '1.', '10']],
      ['^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$', ['a@b.de', 'a@b', 'a b@c.de']],
      ['^.{0,3}$', ['', 'abc', 'abcd', '\n']],
      ['^x*?y$', ['xxy', 'y', 'xx']],
      ['^😀+$', ['😀😀', '😀a']],
    ];
    for (const [source, inputs] of cases) {
      const safe = compiled(source);
      const native = new RegExp(source, 'u');
      for (const input of inputs) expect(safe.test(input), `${source} on ${input}`).toBe(native.test(input));
    }
  });

  it('evaluates ^(a+)+$ in steps linear in the input (no backtracking)', () => {
    const safe = compiled('^(a+)+$');
    const input = `${'a'.repeat(5000)}b`;
    const { matched, steps, overBudget } = safe.run(input);
    expect(matched).toBe(false);
    expect(overBudget).toBe(false);
    // Each character costs at most a few visits of each instruction; a backtracking engine needs 2^5000.
    expect(steps).toBeLessThanOrEqual(3 * safe.instructions * (input.length + 1));
    expect(safe.test('aaaa')).toBe(true);
  });

  it('answers ^(a+)+$ on 10,000 characters right (its time is measured by bench:fim-hostile)', () => {
    const safe = compiled('^(a+)+$');
    expect(safe.run('a'.repeat(10_000))).toMatchObject({ matched: true, overBudget: false });
    expect(safe.run(`${'a'.repeat(9_999)}b`)).toMatchObject({ matched: false, overBudget: false });
  });

  it('counts input beyond the step budget as not matching instead of running long', () => {
    const safe = compiled('^(?:[a-z]{1,20}\\s?){1,10}$');
    const { matched, overBudget } = safe.run('a'.repeat(100_000));
    expect(overBudget).toBe(true);
    expect(matched).toBe(false);
  });

  it('refuses what is invalid or cannot run in linear time, never throwing', () => {
    expect(patternProblem('^(a')).toMatch(/./);
    expect(patternProblem('[z-a]')).toMatch(/./);
    expect(patternProblem('^(a)\\1$')).toMatch(/backreference/);
    expect(patternProblem('^(?=a)a$')).toMatch(/lookaround/);
    expect(patternProblem('\\bword\\b')).toMatch(/word boundaries/);
    expect(patternProblem('^(a{1000}){1000}$')).toMatch(new RegExp(String(MAX_INSTRUCTIONS)));
    expect(patternProblem('a{5000}')).toMatch(/repetition count/);
    expect(patternProblem(`${'('.repeat(1000)}a${')'.repeat(1000)}`)).toMatch(/./);
    expect(patternProblem('^[0-9]{5}$')).toBeNull();
  });
});

describe('XSD patterns as FIM writes them', () => {
  const convert = (xsd: string) => {
    const result = xsdToEcmaPattern(xsd);
    if (result instanceof PatternError) throw result;
    return result.pattern;
  };

  it('anchors them, as XSD matches the whole value', () => {
    expect(convert('[0-9]{5}')).toBe('^[0-9]{5}$');
    expect(convert('DE|AT')).toBe('^(?:DE|AT)$');
    expect(new RegExp(convert('DE|AT'), 'u').test('XDE')).toBe(false);
    expect(convert('^[0-9]{5}$')).toBe('^[0-9]{5}$');
  });

  it('translates XSD escapes, blocks and class subtraction', () => {
    const digits = new RegExp(convert('\\d{2}'), 'u');
    expect(digits.test('٣٤')).toBe(true); // XSD's \d is every decimal digit
    expect(new RegExp(convert('\\p{IsBasicLatin}+'), 'u').test('abc')).toBe(true);
    expect(new RegExp(convert('\\p{IsBasicLatin}+'), 'u').test('äbc')).toBe(false);
    const consonants = new RegExp(convert('[a-z-[aeiou]]+'), 'u');
    expect(consonants.test('bcd')).toBe(true);
    expect(consonants.test('bad')).toBe(false);
    expect(new RegExp(convert('\\i\\c*'), 'u').test('name-1')).toBe(true);
    expect(new RegExp(convert('\\i\\c*'), 'u').test('1name')).toBe(false);
    expect(new RegExp(convert('[\\w\\-]+'), 'u').test('Straße-1')).toBe(true);
    expect(new RegExp(convert('a$b'), 'u').test('a$b')).toBe(true); // "$" in the middle is a character
  });

  it('refuses what has no safe equivalent, with the reason', () => {
    expect(xsdToEcmaPattern('(?:a)')).toBeInstanceOf(PatternError);
    expect(xsdToEcmaPattern('\\p{IsKlingon}')).toBeInstanceOf(PatternError);
    expect(xsdToEcmaPattern('[\\p{L}-[a-z]]')).toBeInstanceOf(PatternError);
    expect(xsdToEcmaPattern('\\q')).toBeInstanceOf(PatternError);
  });

  it('recognises literal words that are no pattern at all', () => {
    expect(isLiteralPattern('Mehrfachauswahl')).toBe(true);
    expect(isLiteralPattern('[0-9]+')).toBe(false);
    expect(isLiteralPattern('DE|AT')).toBe(false);
  });
});
