/**
 * Brings an XZuFi message into the hub's catalog. A re-import updates what changed, leaves alone
 * what did not (so terminals download nothing for it), and withdraws the imported services the
 * message no longer has. Everything goes through the content tables terminals sync from, in one
 * transaction with a new content revision, so a terminal sees all of an import or none of it.
 */
import { Office, Service } from '../../protocol/catalog.js';
import type { HubKysely } from '../db/schema.js';
import { refreshRevision, readMeta } from '../content/store.js';
import { resolveTenant } from '../tenants/store.js';
import { sha256Hex } from '../util/hash.js';
import type { XzufiMessage, XzufiService, XzufiUnit } from './read.js';

export interface XzufiImportOptions {
  /** The municipality (ARS) whose catalog is imported into; optional on a hub with one tenant. */
  tenantId?: string | undefined;
  /** Organisational unit id (XZuFi) → office id on this hub. */
  officeFor: Readonly<Record<string, string>>;
  /** The office of services whose responsible unit is not mapped; none means they are refused. */
  defaultOfficeId?: string | undefined;
  /** Category of newly imported services (an editor may move them; a re-import keeps the move). */
  categoryId: string;
  now: string;
  /** Reports what would change and changes nothing. */
  dryRun?: boolean;
}

export interface XzufiImportReport {
  added: string[];
  updated: string[];
  unchanged: string[];
  withdrawn: string[];
  officesUpdated: string[];
  problems: string[];
  revision: string | undefined;
}

export class XzufiImportError extends Error {}

/** Imported services carry this prefix, so a re-import withdraws only what it brought. */
export const XZUFI_ID_PREFIX = 'xzufi-';

/** A stable catalog id for an editorial system's Leistung id (any characters, any length). */
export function serviceIdFor(leistungId: string): string {
  const slug = leistungId
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `${XZUFI_ID_PREFIX}${slug ? `${slug}-` : ''}${sha256Hex(leistungId).slice(0, 8)}`;
}

const NO_CATALOG = 'the hub has no catalog yet: set up the municipality before importing';

type Row = { id: string; position: number; document: string; deleted_at: string | null };

const withoutTime = <T extends { updatedAt: string }>(item: T) => ({ ...item, updatedAt: '' });
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function officeOf(
  service: XzufiService,
  units: XzufiUnit[],
  options: XzufiImportOptions,
): string | undefined {
  for (const unit of units)
    if (unit.leistungIds.includes(service.leistungId) && options.officeFor[unit.id])
      return options.officeFor[unit.id];
  return options.defaultOfficeId;
}

