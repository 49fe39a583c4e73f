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

/**
 * A pool of its own for the live call state of hub instances on PostgreSQL. Every call change
 * waits on its commit before the other instances hear of it, and these rows only say what is
 * going on now, so these sessions commit without waiting for the WAL flush: a commit is visible
 * at once either way, and a database crash loses at most its last fraction of a second of call
 * changes, which the sides send again when they reconnect. The transaction that logs an ended
 * call waits for the flush (live-store.ts `endCallRow`), so the call log loses nothing. Its own
 * connections also keep the call path clear of a pool busy with requests.
 */
export function openCallStateDatabase(databaseUrl: string): HubKysely {
  const pool = new pg.Pool({
    connectionString: withSessionOption(databaseUrl, '-c synchronous_commit=off'),
    max: 5,
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Adds a server setting to the URL's own `options` (which a connection string would override). */
export function withSessionOption(databaseUrl: string, option: string): string {
  const url = new URL(databaseUrl);
  const options = url.searchParams.get('options');
  url.searchParams.set('options', options ? `${options} ${option}` : option);
  return url.toString();
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
