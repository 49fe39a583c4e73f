import type { MunicipalitySettings, OfficeCreate, OfficeFields, OfficeKeyAdd } from '../../protocol/admin.js';
import { Office, type OfficeKey } from '../../protocol/catalog.js';
import type { ContentSnapshot } from '../../protocol/content.js';
import { readMeta, refreshRevision } from '../content/store.js';
import type { HubKysely } from '../db/schema.js';
import { recordAudit } from './audit.js';
import { checkOfficePublicKey } from './office-key-check.js';
import { refused, type AdminScope } from './scope.js';

type Municipality = ContentSnapshot['municipality'];

/** The tenant's catalog row; a new tenant gets an empty one, so administration can start it. */
export async function ensureCatalog(db: HubKysely, tenantId: string, now: string): Promise<Municipality> {
  const meta = await readMeta(db, tenantId);
  if (meta) return meta.municipality;
  const municipality = await emptyMunicipality(db, tenantId);
  await db
    .insertInto('content_meta')
    .values({
      tenant_id: tenantId,
      revision: '',
      municipality: JSON.stringify(municipality),
      updated_at: now,
    })
    .execute();
  return municipality;
}

async function emptyMunicipality(db: HubKysely, tenantId: string): Promise<Municipality> {
  const tenant = await db.selectFrom('tenants').select('name').where('id', '=', tenantId).executeTakeFirst();
  return { id: tenantId, name: tenant?.name ?? '' };
}

export async function readMunicipality(db: HubKysely, tenantId: string): Promise<Municipality> {
  return (await readMeta(db, tenantId))?.municipality ?? (await emptyMunicipality(db, tenantId));
}

export async function setMunicipality(
  db: HubKysely,
  scope: AdminScope,
  settings: MunicipalitySettings,
): Promise<Municipality> {
  const before = await ensureCatalog(db, scope.tenantId, scope.now);
  const after = { ...before, name: settings.name };
  await db
    .updateTable('content_meta')
    .set({ municipality: JSON.stringify(after), updated_at: scope.now })
    .where('tenant_id', '=', scope.tenantId)
    .execute();
  await refreshRevision(db, scope.tenantId, scope.now);
  await recordAudit(db, scope, 'municipality.update', 'municipality', before, after);
  return after;
}

export async function listOffices(db: HubKysely, tenantId: string): Promise<Office[]> {
  const rows = await db
    .selectFrom('offices')
    .select('document')
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map((row) => JSON.parse(row.document) as Office);
}

export async function liveOffice(db: HubKysely, tenantId: string, id: string): Promise<Office | undefined> {
  const row = await db
    .selectFrom('offices')
    .select('document')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row && (JSON.parse(row.document) as Office);
}

async function officeOr404(db: HubKysely, tenantId: string, id: string): Promise<Office> {
  const office = await liveOffice(db, tenantId, id);
  if (!office) throw refused(404, 'not_found', 'officeId', `there is no office "${id}"`);
  return office;
}

/** A checked key with its kid; `field` prefixes the names in refusals (encryptionKey. on create). */
async function newKey(db: HubKysely, tenantId: string, add: OfficeKeyAdd, field: string): Promise<OfficeKey> {
  const check = checkOfficePublicKey(add.jwk);
  if (!check.ok) throw refused(400, 'invalid_key', `${field}${check.field}`, check.message);
  const kid = add.kid ?? add.jwk.kid;
  if (kid === undefined || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/.test(kid))
    throw refused(
      400,
      'invalid_key',
      `${field}kid`,
      'give the key a kid (office-keygen writes one into the JWK)',
    );
  // A kid names one key on the whole hub: a submission's key_id must not be ambiguous.
  for (const { office, tenant } of await allOffices(db))
    if (office.encryptionKeys.some((key) => key.kid === kid))
      throw refused(
        409,
        'conflict',
        `${field}kid`,
        tenant === tenantId
          ? `the key "${kid}" is already on office "${office.id}"`
          : `the key "${kid}" is already in use on this hub`,
      );
  return { kid, status: 'current', jwk: { ...check.jwk, kid } };
}

async function allOffices(db: HubKysely): Promise<{ office: Office; tenant: string }[]> {
  const rows = await db.selectFrom('offices').select(['document', 'tenant_id']).execute();
  return rows.map((row) => ({ office: JSON.parse(row.document) as Office, tenant: row.tenant_id }));
}

