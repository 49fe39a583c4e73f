import type { PublishedForm, ServiceFields } from '../../protocol/admin.js';
import { Service } from '../../protocol/catalog.js';
import type { FormDefinition } from '../../protocol/forms.js';
import { refreshRevision } from '../content/store.js';
import type { HubKysely, PlainContentTable } from '../db/schema.js';
import { recordAudit } from './audit.js';
import { ensureCatalog, liveOffice } from './offices.js';
import { refused, type AdminScope } from './scope.js';

async function isLive(
  db: HubKysely,
  tenantId: string,
  table: PlainContentTable | 'forms',
  id: string,
): Promise<boolean> {
  const row = await db
    .selectFrom(table as 'offices')
    .where('tenant_id', '=', tenantId)
    .select('id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function listServices(db: HubKysely, tenantId: string): Promise<Service[]> {
  const rows = await db
    .selectFrom('services')
    .where('tenant_id', '=', tenantId)
    .select('document')
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map((row) => JSON.parse(row.document) as Service);
}

async function nextPosition(
  db: HubKysely,
  tenantId: string,
  table: PlainContentTable | 'forms',
): Promise<number> {
  const last = await db
    .selectFrom(table as 'offices')
    .where('tenant_id', '=', tenantId)
    .select(({ fn }) => fn.max('position').as('max'))
    .executeTakeFirst();
  return Number(last?.max ?? -1) + 1;
}

/** Every id a service names must exist, or the kiosk would show a dead link. */
async function checkReferences(db: HubKysely, tenantId: string, fields: ServiceFields): Promise<void> {
  if (!(await liveOffice(db, tenantId, fields.officeId)))
    throw refused(400, 'unknown_reference', 'officeId', `there is no office "${fields.officeId}"`);
  if (!(await isLive(db, tenantId, 'categories', fields.categoryId)))
    throw refused(400, 'unknown_reference', 'categoryId', `there is no category "${fields.categoryId}"`);
  for (const [index, id] of fields.lifeSituationIds.entries())
    if (!(await isLive(db, tenantId, 'life_situations', id)))
      throw refused(
        400,
        'unknown_reference',
        `lifeSituationIds.${index}`,
        `there is no life situation "${id}"`,
      );
  if (fields.formId !== null && !(await isLive(db, tenantId, 'forms', fields.formId)))
    throw refused(400, 'unknown_reference', 'formId', `there is no published form "${fields.formId}"`);
}

/** Creates or changes a service; a withdrawn one comes back under its id. */
export async function putService(
  db: HubKysely,
  scope: AdminScope,
  id: string,
  fields: ServiceFields,
): Promise<{ service: Service; created: boolean }> {
  const { tenantId } = scope;
  await ensureCatalog(db, tenantId, scope.now);
  await checkReferences(db, tenantId, fields);
  const row = await db
    .selectFrom('services')
    .where('tenant_id', '=', tenantId)
    .select(['document', 'deleted_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  const before = row && row.deleted_at === null ? (JSON.parse(row.document) as Service) : null;
  const service = Service.parse({ ...fields, id, updatedAt: scope.now });
  const values = { document: JSON.stringify(service), updated_at: scope.now, deleted_at: null };
  if (row)
    await db
      .updateTable('services')
      .set(values)
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .execute();
  else
    await db
      .insertInto('services')
      .values({ tenant_id: tenantId, id, position: await nextPosition(db, tenantId, 'services'), ...values })
      .execute();
  await refreshRevision(db, tenantId, scope.now);
  await recordAudit(
    db,
    scope,
    before ? 'service.update' : 'service.create',
    `service:${id}`,
    before,
    service,
  );
  return { service, created: before === null };
}

export async function withdrawService(db: HubKysely, scope: AdminScope, id: string): Promise<void> {
  const { tenantId } = scope;
  const row = await db
    .selectFrom('services')
    .where('tenant_id', '=', tenantId)
    .select('document')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw refused(404, 'not_found', 'serviceId', `there is no service "${id}"`);
  await db
    .updateTable('services')
    .where('tenant_id', '=', tenantId)
    .set({ deleted_at: scope.now, updated_at: scope.now })
    .where('id', '=', id)
    .execute();
  await refreshRevision(db, tenantId, scope.now);
  await recordAudit(db, scope, 'service.withdraw', `service:${id}`, JSON.parse(row.document), null);
}

/**
 * Publishes a form (already through the form check: the route's schema is FormDefinition) as the
 * next version of its id, and links the service to it. Older versions stay stored, so a citizen
 * who filled one offline can still send it (findForm reads any version).
 */
export async function publishForm(
  db: HubKysely,
  scope: AdminScope,
  serviceId: string,
  input: FormDefinition,
): Promise<PublishedForm> {
  const { tenantId } = scope;
  const serviceRow = await db
    .selectFrom('services')
    .where('tenant_id', '=', tenantId)
    .select('document')
    .where('id', '=', serviceId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!serviceRow) throw refused(404, 'not_found', 'serviceId', `there is no service "${serviceId}"`);
  if (!(await liveOffice(db, tenantId, input.officeId)))
    throw refused(400, 'unknown_reference', 'officeId', `there is no office "${input.officeId}"`);
  const newest = await db
    .selectFrom('forms')
    .where('tenant_id', '=', tenantId)
    .select(({ fn }) => fn.max('version').as('max'))
    .where('id', '=', input.id)
    .executeTakeFirst();
  const version = Number(newest?.max ?? 0) + 1;
  const form: FormDefinition = { ...input, version, updatedAt: scope.now };
  await db
    .insertInto('forms')
    .values({
      tenant_id: tenantId,
      id: form.id,
      version,
      office_id: form.officeId,
      position: await nextPosition(db, tenantId, 'forms'),
      document: JSON.stringify(form),
      updated_at: scope.now,
      deleted_at: null,
    })
    .execute();
  const service = JSON.parse(serviceRow.document) as Service;
  if (service.formId !== form.id) {
    const linked = { ...service, formId: form.id, updatedAt: scope.now };
    await db
      .updateTable('services')
      .where('tenant_id', '=', tenantId)
      .set({ document: JSON.stringify(linked), updated_at: scope.now })
      .where('id', '=', serviceId)
      .execute();
  }
  await refreshRevision(db, tenantId, scope.now);
  const summary = { id: form.id, version, serviceId, title: form.title, officeId: form.officeId };
  await recordAudit(db, scope, 'form.publish', `form:${form.id}@${version}`, null, summary);
  return { id: form.id, version, serviceId };
}

/** Withdraws every live version and unlinks the services that offered it. */
export async function withdrawForm(db: HubKysely, scope: AdminScope, formId: string): Promise<void> {
  const { tenantId } = scope;
  const live = await db
    .selectFrom('forms')
    .where('tenant_id', '=', tenantId)
    .select('version')
    .where('id', '=', formId)
    .where('deleted_at', 'is', null)
    .execute();
  if (live.length === 0) throw refused(404, 'not_found', 'formId', `there is no published form "${formId}"`);
  await db
    .updateTable('forms')
    .where('tenant_id', '=', tenantId)
    .set({ deleted_at: scope.now, updated_at: scope.now })
    .where('id', '=', formId)
    .where('deleted_at', 'is', null)
    .execute();
  const unlinked: string[] = [];
  for (const service of await listServices(db, tenantId)) {
    if (service.formId !== formId) continue;
    unlinked.push(service.id);
    await db
      .updateTable('services')
      .where('tenant_id', '=', tenantId)
      .set({
        document: JSON.stringify({ ...service, formId: null, updatedAt: scope.now }),
        updated_at: scope.now,
      })
      .where('id', '=', service.id)
      .execute();
  }
  await refreshRevision(db, tenantId, scope.now);
  const versions = live.map((row) => Number(row.version));
  await recordAudit(
    db,
    scope,
    'form.withdraw',
    `form:${formId}`,
    { versions },
    { unlinkedServices: unlinked },
  );
}
