import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../db/migrate.js';
import { openDatabase } from '../../db/open.js';
import type { HubKysely } from '../../db/schema.js';
import { TEST_TENANT } from '../../testing/tenant.js';
import { clerkForIdentity } from './accounts.js';
import type { OidcIdentity } from './role-mapping.js';

const dir = mkdtempSync(join(tmpdir(), 'pop-oidc-accounts-'));
let db: HubKysely;
beforeAll(async () => {
  db = openDatabase({ dataDir: dir }).db;
  await migrateToLatest(db);
  // Accounts belong to a municipality: the hub's only tenant takes an identity without offices there.
  await db
    .insertInto('tenants')
    .values({ ...TEST_TENANT, created_at: new Date().toISOString() })
    .execute();
});
afterAll(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const identity = (admin: boolean): OidcIdentity => ({
  subject: 'https://idp.example#42',
  username: 'erika',
  displayName: 'Erika',
  officeIds: ['buergerbuero'],
  admin,
});
const roleOf = async () =>
  (await db.selectFrom('clerks').select('role').where('username', '=', 'erika').executeTakeFirstOrThrow())
    .role;

describe('accounts of provider identities', () => {
  it('take the admin role from the provider at every sign-in', async () => {
    await clerkForIdentity(db, identity(true), new Date());
    expect(await roleOf()).toBe('admin');
    await clerkForIdentity(db, identity(false), new Date());
    expect(await roleOf()).toBe('clerk');
  });

  it('stay refused once an admin disabled them on the hub', async () => {
    await db
      .updateTable('clerks')
      .set({ disabled_at: new Date().toISOString() })
      .where('username', '=', 'erika')
      .execute();
    await expect(clerkForIdentity(db, identity(false), new Date())).rejects.toThrow(/disabled/);
  });
});
