/**
 * Which unit test files read the wall calendar. `npm run test:dates` runs the whole suite at the
 * latest calendar instant (where a date written into a test shows), and at the other instants only
 * the files that can tell them apart: those that reach, through their
 * imports, a module reading calendar fields (day, hour, time zone, local formatting, day keys), or
 * that read them themselves.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Reading a calendar field or a day key, local or UTC; elapsed-time arithmetic is not matched. */
export const CALENDAR_READ =
  /Intl\.DateTimeFormat|toLocale(Date|Time)?String\(|getTimezoneOffset|\.get(UTC)?(Day|Date|Hours|Minutes|Month|FullYear)\(|\.set(UTC)?(Date|Hours|Month|FullYear)\(|Date\.UTC\(|new Date\(\s*\w+\s*,|timeZone|toISOString\(\)\.slice\(0, ?10\)|T00:00/;

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\bvi\.mock\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;
const SKIP = new Set(['node_modules', 'dist', '.git', '.data', 'test-results', 'coverage']);

/** Every .ts/.tsx file under `root`, relative to it. */
export function sourceFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (SKIP.has(entry.name)) continue;
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(relative(root, path));
    }
  };
  walk(root);
  return found.sort();
}

/** The file a relative specifier names (`./x.js` is `./x.ts` or `./x.tsx`), or null. */
export function resolveSpecifier(root: string, from: string, specifier: string): string | null {
  const base = resolve(root, dirname(from), specifier);
  const stem = base.replace(/\.(js|jsx|mjs)$/, '');
  for (const candidate of [
    base,
    `${stem}.ts`,
    `${stem}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) {
      return relative(root, candidate);
    }
  }
  return null;
}

/** The relative imports of one file's text. */
export function importsOf(text: string): string[] {
  return [...text.matchAll(SPECIFIER)].flatMap((m) => (m[1] === undefined ? [] : [m[1]]));
}

/**
 * The test files (`*.test.ts(x)`) that read the calendar themselves or through any chain of
 * relative imports: a walk backwards along the import edges from every file that reads it.
 * `read` is injectable so the walk can be tested on a made-up tree.
 */
export function calendarTests(
  root: string,
  read: (file: string) => string = (f) => readFileSync(join(root, f), 'utf8'),
): string[] {
  const importers = new Map<string, string[]>();
  const reached = new Set<string>();
  for (const file of sourceFiles(root)) {
    const text = read(file);
    if (CALENDAR_READ.test(text)) reached.add(file);
    for (const specifier of importsOf(text)) {
      const target = resolveSpecifier(root, file, specifier);
      if (target !== null) importers.set(target, [...(importers.get(target) ?? []), file]);
    }
  }
  const queue = [...reached];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    for (const importer of importers.get(file) ?? []) {
      if (!reached.has(importer)) {
        reached.add(importer);
        queue.push(importer);
      }
    }
  }
  return [...reached].filter((f) => /\.test\.tsx?$/.test(f)).sort();
}
