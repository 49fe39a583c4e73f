import type { Office, Category, LifeSituation, Service } from '../../protocol/catalog.js';
import type { ContentSnapshot } from '../../protocol/content.js';
import type { FormDefinition } from '../../protocol/forms.js';
import type { HubKysely, PlainContentTable } from '../db/schema.js';
import { canonicalJson } from '../../protocol/encoding.js';
import { sha256Hex } from '../util/hash.js';
import { withFormTranslations, withServiceTranslations } from './translations.js';

export type ContentWithoutRevision = Omit<ContentSnapshot, 'revision'>;

/** Derived from the content itself: equal content gives an equal ETag on every hub. */
export function contentRevision(content: ContentWithoutRevision): string {
  return sha256Hex(canonicalJson(content)).slice(0, 24);
}

/** SQLite allows some 32,000 bound values per statement: a LeiKa-size catalog goes in slices. */
const ROWS_PER_INSERT = 500;

function chunks<T>(items: readonly T[]): { item: T; position: number }[][] {
  const result: { item: T; position: number }[][] = [];
  for (let start = 0; start < items.length; start += ROWS_PER_INSERT) {
    result.push(
      items.slice(start, start + ROWS_PER_INSERT).map((item, i) => ({ item, position: start + i })),
    );
  }
  return result;
}

/** Writes a whole snapshot; the caller runs it inside a transaction. */
export async function insertContent(
  db: HubKysely,
  tenantId: string,
  content: ContentWithoutRevision,
  revision: string,
  now: string,
): Promise<void> {
  await db
    .insertInto('content_meta')
    .values({
      tenant_id: tenantId,
      revision,
      municipality: JSON.stringify(content.municipality),
      updated_at: now,
    })
    .execute();
  const plain: [PlainContentTable, { id: string }[]][] = [
    ['offices', content.offices],
    ['categories', content.categories],
    ['life_situations', content.lifeSituations],
    ['services', content.services],
  ];
  for (const [table, items] of plain) {
    for (const chunk of chunks(items)) {
      await db
        .insertInto(table)
        .values(
          chunk.map(({ item, position }) => ({
            tenant_id: tenantId,
            id: item.id,
            position,
            document: JSON.stringify(item),
            updated_at: now,
            deleted_at: null,
          })),
        )
        .execute();
    }
  }
  for (const chunk of chunks(content.forms)) {
    await db
      .insertInto('forms')
      .values(
        chunk.map(({ item: form, position }) => ({
          tenant_id: tenantId,
          id: form.id,
          version: form.version,
          office_id: form.officeId,
          position,
          document: JSON.stringify(form),
          updated_at: now,
          deleted_at: null,
        })),
      )
      .execute();
  }
}

export async function readMeta(
  db: HubKysely,
  tenantId: string,
): Promise<{ revision: string; municipality: ContentSnapshot['municipality'] } | undefined> {
  const row = await db
    .selectFrom('content_meta')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return (
    row && {
      revision: row.revision,
      municipality: JSON.parse(row.municipality) as ContentSnapshot['municipality'],
    }
  );
}

export async function readRevision(db: HubKysely, tenantId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('content_meta')
    .select('revision')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return row?.revision;
}

async function readDocuments<T>(db: HubKysely, tenantId: string, table: PlainContentTable): Promise<T[]> {
  const rows = await db
    .selectFrom(table)
    .select('document')
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map((row) => JSON.parse(row.document) as T);
}

/** The snapshot a terminal gets: live items only, and of each form only its newest version. */
export async function readSnapshot(db: HubKysely, tenantId: string): Promise<ContentSnapshot | undefined> {
  const meta = await db
    .selectFrom('content_meta')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  if (!meta) return undefined;
  const [offices, categories, lifeSituations, services, formRows] = await Promise.all([
    readDocuments<Office>(db, tenantId, 'offices'),
    readDocuments<Category>(db, tenantId, 'categories'),
    readDocuments<LifeSituation>(db, tenantId, 'life_situations'),
    readDocuments<Service>(db, tenantId, 'services'),
    db
      .selectFrom('forms')
      .select(['id', 'version', 'document'])
      .where('tenant_id', '=', tenantId)
      .where('deleted_at', 'is', null)
      .orderBy('position')
      .orderBy('id')
      .execute(),
  ]);
  // Map keeps the first insertion's place, so forms stay in author order; the value is the newest.
  const newest = new Map<string, { version: number; document: string }>();
  for (const row of formRows) {
    const seen = newest.get(row.id);
    if (!seen || row.version > seen.version) newest.set(row.id, row);
  }
  return {
    revision: meta.revision,
    municipality: JSON.parse(meta.municipality) as ContentSnapshot['municipality'],
    offices,
    categories,
    lifeSituations,
    // Shared translations (by LeiKa key and FIM schema version) as terminals receive them.
    services: await withServiceTranslations(db, services),
    forms: await withFormTranslations(
      db,
      [...newest.values()].map((row) => JSON.parse(row.document) as FormDefinition),
    ),
  };
}

/**
 * Any stored version, superseded or withdrawn: a citizen who filled an older version offline
 * should not lose the application because the form changed while the terminal was away.
 */
export async function findForm(
  db: HubKysely,
  tenantId: string,
  id: string,
  version: number,
): Promise<FormDefinition | undefined> {
  const row = await db
    .selectFrom('forms')
    .select('document')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? (JSON.parse(row.document) as FormDefinition) : undefined;
}

export async function serviceExists(db: HubKysely, tenantId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('services')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

/** Forms by (id, version) key, for labelling submissions in the clerk console. */
export async function findForms(
  db: HubKysely,
  tenantId: string,
  keys: { id: string; version: number }[],
): Promise<Map<string, FormDefinition>> {
  const ids = [...new Set(keys.map((k) => k.id))];
  const forms = new Map<string, FormDefinition>();
  if (ids.length === 0) return forms;
  const rows = await db
    .selectFrom('forms')
    .select(['id', 'version', 'document'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
  for (const row of rows) forms.set(formKey(row.id, row.version), JSON.parse(row.document) as FormDefinition);
  return forms;
}

export function formKey(id: string, version: number): string {
  return `${id}@${version}`;
}

/** The tenant an office belongs to (office ids are unique on the hub), or undefined. */
export async function tenantOfOffice(db: HubKysely, officeId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('offices')
    .select('tenant_id')
    .where('id', '=', officeId)
    .executeTakeFirst();
  return row?.tenant_id;
}

/** The encryption keys an office holds (current and retired); empty for an unknown office. */
export async function findOfficeKeys(db: HubKysely, officeId: string): Promise<Office['encryptionKeys']> {
  const row = await db.selectFrom('offices').select('document').where('id', '=', officeId).executeTakeFirst();
  return row ? (JSON.parse(row.document) as Office).encryptionKeys : [];
}

/** After content was edited: a new revision, so terminals see a change and 304s stop. */
export async function refreshRevision(db: HubKysely, tenantId: string, now: string): Promise<string> {
  const snapshot = await readSnapshot(db, tenantId);
  if (!snapshot) throw new Error('The content has no revision: the database was never seeded');
  const { municipality, offices, categories, lifeSituations, services, forms } = snapshot;
  const revision = contentRevision({ municipality, offices, categories, lifeSituations, services, forms });
  await db
    .updateTable('content_meta')
    .set({ revision, updated_at: now })
    .where('tenant_id', '=', tenantId)
    .execute();
  return revision;
}
