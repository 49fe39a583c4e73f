import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findDemoSecrets, PUBLISHED_DEMO_SECRETS } from '../hub/auth/demo-secrets.js';
import { migrateToLatest } from '../hub/db/migrate.js';
import { openDatabase } from '../hub/db/open.js';
import { ensureProviderToken } from '../hub/fleet/provider-auth.js';
import { findRepoRoot } from '../hub/repo-root.js';
import { seedIfEmpty } from '../hub/seed/seed.js';
import { sha256Hex } from '../hub/util/hash.js';
import { DEMO_CLERK_DEFAULT_PASSWORD, DEMO_CLERK_USERNAME, DEMO_PROVIDER_TOKEN } from './demo-credentials.js';
import { DEMO_KEY_DIR } from './demo-keys.js';
import { loadDemoSeed } from './demo-seed.js';

const root = mkdtempSync(join(tmpdir(), 'pop-demo-secrets-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the hub knows every secret the demo publishes', () => {
  it('has the fingerprint of each demo token, key and the demo clerk password', async () => {
    const seed = await loadDemoSeed(findRepoRoot(), {});
    expect(PUBLISHED_DEMO_SECRETS.terminalTokenSha256).toEqual([sha256Hex(seed.terminal.token)]);
    expect(PUBLISHED_DEMO_SECRETS.providerTokenSha256).toEqual([sha256Hex(DEMO_PROVIDER_TOKEN)]);
    expect(PUBLISHED_DEMO_SECRETS.clerk).toEqual({
      username: DEMO_CLERK_USERNAME,
      password: DEMO_CLERK_DEFAULT_PASSWORD,
    });
    const publicKeys = readdirSync(DEMO_KEY_DIR).filter((name) => name.endsWith('.public.jwk.json'));
    expect(publicKeys.length).toBe(seed.content.offices.length);
    const moduli = publicKeys.map(
      (name) => (JSON.parse(readFileSync(join(DEMO_KEY_DIR, name), 'utf8')) as { n: string }).n,
    );
    expect([...PUBLISHED_DEMO_SECRETS.officeKeyModulusSha256].sort()).toEqual(moduli.map(sha256Hex).sort());
  });

  it('finds each of them in a demo database and in the environment, and nothing in an empty one', async () => {
    const { db } = openDatabase({ dataDir: join(root, 'db') });
    try {
      await migrateToLatest(db);
      expect(await findDemoSecrets(db, {})).toEqual([]);
      await seedIfEmpty(db, await loadDemoSeed(findRepoRoot(), {}));
      await ensureProviderToken(db, DEMO_PROVIDER_TOKEN, 'provider', new Date());
      const found = await findDemoSecrets(db, {
        POP_PROVIDER_TOKEN: DEMO_PROVIDER_TOKEN,
        POP_DEMO_CLERK_PASSWORD: 'set',
      });
      expect(found.map((f) => (f.in === 'database' ? f.secret : f.problem))).toEqual([
        'POP_PROVIDER_TOKEN is the demo provider token',
        'POP_DEMO_CLERK_PASSWORD is set',
        'terminal token',
        'provider token',
        'clerk password',
        'office keys',
      ]);
    } finally {
      await db.destroy();
    }
  });
});
