import type { Office } from '../../protocol/catalog.js';
import type { HubKysely } from '../db/schema.js';
import { PROVIDER_TOKEN_ENV } from '../fleet/provider-auth.js';
import { sha256Hex } from '../util/hash.js';
import { verifyPassword } from './passwords.js';

/**
 * What the demo (demo/) publishes, as fingerprints: the hub checks for them without loading any
 * demo code. Tokens by SHA-256 (as the database stores them), office keys by the SHA-256 of the
 * RSA modulus; the demo clerk's password is printed by `npm start`, so it is no secret here either.
 * demo/demo-secrets.test.ts keeps this list equal to the demo material.
 */
export const PUBLISHED_DEMO_SECRETS = {
  terminalTokenSha256: ['590a7c45ebe0b1213688c4918a2bd81cd8becbd63cef80afcbb9e72ba504f124'],
  providerTokenSha256: ['732f2f32ad9d38eb9d45471f33a02217bae0c8d9d6e2deda0c54d3a1faa37f86'],
  clerk: { username: 'clerk', password: 'lindenau-demo' },
  officeKeyModulusSha256: [
    '5cd20df9e3d6d5a5b8e0ef3c962cb1b52eba29f033968c62dd60ad97a5c17562',
    '359db7be02c0260d7516203e461c7ee1a6cc0a299d1230ac42eebc0439eb460a',
    '860fb0e35691cd5485e833c39fc5f2c6293925a1b859a37dae275560a0ab7b1b',
    '5d420786017eb3ef0d1455d654a9da42e8c41d869a8316210b81266f9e7e1747',
  ],
} as const;

/** Only a demo hub reads it; anywhere else it is a demo setting left over. */
export const DEMO_ONLY_ENV = ['POP_DEMO_CLERK_PASSWORD'] as const;

/** A published demo secret a hub is configured with: in a variable, or in its database. */
export type DemoSecretFinding =
  { in: 'environment'; problem: string; fix: string } | { in: 'database'; secret: string };

const isOneOf = (list: readonly string[], value: string) => list.includes(value);
const inDatabase = (secret: string): DemoSecretFinding => ({ in: 'database', secret });

/** Every published demo secret this hub is configured with; empty for a hub of its own. */
export async function findDemoSecrets(db: HubKysely, env: NodeJS.ProcessEnv): Promise<DemoSecretFinding[]> {
  const found: DemoSecretFinding[] = [];
  const providerToken = env[PROVIDER_TOKEN_ENV];
  if (providerToken && isOneOf(PUBLISHED_DEMO_SECRETS.providerTokenSha256, sha256Hex(providerToken)))
    found.push({
      in: 'environment',
      problem: `${PROVIDER_TOKEN_ENV} is the demo provider token`,
      fix: `give ${PROVIDER_TOKEN_ENV} a secret of your own`,
    });
  for (const name of DEMO_ONLY_ENV)
    if (env[name])
      found.push({ in: 'environment', problem: `${name} is set`, fix: `unset ${name} (demo only)` });

  const terminal = await db
    .selectFrom('terminals')
    .select('id')
    .where('token_hash', 'in', [...PUBLISHED_DEMO_SECRETS.terminalTokenSha256])
    .executeTakeFirst();
  if (terminal) found.push(inDatabase('terminal token'));
  const provider = await db
    .selectFrom('provider_tokens')
    .select('name')
    .where('token_hash', 'in', [...PUBLISHED_DEMO_SECRETS.providerTokenSha256])
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (provider) found.push(inDatabase('provider token'));
  const clerk = await db
    .selectFrom('clerks')
    .select('password_hash')
    .where('username', '=', PUBLISHED_DEMO_SECRETS.clerk.username)
    .executeTakeFirst();
  if (clerk && (await verifyPassword(PUBLISHED_DEMO_SECRETS.clerk.password, clerk.password_hash)))
    found.push(inDatabase('clerk password'));
  const offices = await db.selectFrom('offices').select('document').where('deleted_at', 'is', null).execute();
  const demoKeyed = offices.some((row) =>
    (JSON.parse(row.document) as Office).encryptionKeys.some((key) =>
      isOneOf(PUBLISHED_DEMO_SECRETS.officeKeyModulusSha256, sha256Hex(key.jwk.n)),
    ),
  );
  if (demoKeyed) found.push(inDatabase('office keys'));
  return found;
}

const listed = (items: string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** The one line a hub prints when it refuses to start with demo secrets. */
export function demoSecretsMessage(found: readonly DemoSecretFinding[]): string {
  const problems: string[] = [];
  const fixes: string[] = [];
  for (const finding of found)
    if (finding.in === 'environment') {
      problems.push(finding.problem);
      fixes.push(finding.fix);
    }
  const secrets = found.flatMap((finding) => (finding.in === 'database' ? [finding.secret] : []));
  if (secrets.length > 0) {
    problems.push(`the database holds the demo's ${listed(secrets)}`);
    fixes.push('start with --demo for the demo, or use a database of your own (--data-dir, --database-url)');
  }
  const fix = fixes.join('; ');
  return `refusing to start with published demo secrets: ${problems.join('; ')}. ${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`;
}
