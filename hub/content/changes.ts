import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ContentChange, ContentChanges, ContentKind } from '../../protocol/content-changes.js';
import type { ContentSnapshot } from '../../protocol/content.js';
import type { HubKysely, PlainContentTable } from '../db/schema.js';
import { mergeDocumentTexts } from './translations.js';

/**
 * Delta pull by checkpoint. Changes are ordered by (updated_at, kind, key) across all content
 * tables; the checkpoint is that triple of the last change sent, encoded opaquely. Soft-deleted
 * rows travel as deletions, so a terminal that was away for a week catches up exactly.
 */
const KINDS: { kind: ContentKind; table: PlainContentTable | 'forms' }[] = [
  { kind: 'office', table: 'offices' },
  { kind: 'category', table: 'categories' },
  { kind: 'lifeSituation', table: 'life_situations' },
  { kind: 'service', table: 'services' },
  { kind: 'form', table: 'forms' },
];

export interface Checkpoint {
  at: string;
  rank: number;
  id: string;
  version: number;
}

export function encodeCheckpoint(checkpoint: Checkpoint): string {
  return Buffer.from(
    JSON.stringify([checkpoint.at, checkpoint.rank, checkpoint.id, checkpoint.version]),
  ).toString('base64url');
}

/** Throws a readable error for anything that is not a checkpoint this hub made. */
export function decodeCheckpoint(text: string): Checkpoint {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 4 &&
      typeof value[0] === 'string' &&
      Number.isInteger(value[1]) &&
      typeof value[2] === 'string' &&
      Number.isInteger(value[3])
    ) {
      return { at: value[0], rank: value[1] as number, id: value[2], version: value[3] as number };
    }
  } catch {
    // fall through to the error below
  }
  throw new Error('since is not a checkpoint from this hub');
}

interface Row {
  id: string;
  version: number;
  document: string;
  updated_at: string;
  deleted_at: string | null;
}

type Meta = { revision: string; municipality: ContentSnapshot['municipality'] };

interface ChangeRows {
  page: { rank: number; kind: ContentKind; row: Row }[];
  checkpoint: string | null;
  hasMore: boolean;
}

async function readChangeRows(
  db: HubKysely,
  tenantId: string,
  since: Checkpoint | null,
  limit: number,
): Promise<ChangeRows> {
  const found: { rank: number; kind: ContentKind; row: Row }[] = [];
  let truncated = false;
  for (const [rank, { kind, table }] of KINDS.entries()) {
    // A full page so far: a row of a later kind only gets in if it is strictly older than the
    // page's last row (at the same time, the earlier kind comes first). This keeps a first pull
    // from reading every form document for each page of services.
    let before: string | null = null;
    if (found.length >= limit) {
      found.sort(byCheckpoint);
      before = found[limit - 1]?.row.updated_at ?? null;
      truncated = true;
    }
    const rows = await rowsAfter(db, tenantId, table, rank, since, limit, before);
    if (rows.length === limit) truncated = true;
    for (const row of rows) found.push({ rank, kind, row });
  }
  found.sort(byCheckpoint);
  const page = found.slice(0, limit);
  const last = page.at(-1);
  const checkpoint = last
    ? encodeCheckpoint({
        at: last.row.updated_at,
        rank: last.rank,
        id: last.row.id,
        version: last.row.version,
      })
    : since && encodeCheckpoint(since);
  return { page, checkpoint, hasMore: truncated || found.length > limit };
}

export async function readChanges(
  db: HubKysely,
  tenantId: string,
  since: Checkpoint | null,
  limit: number,
  meta: Meta,
): Promise<ContentChanges> {
  const { page, checkpoint, hasMore } = await withTranslations(
    db,
    await readChangeRows(db, tenantId, since, limit),
  );
  const changes = page.map(({ kind, row }) => toChange(kind, row));
  return { ...meta, changes, checkpoint, hasMore };
}

/**
 * The same page as JSON text, built around the stored document texts: a first pull of a
 * LeiKa-size catalog is ~30 MB of JSON, and parsing every document only to serialize it again
 * cost about a third of the hub's time per page. The documents were serialized by this hub.
 */
