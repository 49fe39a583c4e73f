import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentSnapshot } from '../protocol/content.js';
import { verifyPassword } from '../hub/auth/passwords.js';
import { contentRevision, readSnapshot } from '../hub/content/store.js';
import { migrateToLatest } from '../hub/db/migrate.js';
import { openDatabase } from '../hub/db/open.js';
import type { HubKysely } from '../hub/db/schema.js';
import { findRepoRoot } from '../hub/repo-root.js';
import { sha256Hex } from '../hub/util/hash.js';
import { demoContent } from './demo-content.js';
import {
  DEMO_CLERK_DEFAULT_PASSWORD,
  DEMO_CLERK_PASSWORD_ENV,
  DEMO_CLERK_USERNAME,
  demoClerkPassword,
} from './demo-credentials.js';
import { seedIfEmpty } from '../hub/seed/seed.js';
import { DEMO_TENANT, loadDemoSeed } from './demo-seed.js';

const root = mkdtempSync(join(tmpdir(), 'pop-hub-seed-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const repoRoot = findRepoRoot();
const demoConfig = JSON.parse(readFileSync(join(repoRoot, 'demo', 'kiosk-config.json'), 'utf8')) as {
  terminalId: string;
  terminalToken: string;
};

async function boot(dataDir: string): Promise<{ db: HubKysely; seeded: boolean }> {
  const { db } = openDatabase({ dataDir });
  await migrateToLatest(db);
  return { db, seeded: await seedIfEmpty(db, await loadDemoSeed(repoRoot, {})) };
}

async function counts(db: HubKysely): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of [
    'services',
    'forms',
    'offices',
    'terminals',
    'clerks',
    'content_meta',
    'submissions',
  ] as const) {
    result[table] = (await db.selectFrom(table).selectAll().execute()).length;
  }
  return result;
}

describe('first start', () => {
  it('seeds the demo municipality, the demo terminal and the demo clerk; the second start keeps all data', async () => {
    const dataDir = join(root, 'demo');
    const first = await boot(dataDir);
    expect(first.seeded).toBe(true);

    const snapshot = await readSnapshot(first.db, DEMO_TENANT.id);
    expect(ContentSnapshot.safeParse(snapshot).success).toBe(true);
    expect(snapshot?.revision).toBe(contentRevision(demoContent));
    expect(snapshot?.services.map((s) => s.id)).toEqual(demoContent.services.map((s) => s.id));

    const terminal = await first.db.selectFrom('terminals').selectAll().executeTakeFirstOrThrow();
    expect(terminal.id).toBe(demoConfig.terminalId);
    expect(terminal.token_hash).toBe(sha256Hex(demoConfig.terminalToken));

    const clerk = await first.db.selectFrom('clerks').selectAll().executeTakeFirstOrThrow();
    expect(clerk.username).toBe(DEMO_CLERK_USERNAME);
    expect(clerk.display_name).toBe('Erika Musterfrau');
    expect(JSON.parse(clerk.office_ids)).toEqual(demoContent.offices.map((o) => o.id));
    expect(await verifyPassword(DEMO_CLERK_DEFAULT_PASSWORD, clerk.password_hash)).toBe(true);

    // Something the town hall changed after the first start must survive the next one.
    await first.db.updateTable('clerks').set({ display_name: 'Renamed' }).execute();
    const before = await counts(first.db);
    await first.db.destroy();

    const second = await boot(dataDir);
    expect(second.seeded).toBe(false);
    expect(await counts(second.db)).toEqual(before);
    const renamed = await second.db.selectFrom('clerks').select('display_name').executeTakeFirstOrThrow();
    expect(renamed.display_name).toBe('Renamed');
    await second.db.destroy();
  });

  it('refuses invalid seed content with a message naming the problem, and writes nothing', async () => {
    const { db } = openDatabase({ dataDir: join(root, 'invalid') });
    await migrateToLatest(db);
    const seed = await loadDemoSeed(repoRoot, {});
    const badOffice = {
      ...seed.content.offices[0],
      email: 'not-an-email',
    } as (typeof seed.content.offices)[number];
    await expect(
      seedIfEmpty(db, { ...seed, content: { ...seed.content, offices: [badOffice] } }),
    ).rejects.toThrow(/not a valid ContentSnapshot.*offices\.0\.email/);
    expect(await db.selectFrom('content_meta').selectAll().execute()).toEqual([]);
    await db.destroy();
  });
});

describe('demo clerk password', () => {
  it('comes from the environment when set, else the printed default', () => {
    expect(demoClerkPassword({ [DEMO_CLERK_PASSWORD_ENV]: 'from-env' })).toBe('from-env');
    expect(demoClerkPassword({ [DEMO_CLERK_PASSWORD_ENV]: '' })).toBe(DEMO_CLERK_DEFAULT_PASSWORD);
    expect(demoClerkPassword({})).toBe(DEMO_CLERK_DEFAULT_PASSWORD);
  });
});

describe('contentRevision', () => {
  it('is the same for the same content and changes with it', () => {
    expect(contentRevision(demoContent)).toBe(contentRevision(structuredClone(demoContent)));
    expect(contentRevision({ ...demoContent, municipality: { id: 'x', name: 'X' } })).not.toBe(
      contentRevision(demoContent),
    );
  });
});
