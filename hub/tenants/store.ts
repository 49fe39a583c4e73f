import type { Tenant, TenantCreate } from '../../protocol/tenants.js';
import { isTenantId, ARS_MESSAGE } from '../../protocol/tenants.js';
import type { HubKysely } from '../db/schema.js';
import { refused } from '../admin/scope.js';

export async function listTenants(db: HubKysely, only?: readonly string[]): Promise<Tenant[]> {
  let query = db.selectFrom('tenants').selectAll().orderBy('id');
  if (only !== undefined) {
    if (only.length === 0) return [];
    query = query.where('id', 'in', [...only]);
  }
  const rows = await query.execute();
  return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at }));
}

export async function tenantExists(db: HubKysely, id: string): Promise<boolean> {
  return (await db.selectFrom('tenants').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** A new municipality with an empty catalog; refused when the ARS is taken. */
export async function createTenant(db: HubKysely, input: TenantCreate, now: string): Promise<Tenant> {
  if (await tenantExists(db, input.id))
    throw refused(409, 'conflict', 'id', `a tenant "${input.id}" exists already`);
  await db.insertInto('tenants').values({ id: input.id, name: input.name, created_at: now }).execute();
  await db
    .insertInto('content_meta')
    .values({
      tenant_id: input.id,
      revision: '',
      municipality: JSON.stringify({ id: input.id, name: input.name }),
      updated_at: now,
    })
    .execute();
  return { id: input.id, name: input.name, createdAt: now };
}

/**
 * The tenant a hub-side command works on: the one it names, or the only one on the hub. Used by
 * commands that ran before tenants existed (xzufi import), so a single-municipality hub needs no flag.
 */
export async function resolveTenant(
  db: HubKysely,
  given: string | undefined,
  field = 'tenant',
): Promise<string> {
  if (given !== undefined) {
    if (!isTenantId(given)) throw refused(400, 'invalid_request', field, ARS_MESSAGE);
    if (!(await tenantExists(db, given)))
      throw refused(404, 'unknown_tenant', field, `there is no tenant "${given}" on this hub`);
    return given;
  }
  const rows = await db.selectFrom('tenants').select('id').limit(2).execute();
  if (rows.length === 1 && rows[0]) return rows[0].id;
  throw refused(
    400,
    'tenant_required',
    field,
    rows.length === 0
      ? 'this hub has no tenant yet: create one first (pop-hub tenants create)'
      : 'this hub runs several municipalities: name one (its ARS)',
  );
}

/** Tables whose rows carry tenant_id (migration 0027); a rename moves them all. */
const TENANT_TABLES = [
  'offices',
  'categories',
  'life_situations',
  'services',
  'forms',
  'content_meta',
  'terminals',
  'clerks',
  'config_releases',
  'enrollment_codes',
  'provider_token_tenants',
] as const;

/**
 * Gives a tenant its real ARS (after a migration put existing data under the placeholder). The
 * audit log keeps the old id on old entries: it is append-only, and they happened under it.
 */
export async function renameTenant(db: HubKysely, from: string, to: string): Promise<void> {
  if (!(await tenantExists(db, from)))
    throw refused(404, 'unknown_tenant', 'from', `there is no tenant "${from}" on this hub`);
  if (await tenantExists(db, to)) throw refused(409, 'conflict', 'to', `a tenant "${to}" exists already`);
  const row = await db.selectFrom('tenants').selectAll().where('id', '=', from).executeTakeFirstOrThrow();
  await db
    .insertInto('tenants')
    .values({ ...row, id: to })
    .execute();
  for (const table of TENANT_TABLES)
    await db
      .updateTable(table as 'offices')
      .set({ tenant_id: to })
      .where('tenant_id', '=', from)
      .execute();
  await db.deleteFrom('tenants').where('id', '=', from).execute();
}

/** The ids of a tenant's offices (unique on the hub), for filtering what carries only an office id. */
export async function officeIdsOf(db: HubKysely, tenantId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('offices').select('id').where('tenant_id', '=', tenantId).execute();
  return new Set(rows.map((r) => r.id));
}

export async function terminalIdsOf(db: HubKysely, tenantId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('terminals').select('id').where('tenant_id', '=', tenantId).execute();
  return new Set(rows.map((r) => r.id));
}

export async function formIdsOf(db: HubKysely, tenantId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('forms').select('id').where('tenant_id', '=', tenantId).execute();
  return new Set(rows.map((r) => r.id));
}
