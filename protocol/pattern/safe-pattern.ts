import { parsePattern, PatternError, type CharItem, type CharSet, type PatternNode } from './parse.js';

/**
 * Patterns from content (FIM schemas, the office's forms) are never run by the browser's
 * backtracking RegExp: a pattern such as `^(a+)+$` takes exponential time there. They are compiled
 * into a Thompson automaton and simulated (a Pike VM without captures), so one test costs at most
 * instructions × (length + 1) steps whatever the pattern, and a step budget caps even that.
 */
export { PatternError } from './parse.js';

/** A pattern compiled into more instructions than this is refused. */
export const MAX_INSTRUCTIONS = 2000;
/**
 * Steps one test may take (a step is one instruction at one character); a longer input counts
 * as not matching. At about 10 ns a step this stays within a few milliseconds on a terminal.
 */
export const STEP_BUDGET = 400_000;

type Instruction =
  | { op: 'char'; test: (code: number) => boolean }
  | { op: 'split'; x: number; y: number }
  | { op: 'jmp'; to: number }
  | { op: 'start' }
  | { op: 'end' }
  | { op: 'match' };

export interface SafePattern {
  readonly source: string;
  readonly instructions: number;
  /** Whether the text contains a match (JSON Schema `pattern` semantics), within the step budget. */
  test(text: string): boolean;
  /** The same, with the steps it took. */
  run(text: string): { matched: boolean; steps: number; overBudget: boolean };
}

const compiled = new Map<string, SafePattern | PatternError>();

/**
 * An ECMAScript pattern (the JSON Schema `pattern` keyword, 'u' flag) compiled for linear-time
 * tests; a PatternError (never thrown) when it is invalid or outside the supported subset.
 */
export function compileSafePattern(source: string): SafePattern | PatternError {
  const cached = compiled.get(source);
  if (cached) return cached;
  let result: SafePattern | PatternError;
  try {
    // The schema's meaning is ECMAScript's: a pattern the browser cannot compile is refused too.
    new RegExp(source, 'u');
    result = build(source, parsePattern(source, 'ecma'));
  } catch (error) {
    result = error instanceof PatternError ? error : new PatternError(String((error as Error).message), 0);
  }
  if (compiled.size > 500) compiled.clear();
  compiled.set(source, result);
  return result;
}

/** Why a form's pattern is refused, or null when the terminal can evaluate it safely. */
export function patternProblem(source: string): string | null {
  const result = compileSafePattern(source);
  return result instanceof PatternError ? result.message : null;
}

function build(source: string, tree: PatternNode): SafePattern {
  const program: Instruction[] = [];
  const emit = (instruction: Instruction) => {
    if (program.length >= MAX_INSTRUCTIONS) {
      throw new PatternError(`pattern needs more than ${MAX_INSTRUCTIONS} automaton states`, 0);
    }
    program.push(instruction);
    return program.length - 1;
  };
  const compile = (node: PatternNode): void => {
    switch (node.kind) {
      case 'char':
        emit({ op: 'char', test: predicate(node.set) });
        return;
      case 'start':
      case 'end':
        emit({ op: node.kind });
        return;
      case 'seq':
        for (const item of node.items) compile(item);
        return;
      case 'alt': {
        const jumps: number[] = [];
        node.items.forEach((item, index) => {
          if (index === node.items.length - 1) {
            compile(item);
            return;
          }
          const split = emit({ op: 'split', x: 0, y: 0 });
          compile(item);
          jumps.push(emit({ op: 'jmp', to: 0 }));
          program[split] = { op: 'split', x: split + 1, y: program.length };
        });
        for (const jump of jumps) program[jump] = { op: 'jmp', to: program.length };
        return;
      }
      case 'repeat': {
        for (let i = 0; i < node.min; i++) compile(node.node);
        if (node.max === null) {
          const split = emit({ op: 'split', x: 0, y: 0 });
          compile(node.node);
          emit({ op: 'jmp', to: split });
          program[split] = { op: 'split', x: split + 1, y: program.length };
          return;
        }
        const splits: number[] = [];
        for (let i = node.min; i < node.max; i++) {
          splits.push(emit({ op: 'split', x: 0, y: 0 }));
          compile(node.node);
        }
        for (const split of splits) program[split] = { op: 'split', x: split + 1, y: program.length };
      }
    }
  };
  compile(tree);
  emit({ op: 'match' });
  const run = (text: string) => simulate(program, text);
  return { source, instructions: program.length, run, test: (text) => run(text).matched };
}

