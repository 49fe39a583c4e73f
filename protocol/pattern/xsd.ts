import { parsePattern, PatternError, type CharItem, type CharSet, type PatternNode } from './parse.js';
import { compileSafePattern } from './safe-pattern.js';

/**
 * An XSD regex (as FIM's `praezisierung` carries it) in the ECMAScript form a JSON Schema
 * `pattern` takes. XSD patterns match the whole value, so the result is anchored (^...$); XSD's
 * \d \w \s \i \c, \p{IsBlock} and class subtraction become their ECMAScript equivalents. A "^" at
 * the start or "$" at the end is taken as the anchor its author meant, not as a literal character.
 * Returns the pattern, or a PatternError saying why it cannot be carried over.
 */
export function xsdToEcmaPattern(xsd: string): { pattern: string } | PatternError {
  let source = xsd;
  if (source.startsWith('^')) source = source.slice(1);
  if (/(^|[^\\])(\\\\)*\$$/.test(source)) source = source.slice(0, -1);
  try {
    const tree = parsePattern(source, 'xsd');
    const body = print(tree, 'top');
    const pattern = tree.kind === 'alt' ? `^(?:${body})$` : `^${body}$`;
    const check = compileSafePattern(pattern);
    return check instanceof PatternError ? check : { pattern };
  } catch (error) {
    if (error instanceof PatternError) return error;
    throw error;
  }
}

/** Whether a pattern is only literal characters (no class, repetition or choice). */
export function isLiteralPattern(xsd: string): boolean {
  try {
    const tree = parsePattern(xsd.replace(/^\^/, '').replace(/\$$/, ''), 'xsd');
    const literal = (node: PatternNode): boolean =>
      node.kind === 'seq'
        ? node.items.every(literal)
        : node.kind === 'char' &&
          !node.set.negated &&
          node.set.items.length === 1 &&
          node.set.items[0]?.kind === 'range' &&
          node.set.items[0].from === node.set.items[0].to;
    return literal(tree);
  } catch {
    return false;
  }
}

type Place = 'top' | 'seq' | 'atom';

function print(node: PatternNode, place: Place): string {
  switch (node.kind) {
    case 'start':
      return '^';
    case 'end':
      return '$';
    case 'char':
      return printSet(node.set);
    case 'seq': {
      const text = node.items.map((item) => print(item, 'seq')).join('');
      return place === 'atom' ? `(?:${text})` : text;
    }
    case 'alt': {
      const text = node.items.map((item) => print(item, 'top')).join('|');
      return place === 'top' ? text : `(?:${text})`;
    }
    case 'repeat': {
      const inner =
        node.node.kind === 'repeat' ? `(?:${print(node.node, 'atom')})` : print(node.node, 'atom');
      const { min, max } = node;
      const quantifier =
        min === 0 && max === 1
          ? '?'
          : min === 0 && max === null
            ? '*'
            : min === 1 && max === null
              ? '+'
              : max === min
                ? `{${min}}`
                : `{${min},${max ?? ''}}`;
      return inner + quantifier;
    }
  }
}

const OUTSIDE = new Set('^$\\.*+?()[]{}|/'.split(''));
const INSIDE = new Set('\\]-[^'.split(''));

function printChar(code: number, special: Set<string>): string {
  const c = String.fromCodePoint(code);
  if (special.has(c)) return `\\${c}`;
  if (code < 0x20 || (code >= 0x7f && code <= 0xa0) || code === 0x2028 || code === 0x2029) {
    return `\\u{${code.toString(16)}}`;
  }
  return c;
}

function printItem(item: Exclude<CharItem, CharSet>): string {
  if (item.kind === 'property') return `\\${item.negated ? 'P' : 'p'}{${item.name}}`;
  if (item.from === item.to) return printChar(item.from, INSIDE);
  return `${printChar(item.from, INSIDE)}-${printChar(item.to, INSIDE)}`;
}

function printSet(charSet: CharSet): string {
  const resolved = charSet.subtract ? subtract(charSet) : charSet;
  const flat = flatten(resolved);
  if (flat.nested.length === 0) {
    const only = flat.items[0];
    if (!resolved.negated && flat.items.length === 1 && only?.kind === 'range' && only.from === only.to) {
      return printChar(only.from, OUTSIDE);
    }
    return `[${resolved.negated ? '^' : ''}${flat.items.map(printItem).join('')}]`;
  }
  if (resolved.negated) {
    throw new PatternError('a negated class holding \\w, \\i or \\c is not supported', 0);
  }
  const parts = flat.nested.map(printSet);
  if (flat.items.length > 0) parts.unshift(`[${flat.items.map(printItem).join('')}]`);
  return `(?:${parts.join('|')})`;
}

/** A set's own items with non-negated nested sets merged in; negated nested sets stay apart. */
function flatten(charSet: CharSet): { items: Exclude<CharItem, CharSet>[]; nested: CharSet[] } {
  const items: Exclude<CharItem, CharSet>[] = [];
  const nested: CharSet[] = [];
  for (const item of charSet.items) {
    if (item.kind !== 'set') items.push(item);
    else if (!item.negated && !item.subtract) {
      const inner = flatten(item);
      items.push(...inner.items);
      nested.push(...inner.nested);
    } else nested.push(item.subtract ? subtract(item) : item);
  }
  return { items, nested };
}

/** `[base-[minus]]` as plain ranges; only where both sides are ranges. */
function subtract(charSet: CharSet): CharSet {
  const base = flatten({ ...charSet, subtract: undefined, negated: false });
  const minus = charSet.subtract
    ? flatten(charSet.subtract.subtract ? subtract(charSet.subtract) : charSet.subtract)
    : null;
  const rangesOnly = (items: Exclude<CharItem, CharSet>[]) => items.every((i) => i.kind === 'range');
  if (
    !minus ||
    base.nested.length > 0 ||
    minus.nested.length > 0 ||
    !rangesOnly(base.items) ||
    !rangesOnly(minus.items)
  ) {
    throw new PatternError('class subtraction is supported between plain character ranges only', 0);
  }
  let ranges = base.items.map((r) => (r.kind === 'range' ? [r.from, r.to] : [0, -1])) as [number, number][];
  const removed = minus.items.map((r) => (r.kind === 'range' ? [r.from, r.to] : [0, -1])) as [
    number,
    number,
  ][];
  if (charSet.subtract?.negated) {
    // Subtracting a negated class keeps what the class lists.
    ranges = ranges.flatMap(([from, to]) =>
      removed.flatMap(([rf, rt]) =>
        rt < from || rf > to ? [] : [[Math.max(from, rf), Math.min(to, rt)] as [number, number]],
      ),
    );
  } else {
    for (const [rf, rt] of removed) {
      ranges = ranges.flatMap(([from, to]) => {
        if (rt < from || rf > to) return [[from, to] as [number, number]];
        const kept: [number, number][] = [];
        if (rf > from) kept.push([from, rf - 1]);
        if (rt < to) kept.push([rt + 1, to]);
        return kept;
      });
    }
  }
  if (ranges.length === 0) throw new PatternError('class subtraction leaves no character', 0);
  return {
    kind: 'set',
    negated: charSet.negated,
    items: ranges.map(([from, to]) => ({ kind: 'range', from, to })),
  };
}
