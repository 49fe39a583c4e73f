import { Migrator, PostgresAdapter, sql, type Migration, type MigrationProvider } from 'kysely';
import type { HubKysely } from './schema.js';
import { initial } from './migrations/0001_initial.js';
import { encryptedSubmissions } from './migrations/0002_encrypted_submissions.js';
import { calls } from './migrations/0003_calls.js';
import { fleet } from './migrations/0004_fleet.js';
import { shellIncidents } from './migrations/0005_shell_incidents.js';
import { attachments } from './migrations/0006_attachments.js';
import { terminalQuarantine } from './migrations/0008_terminal_quarantine.js';
import { releaseHubOrigins } from './migrations/0009_release_hub_origins.js';
import { attachmentUploadsByTerminal } from './migrations/0012_attachment_uploads_terminal.js';
import { quarantineDiscards } from './migrations/0016_quarantine_discards.js';
import { providerSessions } from './migrations/0017_provider_sessions.js';
import { loginAttempts } from './migrations/0018_login_attempts.js';
import { tokenSecrets } from './migrations/0019_token_secrets.js';
import { fitConnectDelivery } from './migrations/0021_fit_connect_delivery.js';
import { retention } from './migrations/0022_retention.js';
import { alertState } from './migrations/0023_alert_state.js';
import { clerkRoles } from './migrations/0024_clerk_roles.js';
import { auditLog } from './migrations/0025_audit_log.js';
import { oidcLogins } from './migrations/0026_oidc_logins.js';
import { tenants } from './migrations/0027_tenants.js';
import { retentionTenants } from './migrations/0028_retention_tenants.js';
import { liveCalls } from './migrations/0029_live_calls.js';
import { sharedTranslations } from './migrations/0030_shared_translations.js';

/**
 * Migrations live in code rather than in a scanned folder, so they are part of the compiled
 * bundle and cannot go missing. Names sort in the order they must run.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_initial': initial,
  '0002_encrypted_submissions': encryptedSubmissions,
  '0003_calls': calls,
  '0004_fleet': fleet,
  '0005_shell_incidents': shellIncidents,
  '0006_attachments': attachments,
  '0008_terminal_quarantine': terminalQuarantine,
  '0009_release_hub_origins': releaseHubOrigins,
  '0012_attachment_uploads_terminal': attachmentUploadsByTerminal,
  '0016_quarantine_discards': quarantineDiscards,
  '0017_provider_sessions': providerSessions,
  '0018_login_attempts': loginAttempts,
  '0019_token_secrets': tokenSecrets,
  '0021_fit_connect_delivery': fitConnectDelivery,
  '0022_retention': retention,
  '0023_alert_state': alertState,
  '0024_clerk_roles': clerkRoles,
  '0025_audit_log': auditLog,
  '0026_oidc_logins': oidcLogins,
  '0027_tenants': tenants,
  '0028_retention_tenants': retentionTenants,
  '0029_live_calls': liveCalls,
  '0030_shared_translations': sharedTranslations,
};

/** Kysely's bookkeeping table: the names of the migrations a database has run. */
const MIGRATION_TABLE = 'kysely_migration';

export interface SchemaStatus {
  /** This build's migrations the database has not run yet. */
  pending: string[];
  /**
   * Migrations the database ran that this build does not know: a newer build migrated it. Every
   * migration is written expand-first (docs/operations/cluster.md), so this build still runs.
   */
  newer: string[];
}

/** Migrations the database has run, read without taking the migration lock. */
async function executedMigrations(db: HubKysely, schema: string | undefined): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  const found = tables.some(
    (t) => t.name === MIGRATION_TABLE && (schema === undefined || t.schema === schema),
  );
  if (!found) return [];
  const table = schema === undefined ? sql.table(MIGRATION_TABLE) : sql.table(`${schema}.${MIGRATION_TABLE}`);
  const { rows } = await sql<{ name: string }>`SELECT name FROM ${table}`.execute(db);
  return rows.map((r) => r.name);
}

/**
 * Where the database stands against `migrations` (this build's unless a test gives its own).
 * Only reads: a hub started with --no-migrate checks this and refuses a schema that is behind.
 */
export async function schemaStatus(
  db: HubKysely,
  migrations: Readonly<Record<string, Migration>> = MIGRATIONS,
): Promise<SchemaStatus> {
  const executed = await executedMigrations(db, await postgresSchema(db));
  const known = new Set(Object.keys(migrations));
  const ran = new Set(executed);
  return {
    pending: Object.keys(migrations)
      .filter((name) => !ran.has(name))
      .sort(),
    newer: executed.filter((name) => !known.has(name)).sort(),
  };
}

/** Thrown when a hub that may not migrate meets a schema older than its code. */
export class SchemaBehind extends Error {}

export async function assertSchemaCurrent(
  db: HubKysely,
  migrations: Readonly<Record<string, Migration>> = MIGRATIONS,
): Promise<SchemaStatus> {
  const status = await schemaStatus(db, migrations);
  if (status.pending.length > 0)
    throw new SchemaBehind(
      `the database schema is behind this build (missing ${status.pending.join(', ')}): run \`pop-hub migrate\` first, or start without --no-migrate`,
    );
  return status;
}

/** A migration a newer build ran: already applied, never run or undone by this build. */
const appliedElsewhere: Migration = {
  up: () => Promise.reject(new Error('this migration belongs to a newer build and cannot run here')),
};

/**
 * Brings the schema up to date; returns the names of the migrations that ran now. Migrations a
 * newer build ran are left alone, so an older build can start (and roll back to) a database a
 * newer one already migrated.
 */
export async function migrateToLatest(
  db: HubKysely,
  migrations: Readonly<Record<string, Migration>> = MIGRATIONS,
): Promise<string[]> {
  const schema = await postgresSchema(db);
  const executed = await executedMigrations(db, schema).catch(() => []);
  const provider: MigrationProvider = {
    getMigrations: () =>
      Promise.resolve({
        ...Object.fromEntries(
          executed.filter((name) => !(name in migrations)).map((name) => [name, appliedElsewhere]),
        ),
        ...migrations,
      }),
  };
  // Migration numbers have gaps and a release may bring one below the newest applied: each only
  // adds, so applying a late one out of order is safe and an existing database keeps migrating.
  const migrator = new Migrator({
    db,
    provider,
    allowUnorderedMigrations: true,
    // Kysely looks for its bookkeeping tables in every schema unless told which: a hub in a schema
    // of its own (search_path) would take another schema's lock table for its own.
    migrationTableSchema: schema,
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    // No failed migration means none could start: usually the database is unreachable.
    const what = failed ? `Database migration ${failed} failed` : 'Cannot migrate the database';
    throw new Error(`${what}: ${reason}`, { cause: error });
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The schema a PostgreSQL hub works in (its search_path), or undefined for SQLite. */
async function postgresSchema(db: HubKysely): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  try {
    const { rows } = await sql<{ name: string }>`SELECT current_schema() AS name`.execute(db);
    return rows[0]?.name;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot migrate the database: ${reason}`, { cause: error });
  }
}
