import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open.js';
import { sha256Hex } from '../util/hash.js';
import { tenantsCommand } from './cli.js';

const root = mkdtempSync(join(tmpdir(), 'pop-tenants-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function run(command: 'tenants' | 'provider-tokens', args: string[], dataDir: string) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await tenantsCommand(
    command,
    [...args, '--data-dir', dataDir],
    (line) => out.push(line),
    (line) => err.push(line),
    () => new Date('2026-11-01T00:00:00.000Z'),
  );
  return { status, out, err: err.join('\n') };
}

describe('pop-hub tenants and provider-tokens', () => {
  it('creates, lists and renames tenants, and issues a token for one', async () => {
    const dir = join(root, 'ok');
    expect((await run('tenants', ['create', '146270010010', '--name', 'Altstadt'], dir)).status).toBe(0);
    expect((await run('tenants', ['rename', '146270010010', '146270010011'], dir)).status).toBe(0);
    const listed = await run('tenants', ['list'], dir);
    expect(listed.out).toEqual(['146270010011\tAltstadt\t2026-11-01T00:00:00.000Z']);
    const issued = await run('provider-tokens', ['issue', '--name', 'Ada', '--tenant', '146270010011'], dir);
    expect(issued.status).toBe(0);
    const token = issued.out[1] ?? '';
    const { db } = openDatabase({ dataDir: dir });
    const rows = await db
      .selectFrom('provider_token_tenants')
      .innerJoin('provider_tokens', 'provider_tokens.token_hash', 'provider_token_tenants.token_hash')
      .select(['name', 'operator', 'tenant_id'])
      .where('provider_tokens.token_hash', '=', sha256Hex(token))
      .execute();
    await db.destroy();
    expect(rows).toEqual([{ name: 'Ada', operator: 0, tenant_id: '146270010011' }]);
  });

  it('refuses a malformed ARS, an unknown tenant and a taken ARS in one line naming the field', async () => {
    const dir = join(root, 'bad');
    const malformed = await run('tenants', ['create', '1462', '--name', 'X'], dir);
    expect([malformed.status, malformed.err.split('\n')[0]]).toEqual([
      2,
      'pop-hub: ARS: must be an Amtlicher Regionalschlüssel: 12 digits, e.g. 146270010010',
    ]);
    const unknown = await run('provider-tokens', ['issue', '--name', 'Ada', '--tenant', '146270010010'], dir);
    expect([unknown.status, unknown.err]).toEqual([
      1,
      'pop-hub: provider-tokens issue failed: --tenant: there is no tenant "146270010010"',
    ]);
    expect((await run('tenants', ['create', '146270010010', '--name', 'A'], dir)).status).toBe(0);
    const taken = await run('tenants', ['create', '146270010010', '--name', 'B'], dir);
    expect([taken.status, taken.err]).toEqual([
      1,
      'pop-hub: tenants create failed: id: a tenant "146270010010" exists already',
    ]);
    expect((await run('tenants', ['list'], dir)).out).toEqual(['146270010010\tA\t2026-11-01T00:00:00.000Z']);
  });
});