function simulate(
  program: Instruction[],
  text: string,
): { matched: boolean; steps: number; overBudget: boolean } {
  if (text.length > STEP_BUDGET) return { matched: false, steps: 0, overBudget: true };
  const codes = Array.from(text, (c) => c.codePointAt(0) as number);
  const length = codes.length;
  if (program.length * (length + 1) > STEP_BUDGET) return { matched: false, steps: 0, overBudget: true };
  const mark = new Int32Array(program.length).fill(-1);
  let current = new Int32Array(program.length);
  let next = new Int32Array(program.length);
  const stack = new Int32Array(program.length * 2 + 2);
  let steps = 0;
  let matched = false;
  const add = (
    list: Int32Array,
    count: number,
    start: number,
    position: number,
    generation: number,
  ): number => {
    let top = 0;
    stack[top++] = start;
    while (top > 0) {
      const pc = stack[--top] as number;
      if (mark[pc] === generation) continue;
      mark[pc] = generation;
      steps++;
      const instruction = program[pc] as Instruction;
      switch (instruction.op) {
        case 'jmp':
          stack[top++] = instruction.to;
          break;
        case 'split':
          stack[top++] = instruction.y;
          stack[top++] = instruction.x;
          break;
        case 'start':
          if (position === 0) stack[top++] = pc + 1;
          break;
        case 'end':
          if (position === length) stack[top++] = pc + 1;
          break;
        case 'match':
          matched = true;
          break;
        case 'char':
          list[count++] = pc;
      }
    }
    return count;
  };
  let currentCount = add(current, 0, 0, 0, 0);
  for (let position = 0; position < length && !matched; position++) {
    const code = codes[position] as number;
    const generation = position + 1;
    let nextCount = 0;
    for (let i = 0; i < currentCount; i++) {
      const pc = current[i] as number;
      const instruction = program[pc] as Instruction;
      steps++;
      if (instruction.op === 'char' && instruction.test(code)) {
        nextCount = add(next, nextCount, pc + 1, position + 1, generation);
      }
    }
    // Unanchored search: a match may start at any position.
    nextCount = add(next, nextCount, 0, position + 1, generation);
    [current, next] = [next, current];
    currentCount = nextCount;
  }
  return { matched, steps, overBudget: false };
}

const propertyTests = new Map<string, RegExp>();

function propertyTest(name: string): RegExp {
  let test = propertyTests.get(name);
  if (!test) {
    try {
      // One character against one property: constant time, no backtracking possible.
      test = new RegExp(`^\\p{${name}}$`, 'u');
    } catch {
      throw new PatternError(`unknown Unicode property "${name}"`, 0);
    }
    propertyTests.set(name, test);
  }
  return test;
}

function predicate(charSet: CharSet): (code: number) => boolean {
  const tests = charSet.items.map(itemPredicate);
  const subtract = charSet.subtract ? predicate(charSet.subtract) : null;
  return (code) => {
    let inside = false;
    for (const test of tests) {
      if (test(code)) {
        inside = true;
        break;
      }
    }
    if (inside && subtract?.(code)) inside = false;
    return charSet.negated ? !inside : inside;
  };
}

function itemPredicate(item: CharItem): (code: number) => boolean {
  if (item.kind === 'range') return (code) => code >= item.from && code <= item.to;
  if (item.kind === 'set') return predicate(item);
  const test = propertyTest(item.name);
  return (code) => test.test(String.fromCodePoint(code)) !== item.negated;
}