async function writeOffice(db: HubKysely, tenantId: string, office: Office, now: string): Promise<void> {
  await db
    .updateTable('offices')
    .set({ document: JSON.stringify(Office.parse(office)), updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', office.id)
    .execute();
  await refreshRevision(db, tenantId, now);
}

export async function createOffice(db: HubKysely, scope: AdminScope, input: OfficeCreate): Promise<Office> {
  const { id, encryptionKey, ...fields } = input;
  // Office ids are unique on the whole hub: submissions and calls name only the office.
  const taken = await db.selectFrom('offices').select('tenant_id').where('id', '=', id).executeTakeFirst();
  if (taken)
    throw refused(
      409,
      'conflict',
      'id',
      taken.tenant_id === scope.tenantId
        ? `an office "${id}" exists already`
        : `an office "${id}" exists already on this hub (office ids are unique across municipalities)`,
    );
  await ensureCatalog(db, scope.tenantId, scope.now);
  const key = await newKey(db, scope.tenantId, encryptionKey, 'encryptionKey.');
  const office = Office.parse({ id, ...fields, encryptionKeys: [key], updatedAt: scope.now });
  const last = await db
    .selectFrom('offices')
    .select(({ fn }) => fn.max('position').as('max'))
    .where('tenant_id', '=', scope.tenantId)
    .executeTakeFirst();
  await db
    .insertInto('offices')
    .values({
      tenant_id: scope.tenantId,
      id,
      position: Number(last?.max ?? -1) + 1,
      document: JSON.stringify(office),
      updated_at: scope.now,
      deleted_at: null,
    })
    .execute();
  await refreshRevision(db, scope.tenantId, scope.now);
  await recordAudit(db, scope, 'office.create', `office:${id}`, null, office);
  return office;
}

export async function updateOffice(
  db: HubKysely,
  scope: AdminScope,
  id: string,
  fields: OfficeFields,
): Promise<Office> {
  const before = await officeOr404(db, scope.tenantId, id);
  const after = { ...before, ...fields, updatedAt: scope.now };
  await writeOffice(db, scope.tenantId, after, scope.now);
  await recordAudit(db, scope, 'office.update', `office:${id}`, before, after);
  return after;
}

/** The new key becomes current; the previous current one is retired, so queued applications still land. */
export async function addOfficeKey(
  db: HubKysely,
  scope: AdminScope,
  id: string,
  add: OfficeKeyAdd,
): Promise<Office> {
  const before = await officeOr404(db, scope.tenantId, id);
  const key = await newKey(db, scope.tenantId, add, '');
  const retired = before.encryptionKeys.map((k) => ({ ...k, status: 'retired' as const }));
  const after = { ...before, encryptionKeys: [key, ...retired], updatedAt: scope.now };
  await writeOffice(db, scope.tenantId, after, scope.now);
  await recordAudit(
    db,
    scope,
    'office.key.add',
    `office:${id}/key:${key.kid}`,
    keysOf(before),
    keysOf(after),
  );
  return after;
}

/** Applications a clerk has not finished yet: their private key must stay in use. */
const OPEN_STATUSES = ['received', 'in-progress'] as const;

export async function removeOfficeKey(
  db: HubKysely,
  scope: AdminScope,
  id: string,
  kid: string,
): Promise<Office> {
  const before = await officeOr404(db, scope.tenantId, id);
  const key = before.encryptionKeys.find((k) => k.kid === kid);
  if (!key) throw refused(404, 'not_found', 'kid', `office "${id}" has no key "${kid}"`);
  if (key.status === 'current')
    throw refused(409, 'conflict', 'kid', 'the current key cannot be removed: add a new key first');
  const open = await db
    .selectFrom('submissions')
    .select(({ fn }) => fn.countAll<string | number>().as('count'))
    .where('office_id', '=', id)
    .where('key_id', '=', kid)
    .where('status', 'in', [...OPEN_STATUSES])
    .executeTakeFirst();
  const count = Number(open?.count ?? 0);
  if (count > 0)
    throw refused(409, 'conflict', 'kid', `${count} unfinished applications are encrypted to this key`);
  const after = {
    ...before,
    encryptionKeys: before.encryptionKeys.filter((k) => k.kid !== kid),
    updatedAt: scope.now,
  };
  await writeOffice(db, scope.tenantId, after, scope.now);
  await recordAudit(db, scope, 'office.key.remove', `office:${id}/key:${kid}`, keysOf(before), keysOf(after));
  return after;
}

const keysOf = (office: Office) => ({
  encryptionKeys: office.encryptionKeys.map(({ kid, status }) => ({ kid, status })),
});
