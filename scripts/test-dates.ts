/**
 * `npm run test:dates`: the suite with the clock moved. Runs the unit suite under Debian's
 * libfaketime at each of the calendar instants (Europe/Berlin), then the end-to-end calendar spec,
 * which moves the hub and the kiosk to the same instants. Fails on the first red run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CALENDAR_INSTANTS, fakeClockEnv, LIBFAKETIME } from '../tests/support/calendar-instants.js';

const root = resolve(import.meta.dirname, '..');
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

for (const { name, at } of CALENDAR_INSTANTS) {
  console.log(`test:dates: unit suite at ${at} (${name})`);
  // Threads without isolation import each module once per worker instead of once per file,
  // which halves a run; the normal unit run keeps isolation, so a leak between files shows there.
  const run = spawnSync(bin('vitest'), ['run', '--reporter=dot', '--pool=threads', '--no-isolate'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...env, ...fakeClockEnv(new Date(at)) },
  });
  if (run.status !== 0) {
    console.error(`test:dates: the unit suite failed at ${at} (${name})`);
    process.exit(run.status ?? 1);
  }
}

console.log('test:dates: end-to-end calendar spec at every instant');
const e2e = spawnSync(bin('playwright'), ['test', '--project=dates'], { cwd: root, stdio: 'inherit', env });
process.exit(e2e.status ?? 1);
