/**
 * A parser for the regular expressions forms carry as `pattern`: the ECMAScript ('u' flag) subset
 * the terminal evaluates in linear time, and XSD regexes as FIM writes them (converted on import).
 * What a linear-time automaton cannot do is refused: backreferences, lookarounds, word boundaries.
 */
export type CharItem =
  | { kind: 'range'; from: number; to: number }
  /** A Unicode property (`L`, `Nd`, `Script=Greek`); `negated` for \P{...}. */
  | { kind: 'property'; name: string; negated: boolean }
  | CharSet;

export interface CharSet {
  kind: 'set';
  negated: boolean;
  items: CharItem[];
  /** XSD character class subtraction: `[a-z-[aeiou]]`. */
  subtract?: CharSet;
}

export type PatternNode =
  | { kind: 'char'; set: CharSet }
  | { kind: 'seq'; items: PatternNode[] }
  | { kind: 'alt'; items: PatternNode[] }
  | { kind: 'repeat'; node: PatternNode; min: number; max: number | null }
  | { kind: 'start' }
  | { kind: 'end' };

export type Dialect = 'ecma' | 'xsd';

export class PatternError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(`${message} at position ${index + 1}`);
  }
}

/** Repetition counts above this are refused: they only make the automaton large. */
export const MAX_REPEAT = 1000;
/** Patterns longer than this are refused before parsing. */
export const MAX_PATTERN_LENGTH = 1000;
const MAX_DEPTH = 50;

const range = (from: number, to = from): CharItem => ({ kind: 'range', from, to });
const set = (items: CharItem[], negated = false): CharSet => ({ kind: 'set', negated, items });
const prop = (name: string, negated = false): CharItem => ({ kind: 'property', name, negated });

const ECMA_DIGIT = set([range(0x30, 0x39)]);
const ECMA_WORD = set([range(0x30, 0x39), range(0x41, 0x5a), range(0x5f), range(0x61, 0x7a)]);
const ECMA_SPACE = set([
  range(0x09, 0x0d),
  range(0x20),
  range(0xa0),
  range(0x1680),
  range(0x2000, 0x200a),
  range(0x2028, 0x2029),
  range(0x202f),
  range(0x205f),
  range(0x3000),
  range(0xfeff),
]);
const XSD_SPACE = set([range(0x09), range(0x0a), range(0x0d), range(0x20)]);
/** XML 1.0 (5th edition) NameStartChar, XSD's \i. */
const NAME_START: CharItem[] = [
  range(0x3a),
  range(0x41, 0x5a),
  range(0x5f),
  range(0x61, 0x7a),
  range(0xc0, 0xd6),
  range(0xd8, 0xf6),
  range(0xf8, 0x2ff),
  range(0x370, 0x37d),
  range(0x37f, 0x1fff),
  range(0x200c, 0x200d),
  range(0x2070, 0x218f),
  range(0x2c00, 0x2fef),
  range(0x3001, 0xd7ff),
  range(0xf900, 0xfdcf),
  range(0xfdf0, 0xfffd),
  range(0x10000, 0xeffff),
];
/** XSD's \c: NameChar. */
const NAME_CHAR: CharItem[] = [
  ...NAME_START,
  range(0x2d, 0x2e),
  range(0x30, 0x39),
  range(0xb7),
  range(0x300, 0x36f),
  range(0x203f, 0x2040),
];
/** Unicode blocks XSD names with \p{IsBlock}; the ones that occur in German forms. */
const BLOCKS: Record<string, [number, number]> = {
  BasicLatin: [0x0000, 0x007f],
  'Latin-1Supplement': [0x0080, 0x00ff],
  'LatinExtended-A': [0x0100, 0x017f],
  'LatinExtended-B': [0x0180, 0x024f],
  IPAExtensions: [0x0250, 0x02af],
  SpacingModifierLetters: [0x02b0, 0x02ff],
  CombiningDiacriticalMarks: [0x0300, 0x036f],
  Greek: [0x0370, 0x03ff],
  GreekandCoptic: [0x0370, 0x03ff],
  Cyrillic: [0x0400, 0x04ff],
  LatinExtendedAdditional: [0x1e00, 0x1eff],
  GeneralPunctuation: [0x2000, 0x206f],
  CurrencySymbols: [0x20a0, 0x20cf],
  LetterlikeSymbols: [0x2100, 0x214f],
};
const GENERAL_CATEGORY = /^(?:[LMNPSZC][a-z]?)$/;
const SCRIPT_PROPERTY = /^(?:Script|sc|Script_Extensions|scx)=[A-Za-z_]+$/;

