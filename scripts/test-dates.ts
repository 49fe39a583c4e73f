/**
 * `npm run test:dates`: the suite with the clock moved. Runs the unit suite under Debian's
 * libfaketime at the calendar instants (Europe/Berlin) — whole at the latest, and at the others
 * only the files that read the calendar (scripts/calendar-tests.ts) — then
 * the end-to-end calendar spec, which moves the hub and the kiosk to the same instants. Fails on
 * the first red run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { CALENDAR_INSTANTS, fakeClockEnv, LIBFAKETIME } from '../tests/support/calendar-instants.js';
import { calendarTests } from './calendar-tests.js';

const root = resolve(import.meta.dirname, '..');

/** Every unit test file of the repository (as vitest finds them), relative to the root. */
function testFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (['node_modules', 'dist', '.git', '.data', 'test-results'].includes(entry.name)) continue;
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.test\.tsx?$/.test(entry.name)) found.push(relative(dir, path));
    }
  };
  walk(dir);
  return found.sort();
}
const bin = (name: string) => resolve(root, 'node_modules/.bin', name);

if (!existsSync(LIBFAKETIME)) {
  console.error(
    `test:dates: ${LIBFAKETIME} is missing; install Debian's faketime (apt-get install faketime).`,
  );
  process.exit(1);
}

// The PostgreSQL server keeps the real clock, so a test process with a moved clock would see a
// skewed database rather than another calendar day; the dialect is covered by the normal run.
const env: NodeJS.ProcessEnv = { ...process.env };
delete env['POP_TEST_POSTGRES_URL'];
console.log('test:dates: unit suite on SQLite only (PostgreSQL keeps the real clock)');

// Files that replace a module with vi.mock need a module cache of their own: without isolation
// another file may have loaded the real module first. They run isolated, the rest shared.
const mocking = testFiles(root).filter((file) => /\bvi\.mock\(/.test(readFileSync(join(root, file), 'utf8')));

// A date written into a test (an expiry, a birthday) turns red at the latest instant, whatever the
// file reads; the other instants differ only in calendar fields, so only readers run there.
const calendar = calendarTests(root);
const last = CALENDAR_INSTANTS.reduce((a, b) => (Date.parse(b.at) > Date.parse(a.at) ? b : a));

for (const instant of CALENDAR_INSTANTS) {
  const { name, at } = instant;
  const whole = instant === last;
  const only = whole ? [] : calendar;
  console.log(
    `test:dates: unit suite at ${at} (${name})` +
      (whole ? '' : `, the ${calendar.length} files that read the calendar`),
  );
  const clock = { ...env, ...fakeClockEnv(new Date(at)) };
  // Threads without isolation import each module once per worker instead of once per file,
  // which halves a run; the normal unit run keeps isolation, so a leak between files shows there.
  const shared = spawnSync(
    bin('vitest'),
    [
      'run',
      '--reporter=dot',
      '--pool=threads',
      '--no-isolate',
      ...mocking.flatMap((f) => ['--exclude', f]),
      ...only.filter((f) => !mocking.includes(f)),
    ],
    { cwd: root, stdio: 'inherit', env: clock },
  );
  const isolatedFiles = whole ? mocking : mocking.filter((f) => calendar.includes(f));
  const isolated =
    shared.status === 0 && isolatedFiles.length > 0
      ? spawnSync(bin('vitest'), ['run', '--reporter=dot', ...isolatedFiles], {
          cwd: root,
          stdio: 'inherit',
          env: clock,
        })
      : shared;
  if (isolated.status !== 0) {
    console.error(`test:dates: the unit suite failed at ${at} (${name})`);
    process.exit(isolated.status ?? 1);
  }
}

console.log('test:dates: end-to-end calendar spec at every instant');
const e2e = spawnSync(bin('playwright'), ['test', '--project=dates'], { cwd: root, stdio: 'inherit', env });
process.exit(e2e.status ?? 1);
