import type { Service } from '../../protocol/catalog.js';
import type { FormDefinition } from '../../protocol/forms.js';
import { LOCALES, FALLBACK_LOCALE, type Locale, type LocalizedText } from '../../protocol/i18n.js';
import {
  formTranslationKey,
  mergeFormTranslations,
  mergeServiceTranslations,
  type SharedTranslation,
  type SharedTranslationFields,
  type TranslationCoverage,
  type TranslationKind,
  type TranslationOrigins,
  translationState,
} from '../../protocol/translations.js';
import type { Database, HubKysely } from '../db/schema.js';
import type { Selectable } from 'kysely';

type TranslationRow = Selectable<Database['shared_translations']>;

function translationOf(row: TranslationRow): SharedTranslation {
  return {
    kind: row.kind,
    key: row.subject_key,
    locale: row.locale as Locale,
    origin: row.origin,
    texts: JSON.parse(row.texts) as SharedTranslation['texts'],
    updatedAt: row.updated_at,
  };
}

/** Whether a stored service or form document is one a translation of `key` serves. */
function serves(kind: TranslationKind, key: string, document: string): boolean {
  return kind === 'service'
    ? (JSON.parse(document) as Service).leikaKey === key
    : formTranslationKey(JSON.parse(document) as FormDefinition) === key;
}

/**
 * The hub's shared translations (migration 0030) and their merge into what terminals receive:
 * a service or form row gets a new updated_at when a translation of it changes, so the delta
 * pull carries the merged document and a terminal keeps it offline.
 */
export async function listTranslations(
  db: HubKysely,
  filter: { kind?: TranslationKind | undefined; key?: string | undefined } = {},
): Promise<SharedTranslation[]> {
  let query = db.selectFrom('shared_translations').selectAll();
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.key) query = query.where('subject_key', '=', filter.key);
  const rows = await query.orderBy('kind').orderBy('subject_key').orderBy('locale').execute();
  return rows.map(translationOf);
}

/** Creates or replaces one language's translation; the services or forms it serves are touched. */
export async function setTranslation(
  db: HubKysely,
  key: string,
  locale: Locale,
  fields: SharedTranslationFields,
  now: string,
): Promise<{ translation: SharedTranslation; created: boolean; touched: number }> {
  const existing = await db
    .selectFrom('shared_translations')
    .select('kind')
    .where('kind', '=', fields.kind)
    .where('subject_key', '=', key)
    .where('locale', '=', locale)
    .executeTakeFirst();
  const values = { origin: fields.origin, texts: JSON.stringify(fields.texts), updated_at: now };
  if (existing)
    await db
      .updateTable('shared_translations')
      .set(values)
      .where('kind', '=', fields.kind)
      .where('subject_key', '=', key)
      .where('locale', '=', locale)
      .execute();
  else
    await db
      .insertInto('shared_translations')
      .values({ kind: fields.kind, subject_key: key, locale, ...values })
      .execute();
  const touched = await touchSubjects(db, fields.kind, key, now);
  return {
    translation: {
      kind: fields.kind,
      key,
      locale,
      origin: fields.origin,
      texts: fields.texts,
      updatedAt: now,
    },
    created: !existing,
    touched,
  };
}

/** The live rows a translation serves get a new updated_at: terminals pull them again. */
async function touchSubjects(
  db: HubKysely,
  kind: TranslationKind,
  key: string,
  now: string,
): Promise<number> {
  let touched = 0;
  if (kind === 'service') {
    const rows = await db
      .selectFrom('services')
      .select(['tenant_id', 'id', 'document'])
      .where('deleted_at', 'is', null)
      .execute();
    for (const row of rows) {
      if (!serves(kind, key, row.document)) continue;
      await db
        .updateTable('services')
        .set({ updated_at: now })
        .where('tenant_id', '=', row.tenant_id)
        .where('id', '=', row.id)
        .execute();
      touched++;
    }
  } else {
    const rows = await db
      .selectFrom('forms')
      .select(['tenant_id', 'id', 'version', 'document'])
      .where('deleted_at', 'is', null)
      .execute();
    for (const row of rows) {
      if (!serves(kind, key, row.document)) continue;
      await db
        .updateTable('forms')
        .set({ updated_at: now })
        .where('tenant_id', '=', row.tenant_id)
        .where('id', '=', row.id)
        .where('version', '=', row.version)
        .execute();
      touched++;
    }
  }
  return touched;
}

/** Shared translations by kind and key, for merging a page of documents. */
export type TranslationIndex = Map<string, SharedTranslation[]>;

export async function translationIndex(
  db: HubKysely,
  kind: TranslationKind,
  keys: Iterable<string>,
): Promise<TranslationIndex> {
  const wanted = [...new Set(keys)];
  const index: TranslationIndex = new Map();
  for (let start = 0; start < wanted.length; start += 500) {
    const slice = wanted.slice(start, start + 500);
    for (const t of await listTranslationsIn(db, kind, slice)) {
      index.set(t.key, [...(index.get(t.key) ?? []), t]);
    }
  }
  return index;
}

