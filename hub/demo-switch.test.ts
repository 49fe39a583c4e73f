import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEMO_CLERK_DEFAULT_PASSWORD,
  DEMO_CLERK_USERNAME,
  DEMO_PROVIDER_TOKEN,
} from '../demo/demo-credentials.js';
import { demoKioskConfig } from '../scripts/kiosk-url.js';
import { API } from '../protocol/api.js';
import { FLEET_API } from '../protocol/fleet.js';
import { openDatabase } from './db/open.js';
import {
  exitWithStderr,
  listeningUrl,
  postgresSchema,
  spawnHub,
  stopHub,
  type HubChild,
} from './testing/hub-cli.js';

const DEMO_TERMINAL_TOKEN = String(demoKioskConfig('http://unused')['terminalToken']);
const root = mkdtempSync(join(tmpdir(), 'pop-demo-switch-'));
const children: HubChild[] = [];
afterAll(async () => {
  await Promise.all(children.map(stopHub));
  rmSync(root, { recursive: true, force: true });
});

function start(args: string[], env: NodeJS.ProcessEnv = {}): HubChild {
  const child = spawnHub(['--port', '0', ...args], env);
  children.push(child);
  return child;
}

/** The status each published demo login gets from a hub at `url`. */
async function demoLogins(url: string): Promise<Record<string, number>> {
  const post = (path: string, body: unknown) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const bearer = (path: string, token: string) =>
    fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return {
    clerkLogin: (
      await post(API.clerkLogin, { username: DEMO_CLERK_USERNAME, password: DEMO_CLERK_DEFAULT_PASSWORD })
    ).status,
    providerLogin: (await post(FLEET_API.providerLogin, { token: DEMO_PROVIDER_TOKEN })).status,
    providerToken: (await bearer(FLEET_API.releases, DEMO_PROVIDER_TOKEN)).status,
    terminalToken: (await bearer(API.content, DEMO_TERMINAL_TOKEN)).status,
  };
}

const TABLES = [
  'clerks',
  'terminals',
  'provider_tokens',
  'content_meta',
  'offices',
  'services',
  'forms',
] as const;

interface Target {
  args: string[];
  location: { dataDir: string; databaseUrl?: string };
  drop(): Promise<void>;
}

const postgresUrl = process.env['POP_TEST_POSTGRES_URL'];
const dialects: [string, () => Promise<Target>][] = [
  [
    'SQLite',
    async () => {
      const dataDir = mkdtempSync(join(root, 'db-'));
      return { args: ['--data-dir', dataDir], location: { dataDir }, drop: async () => undefined };
    },
  ],
];
if (postgresUrl) {
  dialects.push([
    'PostgreSQL',
    async () => {
      const schema = await postgresSchema(postgresUrl);
      return {
        args: ['--database-url', schema.url],
        location: { dataDir: '/nonexistent-unused', databaseUrl: schema.url },
        drop: () => schema.drop(),
      };
    },
  ]);
} else console.log('PostgreSQL demo-switch tests skipped: set POP_TEST_POSTGRES_URL to run them.');

async function rowCounts(location: Target['location']): Promise<Record<string, number>> {
  const { db } = openDatabase(location);
  try {
    const counts: Record<string, number> = {};
    for (const table of TABLES) counts[table] = (await db.selectFrom(table).selectAll().execute()).length;
    return counts;
  } finally {
    await db.destroy();
  }
}

describe.each(dialects)('demo switch on %s', (_name, makeTarget) => {
  it('without --demo an empty database gets nothing, and every demo login is refused', async () => {
    const target = await makeTarget();
    try {
      const hub = start(target.args);
      const url = await listeningUrl(hub);
      expect(await demoLogins(url)).toEqual({
        clerkLogin: 401,
        providerLogin: 401,
        providerToken: 401,
        terminalToken: 401,
      });
      await stopHub(hub);
      expect(await rowCounts(target.location)).toEqual(Object.fromEntries(TABLES.map((t) => [t, 0])));
    } finally {
      await target.drop();
    }
  }, 60_000);

  it('with --demo the demo logins work; without it that database is refused in one line', async () => {
    const target = await makeTarget();
    try {
      const demo = start(['--demo', ...target.args]);
      expect(await demoLogins(await listeningUrl(demo))).toEqual({
        clerkLogin: 200,
        providerLogin: 204,
        providerToken: 200,
        terminalToken: 200,
      });
      await stopHub(demo);

      const { code, stderr } = await exitWithStderr(start(target.args));
      expect(code).toBe(2);
      expect(stderr.trim().split('\n')).toEqual([
        "hub: refusing to start with published demo secrets: the database holds the demo's terminal token, " +
          'provider token, clerk password and office keys. Start with --demo for the demo, or use a database ' +
          'of your own (--data-dir, --database-url).',
      ]);
    } finally {
      await target.drop();
    }
  }, 60_000);
});

describe('demo settings in the environment', () => {
  it('refuses the demo provider token and the demo clerk password variable without --demo', async () => {
    const dataDir = mkdtempSync(join(root, 'env-'));
    const provider = await exitWithStderr(
      start(['--data-dir', dataDir], { POP_PROVIDER_TOKEN: DEMO_PROVIDER_TOKEN }),
    );
    expect(provider.code).toBe(2);
    expect(provider.stderr.trim().split('\n')).toEqual([
      'hub: refusing to start with published demo secrets: POP_PROVIDER_TOKEN is the demo provider token. ' +
        'Give POP_PROVIDER_TOKEN a secret of your own.',
    ]);
    const clerk = await exitWithStderr(start(['--data-dir', dataDir], { POP_DEMO_CLERK_PASSWORD: 'x' }));
    expect(clerk.code).toBe(2);
    expect(clerk.stderr).toMatch(/^hub: refusing to start .*POP_DEMO_CLERK_PASSWORD is set\. Unset/);
  });

  it('takes a provider token of the operator’s own, and nothing else', async () => {
    const dataDir = mkdtempSync(join(root, 'own-'));
    const token = 'an-operators-own-provider-token-0123456789';
    const hub = start(['--data-dir', dataDir], { POP_PROVIDER_TOKEN: token });
    const url = await listeningUrl(hub);
    const own = await fetch(`${url}${FLEET_API.releases}`, { headers: { authorization: `Bearer ${token}` } });
    expect(own.status).toBe(200);
    await stopHub(hub);
    expect(await rowCounts({ dataDir })).toMatchObject({ provider_tokens: 1, clerks: 0, terminals: 0 });
  });
});
