import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import { seedIfEmpty } from '../seed/seed.js';
import { testSeed } from '../testing/test-hub.js';
import { importXzufiCommand } from './cli.js';

const root = mkdtempSync(join(tmpdir(), 'pop-xzufi-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const v1 = join(import.meta.dirname, '../../tests/fixtures/xzufi/lindenau-v1.xml');

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await importXzufiCommand(
    args,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { status, out: out.join('\n'), err: err.join('\n') };
}

describe('pop-hub import-xzufi', () => {
  it('refuses bad options and files in one line, before touching a database', async () => {
    expect(await run([v1])).toMatchObject({
      status: 2,
      err: expect.stringMatching(/^pop-hub: --category must name/),
    });
    expect(await run([v1, '--category', 'test', '--office', 'nonsense'])).toMatchObject({
      status: 2,
      err: expect.stringMatching(/^pop-hub: --office "nonsense" must be <unit-id>=<office-id>/),
    });
    const html = join(root, 'page.html');
    writeFileSync(html, '<html><body>kein XZuFi</body></html>');
    expect(await run([html, '--category', 'test'])).toMatchObject({
      status: 2,
      err: `pop-hub: ${html}: unknown namespace (none) of <html>: this importer reads XZuFi 2.2.0 (http://xoev.de/schemata/xzufi/2_2_0)`,
    });
    expect(await run([v1, '--category', 'test', '--data-dir', join(root, 'empty')])).toMatchObject({
      status: 2,
      err: `pop-hub: no hub database in ${join(root, 'empty')} (give --data-dir or --database-url)`,
    });
  });

  it('imports, reports what it could not, and refuses an unknown office without changing anything', async () => {
    const dataDir = join(root, 'hub');
    const { db } = openDatabase({ dataDir });
    await migrateToLatest(db);
    await seedIfEmpty(db, testSeed, new Date('2026-09-01T00:00:00.000Z'));
    await db.destroy();
    const refused = await run([
      v1,
      '--category',
      'test',
      '--office',
      'OE-ORDNUNGSAMT=kein-amt',
      '--data-dir',
      dataDir,
    ]);
    expect(refused).toMatchObject({
      status: 2,
      err: 'pop-hub: import-xzufi refused: office: no office "kein-amt" on this hub; nothing was changed',
    });
    const dry = await run([
      v1,
      '--category',
      'test',
      '--office',
      'OE-ORDNUNGSAMT=standesamt',
      '--data-dir',
      dataDir,
      '--dry-run',
    ]);
    expect(dry.out).toContain('dry run: nothing was changed');
    const done = await run([
      v1,
      '--category',
      'test',
      '--office',
      'OE-ORDNUNGSAMT=standesamt',
      '--data-dir',
      dataDir,
    ]);
    expect(done.status).toBe(1);
    expect(done.out).toMatch(/^2 added, 0 updated, 0 unchanged, 0 withdrawn; offices updated: standesamt$/m);
    expect(done.out).toContain('1 not imported (what the catalog has of them was kept):');
    expect(done.out).toMatch(/^new content revision [0-9a-f]{24}$/m);
  });
});
