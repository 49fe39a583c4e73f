import { randomUUID } from 'node:crypto';
import type { AuditEntry, AuditQuery } from '../../protocol/admin.js';
import type { HubKysely } from '../db/schema.js';
import type { AdminScope } from './scope.js';

/** Members that never go into the log, at any depth: passwords, hashes, tokens, private key parts. */
const SECRET_KEYS = new Set([
  'password',
  'passwordHash',
  'password_hash',
  'initialPassword',
  'currentPassword',
  'newPassword',
  'token',
  'token_hash',
  'd',
  'p',
  'q',
  'dp',
  'dq',
  'qi',
]);

export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !SECRET_KEYS.has(key))
      .map(([key, inner]) => [key, withoutSecrets(inner)]),
  );
}

/**
 * Appends one entry; the caller passes its transaction, so an action and its entry are written
 * together or not at all. There is deliberately no function that updates or deletes entries.
 */
export async function recordAudit(
  db: HubKysely,
  scope: AdminScope,
  action: string,
  target: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(withoutSecrets(value)));
  await db
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      tenant_id: scope.tenantId,
      at: scope.now,
      actor_kind: scope.actor.kind,
      actor: scope.actor.name,
      action,
      target,
      before: json(before),
      after: json(after),
    })
    .execute();
}

/** A tenant's entries only: a municipality never reads another's history. */
export async function listAudit(db: HubKysely, tenantId: string, query: AuditQuery): Promise<AuditEntry[]> {
  let select = db.selectFrom('audit_log').selectAll().where('tenant_id', '=', tenantId);
  if (query.actor !== undefined) select = select.where('actor', '=', query.actor);
  if (query.action !== undefined) select = select.where('action', '=', query.action);
  if (query.since !== undefined) select = select.where('at', '>=', new Date(query.since).toISOString());
  if (query.until !== undefined) select = select.where('at', '<', new Date(query.until).toISOString());
  const rows = await select.orderBy('at').orderBy('id').execute();
  // A prefix filter in code: LIKE treats % and _ in the prefix as wildcards on both dialects.
  const target = query.target;
  return rows
    .filter((row) => target === undefined || row.target.startsWith(target))
    .slice(0, query.limit)
    .map((row) => ({
      id: row.id,
      at: row.at,
      actorKind: row.actor_kind,
      actor: row.actor,
      action: row.action,
      target: row.target,
      before: row.before === null ? null : (JSON.parse(row.before) as unknown),
      after: row.after === null ? null : (JSON.parse(row.after) as unknown),
    }));
}

export function auditJsonLines(entries: readonly AuditEntry[]): string {
  return entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
}

const CSV_COLUMNS = ['id', 'at', 'actorKind', 'actor', 'action', 'target', 'before', 'after'] as const;

/** RFC 4180 CSV; a cell a spreadsheet would run as a formula gets a leading apostrophe. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const cell = (value: unknown) => {
    let text = typeof value === 'string' ? value : value === null ? '' : JSON.stringify(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = entries.map((entry) => CSV_COLUMNS.map((column) => cell(entry[column])).join(','));
  return `${[CSV_COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}
