import type { MunicipalitySettings, OfficeCreate, OfficeFields, OfficeKeyAdd } from '../../protocol/admin.js';
import { Office, type OfficeKey } from '../../protocol/catalog.js';
import type { ContentSnapshot } from '../../protocol/content.js';
import { readMeta, refreshRevision } from '../content/store.js';
import type { HubKysely } from '../db/schema.js';
import { recordAudit } from './audit.js';
import { checkOfficePublicKey } from './office-key-check.js';
import { refused, type AdminScope } from './scope.js';

type Municipality = ContentSnapshot['municipality'];

/** The catalog row; a hub that was never seeded gets an empty one, so administration can start it. */
export async function ensureCatalog(db: HubKysely, now: string): Promise<Municipality> {
  const meta = await readMeta(db);
  if (meta) return meta.municipality;
  const municipality = { id: 'municipality', name: '' };
  await db
    .insertInto('content_meta')
    .values({ id: 1, revision: '', municipality: JSON.stringify(municipality), updated_at: now })
    .execute();
  return municipality;
}

export async function readMunicipality(db: HubKysely): Promise<Municipality> {
  return (await readMeta(db))?.municipality ?? { id: 'municipality', name: '' };
}

export async function setMunicipality(
  db: HubKysely,
  scope: AdminScope,
  settings: MunicipalitySettings,
): Promise<Municipality> {
  const before = await ensureCatalog(db, scope.now);
  const after = { ...before, name: settings.name };
  await db
    .updateTable('content_meta')
    .set({ municipality: JSON.stringify(after), updated_at: scope.now })
    .where('id', '=', 1)
    .execute();
  await refreshRevision(db, scope.now);
  await recordAudit(db, scope, 'municipality.update', 'municipality', before, after);
  return after;
}

export async function listOffices(db: HubKysely): Promise<Office[]> {
  const rows = await db
    .selectFrom('offices')
    .select('document')
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map((row) => JSON.parse(row.document) as Office);
}

export async function liveOffice(db: HubKysely, id: string): Promise<Office | undefined> {
  const row = await db
    .selectFrom('offices')
    .select('document')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row && (JSON.parse(row.document) as Office);
}

async function officeOr404(db: HubKysely, id: string): Promise<Office> {
  const office = await liveOffice(db, id);
  if (!office) throw refused(404, 'not_found', 'officeId', `there is no office "${id}"`);
  return office;
}

/** A checked key with its kid; `field` prefixes the names in refusals (encryptionKey. on create). */
async function newKey(db: HubKysely, add: OfficeKeyAdd, field: string): Promise<OfficeKey> {
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
  for (const office of await allOffices(db))
    if (office.encryptionKeys.some((key) => key.kid === kid))
      throw refused(409, 'conflict', `${field}kid`, `the key "${kid}" is already on office "${office.id}"`);
  return { kid, status: 'current', jwk: { ...check.jwk, kid } };
}

async function allOffices(db: HubKysely): Promise<Office[]> {
  const rows = await db.selectFrom('offices').select('document').execute();
  return rows.map((row) => JSON.parse(row.document) as Office);
}

async function writeOffice(db: HubKysely, office: Office, now: string): Promise<void> {
  await db
    .updateTable('offices')
    .set({ document: JSON.stringify(Office.parse(office)), updated_at: now })
    .where('id', '=', office.id)
    .execute();
  await refreshRevision(db, now);
}

export async function createOffice(db: HubKysely, scope: AdminScope, input: OfficeCreate): Promise<Office> {
  const { id, encryptionKey, ...fields } = input;
  const taken = await db.selectFrom('offices').select('id').where('id', '=', id).executeTakeFirst();
  if (taken) throw refused(409, 'conflict', 'id', `an office "${id}" exists already`);
  await ensureCatalog(db, scope.now);
  const key = await newKey(db, encryptionKey, 'encryptionKey.');
  const office = Office.parse({ id, ...fields, encryptionKeys: [key], updatedAt: scope.now });
  const last = await db
    .selectFrom('offices')
    .select(({ fn }) => fn.max('position').as('max'))
    .executeTakeFirst();
  await db
    .insertInto('offices')
    .values({
      id,
      position: Number(last?.max ?? -1) + 1,
      document: JSON.stringify(office),
      updated_at: scope.now,
      deleted_at: null,
    })
    .execute();
  await refreshRevision(db, scope.now);
  await recordAudit(db, scope, 'office.create', `office:${id}`, null, office);
  return office;
}

export async function updateOffice(
  db: HubKysely,
  scope: AdminScope,
  id: string,
  fields: OfficeFields,
): Promise<Office> {
  const before = await officeOr404(db, id);
  const after = { ...before, ...fields, updatedAt: scope.now };
  await writeOffice(db, after, scope.now);
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
  const before = await officeOr404(db, id);
  const key = await newKey(db, add, '');
  const retired = before.encryptionKeys.map((k) => ({ ...k, status: 'retired' as const }));
  const after = { ...before, encryptionKeys: [key, ...retired], updatedAt: scope.now };
  await writeOffice(db, after, scope.now);
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
  const before = await officeOr404(db, id);
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
  await writeOffice(db, after, scope.now);
  await recordAudit(db, scope, 'office.key.remove', `office:${id}/key:${kid}`, keysOf(before), keysOf(after));
  return after;
}

const keysOf = (office: Office) => ({
  encryptionKeys: office.encryptionKeys.map(({ kid, status }) => ({ kid, status })),
});
