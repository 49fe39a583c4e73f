/**
 * bench:fim-hostile — how long the FIM importer takes to refuse each hostile file of
 * hub/fim/hostile-inputs.ts (the unit tests build the same files and check the one-line
 * messages), and how long the terminal's pattern engine takes for ^(a+)+$ on 10,000 characters
 * (a backtracking engine needs 2^10000 steps). Building an input is not timed, the refusal is.
 * Prints one line per file and its figures as one JSON line last; exits 1 when a file is not
 * refused cleanly.
 */
import { compileSafePattern } from '../protocol/pattern/safe-pattern.js';
import { HOSTILE_FILES } from '../hub/fim/hostile-inputs.js';
import { FimError, importFimBytes, importFimXml, XmlError } from '../hub/fim/import.js';

const options = { formId: 'bench', officeId: 'buergerbuero', updatedAt: '2026-01-01T00:00:00.000Z' };
const LIMIT_MS = 1000;
const PATTERN_LIMIT_MS = 5;

const files: { name: string; ms: number; refused: boolean; message: string }[] = [];
for (const { name, build } of HOSTILE_FILES) {
  const input = build();
  const started = performance.now();
  let refused = false;
  let message: string;
  try {
    if (typeof input === 'string') importFimXml(input, options);
    else importFimBytes(input, options);
    message = 'accepted';
  } catch (error) {
    message = (error as Error).message;
    refused = (error instanceof FimError || error instanceof XmlError) && !message.includes('\n');
  }
  const ms = performance.now() - started;
  files.push({ name, ms, refused, message });
  console.log(
    `${name}: ${refused ? 'refused' : 'NOT REFUSED CLEANLY'} in ${ms.toFixed(1)} ms: ${message.slice(0, 120)}`,
  );
}

const pattern = compileSafePattern('^(a+)+$');
if (pattern instanceof Error) throw pattern;
const patternRuns: number[] = [];
let answersRight = true;
for (let i = 0; i < 20; i++) {
  const input = i % 2 === 0 ? 'a'.repeat(10_000) : `${'a'.repeat(9_999)}b`;
  const started = performance.now();
  const matched = pattern.test(input);
  patternRuns.push(performance.now() - started);
  answersRight &&= matched === (i % 2 === 0);
}
// The first runs include compiling and warming up; the median is what a terminal sees.
const patternMs = [...patternRuns].sort((a, b) => a - b)[Math.floor(patternRuns.length / 2)] ?? 0;
const patternMaxMs = Math.max(...patternRuns);
console.log(
  `^(a+)+$ on 10,000 characters: median ${patternMs.toFixed(2)} ms, max ${patternMaxMs.toFixed(2)} ms, answers ${answersRight ? 'right' : 'WRONG'}`,
);

const maxMs = Math.max(...files.map((f) => f.ms));
const allRefused = files.every((f) => f.refused);
const round = (ms: number) => Math.round(ms * 100) / 100;
console.log(
  JSON.stringify({
    files: files.length,
    allRefused,
    maxRefusalMs: round(maxMs),
    refusalsUnder1000Ms: maxMs < LIMIT_MS,
    slowest: files.find((f) => f.ms === maxMs)?.name,
    redosPatternMedianMs: round(patternMs),
    redosPatternMaxMs: round(patternMaxMs),
    redosUnder5Ms: patternMs < PATTERN_LIMIT_MS,
    redosAnswersRight: answersRight,
  }),
);
if (!allRefused || !answersRight) process.exitCode = 1;