export async function importXzufi(
  db: HubKysely,
  message: XzufiMessage,
  options: XzufiImportOptions,
): Promise<XzufiImportReport> {
  const report: XzufiImportReport = {
    added: [],
    updated: [],
    unchanged: [],
    withdrawn: [],
    officesUpdated: [],
    problems: [...message.problems],
    revision: undefined,
  };
  const run = async (trx: HubKysely) => {
    const tenantId = await resolveTenant(trx, options.tenantId).catch(async (error: Error) => {
      const none = (await trx.selectFrom('tenants').select('id').executeTakeFirst()) === undefined;
      throw new XzufiImportError(none ? NO_CATALOG : error.message);
    });
    if (!(await readMeta(trx, tenantId))) throw new XzufiImportError(NO_CATALOG);
    const category = await trx
      .selectFrom('categories')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', options.categoryId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!category) throw new XzufiImportError(`category: no category "${options.categoryId}" on this hub`);
    const officeRows = await trx
      .selectFrom('offices')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('deleted_at', 'is', null)
      .execute();
    const offices = new Map(officeRows.map((r) => [r.id, r]));
    for (const officeId of new Set([...Object.values(options.officeFor), options.defaultOfficeId]))
      if (officeId !== undefined && !offices.has(officeId))
        throw new XzufiImportError(`office: no office "${officeId}" on this hub`);

    const rows = new Map(
      (
        await trx
          .selectFrom('services')
          .select(['id', 'position', 'document', 'deleted_at'])
          .where('tenant_id', '=', tenantId)
          .execute()
      ).map((r: Row) => [r.id, r]),
    );
    let position = Math.max(0, ...[...rows.values()].map((r) => r.position + 1));
    const kept = new Set(message.unreadable.map(serviceIdFor));

    for (const item of message.services) {
      const id = serviceIdFor(item.leistungId);
      kept.add(id);
      const officeId = officeOf(item, message.units, options);
      if (!officeId) {
        report.problems.push(
          `leistung ${item.leistungId}: no office is responsible (map its organisationseinheit to an office, or give a default office)`,
        );
        continue;
      }
      const row = rows.get(id);
      const before = row ? (JSON.parse(row.document) as Service) : undefined;
      const parsed = Service.safeParse({
        id,
        leikaKey: item.leikaKey,
        name: item.name,
        shortText: item.shortText,
        longText: item.longText,
        requiredDocuments: item.requiredDocuments,
        prerequisites: item.prerequisites,
        fees: item.fees,
        processingTime: item.processingTime,
        ...(item.deadlines ? { deadlines: item.deadlines } : {}),
        legalBasis: item.legalBasis,
        officeId,
        // What an editor set on the hub is theirs: a re-import keeps category, life situations, form.
        categoryId: before?.categoryId ?? options.categoryId,
        lifeSituationIds: before?.lifeSituationIds ?? [],
        keywords: item.keywords,
        formId: before?.formId ?? null,
        updatedAt: options.now,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        report.problems.push(
          `leistung ${item.leistungId}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
        );
        continue;
      }
      if (row && row.deleted_at === null && before && same(withoutTime(before), withoutTime(parsed.data))) {
        report.unchanged.push(id);
        continue;
      }
      (row && row.deleted_at === null ? report.updated : report.added).push(id);
      if (options.dryRun) continue;
      const values = { document: JSON.stringify(parsed.data), updated_at: options.now, deleted_at: null };
      if (row)
        await trx
          .updateTable('services')
          .set(values)
          .where('tenant_id', '=', tenantId)
          .where('id', '=', id)
          .execute();
      else
        await trx
          .insertInto('services')
          .values({ tenant_id: tenantId, id, position: position++, ...values })
          .execute();
    }

    const deleted = new Set(message.deleted.map(serviceIdFor));
    for (const [id, row] of rows) {
      if (row.deleted_at !== null || !id.startsWith(XZUFI_ID_PREFIX)) continue;
      if (kept.has(id) && !deleted.has(id)) continue;
      report.withdrawn.push(id);
      if (!options.dryRun)
        await trx
          .updateTable('services')
          .set({ deleted_at: options.now, updated_at: options.now })
          .where('tenant_id', '=', tenantId)
          .where('id', '=', id)
          .execute();
    }

    for (const unit of message.units) {
      const officeId = options.officeFor[unit.id];
      const row = officeId ? offices.get(officeId) : undefined;
      if (!officeId || !row) continue;
      const before = JSON.parse(row.document) as Office;
      const next = Office.parse({
        ...before,
        name: { ...before.name, ...unit.name },
        address: unit.address ?? before.address,
        phone: unit.phone ?? before.phone,
        email: unit.email ?? before.email,
        updatedAt: options.now,
      });
      if (same(withoutTime(before), withoutTime(next))) continue;
      report.officesUpdated.push(officeId);
      if (!options.dryRun)
        await trx
          .updateTable('offices')
          .set({ document: JSON.stringify(next), updated_at: options.now })
          .where('tenant_id', '=', tenantId)
          .where('id', '=', officeId)
          .execute();
    }
    const changed =
      report.added.length + report.updated.length + report.withdrawn.length + report.officesUpdated.length;
    if (changed && !options.dryRun) report.revision = await refreshRevision(trx, tenantId, options.now);
  };
  await db.transaction().execute(run);
  return report;
}