/** Parses a pattern; throws PatternError with the position of the first problem. */
export function parsePattern(source: string, dialect: Dialect): PatternNode {
  if (source.length > MAX_PATTERN_LENGTH) {
    throw new PatternError(`pattern longer than ${MAX_PATTERN_LENGTH} characters`, MAX_PATTERN_LENGTH);
  }
  const chars = Array.from(source);
  let pos = 0;
  let depth = 0;
  const peek = () => chars[pos];
  const fail = (message: string, at = pos): never => {
    throw new PatternError(message, at);
  };

  const alternation = (): PatternNode => {
    const branches = [sequence()];
    while (peek() === '|') {
      pos++;
      branches.push(sequence());
    }
    return branches.length === 1 ? (branches[0] as PatternNode) : { kind: 'alt', items: branches };
  };

  const sequence = (): PatternNode => {
    const items: PatternNode[] = [];
    while (pos < chars.length && peek() !== '|' && peek() !== ')') {
      const atom = atomAt();
      items.push(quantified(atom));
    }
    return items.length === 1 ? (items[0] as PatternNode) : { kind: 'seq', items };
  };

  const quantified = (atom: PatternNode): PatternNode => {
    const c = peek();
    let min: number;
    let max: number | null;
    const at = pos;
    if (c === '?') [min, max] = [0, 1];
    else if (c === '*') [min, max] = [0, null];
    else if (c === '+') [min, max] = [1, null];
    else if (c === '{' && /^\{\d+(,\d*)?\}/.test(chars.slice(pos, pos + 12).join(''))) {
      const text = /^\{(\d+)(,(\d*))?\}/.exec(chars.slice(pos, pos + 12).join('')) as RegExpExecArray;
      min = Number(text[1]);
      max = text[2] === undefined ? min : text[3] === '' ? null : Number(text[3]);
      pos += text[0].length - 1;
      if (min > MAX_REPEAT || (max !== null && max > MAX_REPEAT))
        fail(`repetition count above ${MAX_REPEAT}`, at);
      if (max !== null && max < min) fail('repetition {n,m} with m < n', at);
    } else return atom;
    pos++;
    if (atom.kind === 'start' || atom.kind === 'end') fail('quantifier after an anchor', at);
    if (dialect === 'ecma' && peek() === '?') pos++; // lazy: the same language, test() only asks whether
    const after = peek();
    if (after === '?' || after === '*' || after === '+' || (after === '{' && dialect === 'ecma'))
      fail('quantifier follows a quantifier');
    return { kind: 'repeat', node: atom, min, max };
  };

  const atomAt = (): PatternNode => {
    const c = peek() as string;
    const at = pos;
    if (c === '(') {
      pos++;
      if (peek() === '?') {
        if (dialect === 'xsd') fail('"(?" is not XSD regex syntax');
        const next = chars[pos + 1];
        if (next === ':') pos += 2;
        else if (next === '<' && /[A-Za-z]/.test(chars[pos + 2] ?? '')) {
          while (pos < chars.length && peek() !== '>') pos++;
          pos++;
        } else fail('lookaround is not supported', at);
      }
      if (++depth > MAX_DEPTH) fail(`groups nested deeper than ${MAX_DEPTH}`, at);
      const inner = alternation();
      if (peek() !== ')') fail('missing ")"', at);
      pos++;
      depth--;
      return inner;
    }
    if (c === ')') fail('unmatched ")"');
    if (c === '[') return { kind: 'char', set: charClass() };
    if (c === '.') {
      pos++;
      return {
        kind: 'char',
        set: set(
          dialect === 'xsd' ? [range(0x0a), range(0x0d)] : [range(0x0a), range(0x0d), range(0x2028, 0x2029)],
          true,
        ),
      };
    }
    if (c === '^' && dialect === 'ecma') {
      pos++;
      return { kind: 'start' };
    }
    if (c === '$' && dialect === 'ecma') {
      pos++;
      return { kind: 'end' };
    }
    if (c === '*' || c === '+' || c === '?') fail(`"${c}" has nothing to repeat`);
    if (c === '{' && dialect === 'xsd') fail('"{" has nothing to repeat');
    if (c === ']' && dialect === 'ecma') fail('unmatched "]"');
    if (c === '\\') {
      const escaped = escape(false);
      return { kind: 'char', set: escaped.kind === 'set' ? escaped : set([escaped]) };
    }
    pos++;
    const code = c.codePointAt(0) as number;
    return { kind: 'char', set: set([range(code)]) };
  };

  /** After a backslash; inClass: inside [...]. */
  const escape = (inClass: boolean): CharItem => {
    const at = pos;
    pos++;
    const c = peek();
    if (c === undefined) return fail('pattern ends with "\\"', at);
    pos++;
    switch (c) {
      case 'd':
        return dialect === 'xsd' ? set([prop('Nd')]) : ECMA_DIGIT;
      case 'D':
        return dialect === 'xsd' ? set([prop('Nd')], true) : { ...ECMA_DIGIT, negated: true };
      case 'w':
        return dialect === 'xsd' ? set([prop('P'), prop('Z'), prop('C')], true) : ECMA_WORD;
      case 'W':
        return dialect === 'xsd' ? set([prop('P'), prop('Z'), prop('C')]) : { ...ECMA_WORD, negated: true };
      case 's':
        return dialect === 'xsd' ? XSD_SPACE : ECMA_SPACE;
      case 'S':
        return { ...(dialect === 'xsd' ? XSD_SPACE : ECMA_SPACE), negated: true };
      case 'p':
      case 'P':
        return property(c === 'P', at);
      case 'n':
        return range(0x0a);
      case 'r':
        return range(0x0d);
      case 't':
        return range(0x09);
    }
    if (dialect === 'xsd') {
      if (c === 'i' || c === 'I') return set(NAME_START, c === 'I');
      if (c === 'c' || c === 'C') return set(NAME_CHAR, c === 'C');
      if ('\\|.-^?*+{}()[]'.includes(c)) return range(c.codePointAt(0) as number);
      return fail(`"\\${c}" is not an XSD escape`, at);
    }
    if (c === 'f') return range(0x0c);
    if (c === 'v') return range(0x0b);
    if (c === '0' && !/[0-9]/.test(peek() ?? '')) return range(0);
    if (/[1-9]/.test(c)) return fail('backreferences are not supported', at);
    if (c === 'b' || c === 'B') {
      if (inClass && c === 'b') return range(0x08);
      return fail('word boundaries are not supported', at);
    }
    if (c === 'k') return fail('backreferences are not supported', at);
    if (c === 'x') return hex(2, at);
    if (c === 'u') {
      if (peek() === '{') {
        const end = chars.indexOf('}', pos);
        const digits = chars.slice(pos + 1, end).join('');
        if (end === -1 || !/^[0-9a-fA-F]{1,6}$/.test(digits) || parseInt(digits, 16) > 0x10ffff)
          return fail('invalid \\u{...} escape', at);
        pos = end + 1;
        return range(parseInt(digits, 16));
      }
      return hex(4, at);
    }
    if (c === 'c') return fail('control escapes are not supported', at);
    if ('^$\\.*+?()[]{}|/-'.includes(c)) return range(c.codePointAt(0) as number);
    return fail(`"\\${c}" is not a valid escape`, at);
  };

  const hex = (length: number, at: number): CharItem => {
    const digits = chars.slice(pos, pos + length).join('');
    if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(digits)) return fail('invalid hexadecimal escape', at);
    pos += length;
    return range(parseInt(digits, 16));
  };

  const property = (negated: boolean, at: number): CharItem => {
    if (peek() !== '{') return fail('"\\p" needs {name}', at);
    const end = chars.indexOf('}', pos);
    if (end === -1) return fail('missing "}" after \\p{', at);
    const name = chars.slice(pos + 1, end).join('');
    pos = end + 1;
    if (dialect === 'xsd' && name.startsWith('Is')) {
      const block = BLOCKS[name.slice(2)];
      if (!block) return fail(`unknown Unicode block "${name}"`, at);
      return set([range(block[0], block[1])], negated);
    }
    if (GENERAL_CATEGORY.test(name) || (dialect === 'ecma' && SCRIPT_PROPERTY.test(name))) {
      return prop(name, negated);
    }
    return fail(`unknown Unicode property "${name}"`, at);
  };

  const charClass = (): CharSet => {
    const at = pos;
    pos++;
    const negated = peek() === '^';
    if (negated) pos++;
    const items: CharItem[] = [];
    let subtract: CharSet | undefined;
    let first = true;
    while (pos < chars.length && peek() !== ']') {
      if (dialect === 'xsd' && peek() === '-' && chars[pos + 1] === '[') {
        pos++;
        subtract = charClass();
        if (peek() !== ']') fail('a subtraction must end its class');
        break;
      }
      if (dialect === 'xsd' && peek() === '[') fail('"[" must be escaped inside a class');
      const low = classAtom(first);
      first = false;
      if (peek() === '-' && chars[pos + 1] !== ']' && chars[pos + 1] !== '[' && low.kind === 'range') {
        pos++;
        const high = classAtom(false);
        if (high.kind !== 'range') fail('a range must end in a character');
        else if (high.from < low.from) fail('range out of order');
        else items.push(range(low.from, high.to));
      } else items.push(low);
    }
    if (peek() !== ']') fail('missing "]"', at);
    pos++;
    if (items.length === 0 && !negated && dialect === 'xsd') fail('empty character class', at);
    return subtract ? { ...set(items, negated), subtract } : set(items, negated);
  };

  const classAtom = (first: boolean): CharItem => {
    const c = peek() as string;
    if (c === '\\') return escape(true);
    if (dialect === 'ecma' && c === '[' && !first) fail('"[" must be escaped inside a class');
    pos++;
    return range(c.codePointAt(0) as number);
  };

  const tree = alternation();
  if (pos < chars.length) fail(peek() === ')' ? 'unmatched ")"' : 'unexpected character');
  return tree;
}
