import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database, HubKysely } from './schema.js';

export interface DatabaseOptions {
  /** Folder for the embedded SQLite file; created when missing. */
  dataDir: string;
  /** postgres://... to use PostgreSQL instead of the embedded SQLite. */
  databaseUrl?: string | undefined;
}

export interface OpenDatabase {
  db: HubKysely;
  dialect: 'sqlite' | 'postgres';
  /** Where the data lives, safe to log (no password). */
  location: string;
}

export const SQLITE_FILE_NAME = 'hub.sqlite';

export function openDatabase(options: DatabaseOptions): OpenDatabase {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openSqlite(options.dataDir);
}

function openSqlite(dataDir: string): OpenDatabase {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, SQLITE_FILE_NAME);
  const sqlite = new SqliteDatabase(file);
  // WAL lets the clerk console read while a terminal writes; synchronous=FULL makes a receipt a
  // promise: the submission is on disk before the hub answers.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }),
    dialect: 'sqlite',
    location: file,
  };
}

function openPostgres(databaseUrl: string): OpenDatabase {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  return {
    db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
    dialect: 'postgres',
    location: redactPassword(databaseUrl),
  };
}

export function redactPassword(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://(unparsable url)';
  }
}