export async function readChangesJson(
  db: HubKysely,
  tenantId: string,
  since: Checkpoint | null,
  limit: number,
  meta: Meta,
): Promise<{ text: string; checkpoint: string | null; hasMore: boolean }> {
  const { page, checkpoint, hasMore } = await withTranslations(
    db,
    await readChangeRows(db, tenantId, since, limit),
  );
  const changes = page.map(({ kind, row }) => {
    const key = kind === 'form' ? `${row.id}@${row.version}` : row.id;
    const head = `{"kind":${JSON.stringify(kind)},"key":${JSON.stringify(key)},"updatedAt":${JSON.stringify(row.updated_at)}`;
    return row.deleted_at !== null
      ? `${head},"deleted":true}`
      : `${head},"deleted":false,"document":${row.document}}`;
  });
  const text =
    `{"revision":${JSON.stringify(meta.revision)},"municipality":${JSON.stringify(meta.municipality)},` +
    `"changes":[${changes.join(',')}],"checkpoint":${JSON.stringify(checkpoint)},"hasMore":${hasMore}}`;
  return { text, checkpoint, hasMore };
}

/** The page's services and forms with the hub's shared translations merged in. */
async function withTranslations(db: HubKysely, rows: ChangeRows): Promise<ChangeRows> {
  const texts = await mergeDocumentTexts(
    db,
    rows.page.map(({ kind, row }) => ({ kind, document: row.deleted_at === null ? row.document : null })),
  );
  return {
    ...rows,
    page: rows.page.map((entry, i) => ({
      ...entry,
      row: { ...entry.row, document: texts[i] ?? entry.row.document },
    })),
  };
}

async function rowsAfter(
  db: HubKysely,
  tenantId: string,
  table: PlainContentTable | 'forms',
  rank: number,
  since: Checkpoint | null,
  limit: number,
  before: string | null,
): Promise<Row[]> {
  const isForms = table === 'forms';
  const checkpoint = afterCheckpoint(rank, since, isForms);
  const after = before === null ? checkpoint : sql<SqlBool>`(${checkpoint} and updated_at < ${before})`;
  const rows = isForms
    ? await db
        .selectFrom('forms')
        .select(['id', 'version', 'document', 'updated_at', 'deleted_at'])
        .where('tenant_id', '=', tenantId)
        .where(after)
        .orderBy('updated_at')
        .orderBy('id')
        .orderBy('version')
        .limit(limit)
        .execute()
    : await db
        .selectFrom(table as 'offices') // the plain content tables share one shape
        .select(['id', 'document', 'updated_at', 'deleted_at'])
        .where('tenant_id', '=', tenantId)
        .where(after)
        .orderBy('updated_at')
        .orderBy('id')
        .limit(limit)
        .execute();
  return rows.map((row) => ({ ...row, version: 'version' in row ? Number(row.version) : 0 }));
}

/** The rows of one kind that come after the checkpoint in (updated_at, rank, key) order. */
function afterCheckpoint(rank: number, since: Checkpoint | null, isForms: boolean): RawBuilder<SqlBool> {
  // A first pull needs no deletions: there is nothing on the terminal to delete.
  if (!since) return sql<SqlBool>`deleted_at is null`;
  if (rank < since.rank) return sql<SqlBool>`updated_at > ${since.at}`;
  if (rank > since.rank) return sql<SqlBool>`updated_at >= ${since.at}`;
  const laterKey = isForms
    ? sql<SqlBool>`(id > ${since.id} or (id = ${since.id} and version > ${since.version}))`
    : sql<SqlBool>`id > ${since.id}`;
  return sql<SqlBool>`(updated_at > ${since.at} or (updated_at = ${since.at} and ${laterKey}))`;
}

function toChange(kind: ContentKind, row: Row): ContentChange {
  const key = kind === 'form' ? `${row.id}@${row.version}` : row.id;
  const deleted = row.deleted_at !== null;
  const document = deleted ? undefined : (JSON.parse(row.document) as never);
  return { kind, key, updatedAt: row.updated_at, deleted, document } as ContentChange;
}

function byCheckpoint(a: { rank: number; row: Row }, b: { rank: number; row: Row }): number {
  return (
    compare(a.row.updated_at, b.row.updated_at) ||
    a.rank - b.rank ||
    compare(a.row.id, b.row.id) ||
    a.row.version - b.row.version
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