async function listTranslationsIn(db: HubKysely, kind: TranslationKind, keys: string[]) {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom('shared_translations')
    .selectAll()
    .where('kind', '=', kind)
    .where('subject_key', 'in', keys)
    .orderBy('locale')
    .execute();
  return rows.map(translationOf);
}

/** Services as terminals receive them: with the shared translations of their LeiKa keys. */
export async function withServiceTranslations(db: HubKysely, services: Service[]): Promise<Service[]> {
  const index = await translationIndex(
    db,
    'service',
    services.map((s) => s.leikaKey),
  );
  return services.map((s) => mergeServiceTranslations(s, index.get(s.leikaKey) ?? []));
}

/** Forms as terminals receive them: with the shared translations of their FIM schema versions. */
export async function withFormTranslations(
  db: HubKysely,
  forms: FormDefinition[],
): Promise<FormDefinition[]> {
  const keys = forms.map(formTranslationKey).filter((k): k is string => k !== undefined);
  const index = await translationIndex(db, 'form', keys);
  return forms.map((form) => {
    const key = formTranslationKey(form);
    return mergeFormTranslations(form, (key && index.get(key)) || []);
  });
}

/** Whether a municipality's catalog offers the key: a live service or form a translation serves. */
export async function tenantOffers(
  db: HubKysely,
  tenantId: string,
  kind: TranslationKind,
  key: string,
): Promise<boolean> {
  const rows = await db
    .selectFrom(kind === 'service' ? 'services' : 'forms')
    .select('document')
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .execute();
  return rows.some((row) => serves(kind, key, row.document));
}

/**
 * Per language: how many of one municipality's live services and newest forms are translated by
 * people, by machine, or not.
 */
export async function translationCoverage(db: HubKysely, tenantId: string): Promise<TranslationCoverage> {
  const serviceRows = await db
    .selectFrom('services')
    .select('document')
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .execute();
  const formRows = await db
    .selectFrom('forms')
    .select(['id', 'version', 'document'])
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .execute();
  const newest = new Map<string, { version: number; document: string }>();
  for (const row of formRows) {
    const seen = newest.get(row.id);
    if (!seen || row.version > seen.version) newest.set(row.id, row);
  }
  const services = await withServiceTranslations(
    db,
    serviceRows.map((r) => JSON.parse(r.document) as Service),
  );
  const forms = await withFormTranslations(
    db,
    [...newest.values()].map((r) => JSON.parse(r.document) as FormDefinition),
  );
  const count = (
    items: { text: LocalizedText; origins: TranslationOrigins | undefined }[],
    locale: Locale,
  ) => {
    const states = items.map((item) => translationState(item.text, item.origins, locale));
    const human = states.filter((o) => o === 'human').length;
    const machine = states.filter((o) => o === 'machine').length;
    return { human, machine, missing: items.length - human - machine };
  };
  const serviceTexts = services.map((s) => ({ text: s.name, origins: s.translationOrigins }));
  const formTexts = forms.map((f) => ({ text: f.title, origins: f.translationOrigins }));
  return {
    services: services.length,
    forms: forms.length,
    languages: LOCALES.filter((l) => l !== FALLBACK_LOCALE).map((locale) => ({
      locale,
      services: count(serviceTexts, locale),
      forms: count(formTexts, locale),
    })),
  };
}

const LEIKA_IN_DOCUMENT = /"leikaKey":"(\d{14})"/;

/**
 * Stored document texts of a sync page with the shared translations merged in: only documents
 * whose LeiKa key or FIM schema has translations are parsed and written again.
 */
export async function mergeDocumentTexts(
  db: HubKysely,
  rows: readonly { kind: string; document: string | null }[],
): Promise<(string | null)[]> {
  const serviceKeys = rows.flatMap((r) =>
    r.kind === 'service' && r.document ? [LEIKA_IN_DOCUMENT.exec(r.document)?.[1] ?? ''] : [],
  );
  const forms = new Map<number, FormDefinition>();
  for (const [i, r] of rows.entries())
    if (r.kind === 'form' && r.document?.includes('"fimSchema"'))
      forms.set(i, JSON.parse(r.document) as FormDefinition);
  const services = await translationIndex(db, 'service', serviceKeys);
  const formIndex = await translationIndex(
    db,
    'form',
    [...forms.values()].map(formTranslationKey).filter((k): k is string => k !== undefined),
  );
  return rows.map((r, i) => {
    if (!r.document) return r.document;
    if (r.kind === 'service') {
      const key = LEIKA_IN_DOCUMENT.exec(r.document)?.[1];
      const found = key ? services.get(key) : undefined;
      if (!found) return r.document;
      return JSON.stringify(mergeServiceTranslations(JSON.parse(r.document) as Service, found));
    }
    const form = forms.get(i);
    const key = form && formTranslationKey(form);
    const found = key ? formIndex.get(key) : undefined;
    return form && found ? JSON.stringify(mergeFormTranslations(form, found)) : r.document;
  });
}
