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
import { fitConnectDelivery } from './migrations/0021_fit_connect_delivery.js';
import { retention } from './migrations/0022_retention.js';
import { alertState } from './migrations/0023_alert_state.js';
import { oidcLogins } from './migrations/0026_oidc_logins.js';

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
  '0021_fit_connect_delivery': fitConnectDelivery,
  '0022_retention': retention,
  '0023_alert_state': alertState,
  '0026_oidc_logins': oidcLogins,
};

const provider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...MIGRATIONS }),
};

/** Brings the schema up to date; returns the names of the migrations that ran now. */
export async function migrateToLatest(db: HubKysely): Promise<string[]> {
  // Migration numbers have gaps and a release may bring one below the newest applied: each only
  // adds, so applying a late one out of order is safe and an existing database keeps migrating.
  const migrator = new Migrator({
    db,
    provider,
    allowUnorderedMigrations: true,
    // Kysely looks for its bookkeeping tables in every schema unless told which: a hub in a schema
    // of its own (search_path) would take another schema's lock table for its own.
    migrationTableSchema: await postgresSchema(db),
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
