import type { CategoryFields } from '../../protocol/admin.js';
import { Category } from '../../protocol/catalog.js';
import { refreshRevision } from '../content/store.js';
import type { HubKysely } from '../db/schema.js';
import { recordAudit } from './audit.js';
import { ensureCatalog } from './offices.js';
import type { AdminScope } from './scope.js';

export async function listCategories(db: HubKysely, tenantId: string): Promise<Category[]> {
  const rows = await db
    .selectFrom('categories')
    .select('document')
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map((row) => JSON.parse(row.document) as Category).sort((a, b) => a.order - b.order);
}

/** Creates or changes a category, so a new municipality's services have somewhere to go. */
export async function putCategory(
  db: HubKysely,
  scope: AdminScope,
  id: string,
  fields: CategoryFields,
): Promise<{ category: Category; created: boolean }> {
  await ensureCatalog(db, scope.tenantId, scope.now);
  const row = await db
    .selectFrom('categories')
    .select(['document', 'deleted_at'])
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  const before = row && row.deleted_at === null ? (JSON.parse(row.document) as Category) : null;
  const category = Category.parse({ ...fields, id });
  const values = { document: JSON.stringify(category), updated_at: scope.now, deleted_at: null };
  if (row)
    await db
      .updateTable('categories')
      .set(values)
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', id)
      .execute();
  else {
    const last = await db
      .selectFrom('categories')
      .select(({ fn }) => fn.max('position').as('max'))
      .where('tenant_id', '=', scope.tenantId)
      .executeTakeFirst();
    await db
      .insertInto('categories')
      .values({ tenant_id: scope.tenantId, id, position: Number(last?.max ?? -1) + 1, ...values })
      .execute();
  }
  await refreshRevision(db, scope.tenantId, scope.now);
  await recordAudit(
    db,
    scope,
    before ? 'category.update' : 'category.create',
    `category:${id}`,
    before,
    category,
  );
  return { category, created: before === null };
}
