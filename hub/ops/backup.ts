/**
 * `pop-hub backup` and `pop-hub restore`: the hub's whole state in one file. SQLite through its
 * online backup (a consistent copy while the hub keeps serving), PostgreSQL through `pg_dump`'s
 * custom format and `pg_restore`. A restore goes only into an empty target, so it can never mix
 * two histories, and checks the file before it touches anything.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { SQLITE_FILE_NAME, redactPassword, type DatabaseOptions } from '../db/open.js';

/** Kysely's bookkeeping table: every hub database has it, and nothing else does. */
const MIGRATION_TABLE = 'kysely_migration';

export class BackupError extends Error {}

export interface BackupResult {
  file: string;
  bytes: number;
  migrations: number;
}

export async function backup(options: DatabaseOptions, outFile: string): Promise<BackupResult> {
  const file = resolve(outFile);
  if (existsSync(file)) throw new BackupError(`${file} exists already; choose a new file for the backup.`);
  mkdirSync(dirname(file), { recursive: true });
  if (options.databaseUrl) await backupPostgres(options.databaseUrl, file);
  else await backupSqlite(options.dataDir, file);
  return { file, bytes: statSync(file).size, migrations: await migrationsIn(options, file) };
}

export async function restore(options: DatabaseOptions, inFile: string): Promise<BackupResult> {
  const file = resolve(inFile);
  if (!existsSync(file)) throw new BackupError(`${file} does not exist.`);
  if (options.databaseUrl) await restorePostgres(options.databaseUrl, file);
  else restoreSqlite(options.dataDir, file);
  return { file, bytes: statSync(file).size, migrations: await migrationsIn(options, file) };
}

async function backupSqlite(dataDir: string, file: string): Promise<void> {
  const source = join(resolve(dataDir), SQLITE_FILE_NAME);
  if (!existsSync(source)) throw new BackupError(`${source} does not exist: no hub database to back up.`);
  const db = new SqliteDatabase(source, { fileMustExist: true });
  try {
    // The WAL stays readable for the running hub; better-sqlite3 copies page by page.
    db.pragma('busy_timeout = 5000');
    await db.backup(`${file}.partial`);
  } finally {
    db.close();
  }
  checkSqliteFile(`${file}.partial`);
  renameSync(`${file}.partial`, file);
}

function restoreSqlite(dataDir: string, file: string): void {
  checkSqliteFile(file);
  const dir = resolve(dataDir);
  const target = join(dir, SQLITE_FILE_NAME);
  if (existsSync(target))
    throw new BackupError(
      `${target} exists: restore only into an empty data folder (move the old one aside).`,
    );
  mkdirSync(dir, { recursive: true });
  const copy = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    // VACUUM INTO writes a clean, complete database file in one go.
    copy.prepare('VACUUM INTO ?').run(`${target}.partial`);
  } finally {
    copy.close();
  }
  renameSync(`${target}.partial`, target);
}

/** A SQLite file that is whole and is a hub's database, or a BackupError saying what it is not. */
function checkSqliteFile(file: string): void {
  let db: SqliteDatabase.Database;
  try {
    db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${file} is not a SQLite database: ${(error as Error).message}`);
  }
  try {
    const [integrity] = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    if (integrity?.integrity_check !== 'ok')
      throw new BackupError(`${file} is damaged: ${integrity?.integrity_check ?? 'no answer'}`);
    const table = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?")
      .get(MIGRATION_TABLE);
    if (!table)
      throw new BackupError(`${file} is a SQLite database, but not a hub's (no ${MIGRATION_TABLE}).`);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} is not a SQLite database: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

async function backupPostgres(databaseUrl: string, file: string): Promise<void> {
  if ((await postgresMigrations(databaseUrl)) === null)
    throw new BackupError(`${redactPassword(databaseUrl)} holds no hub database to back up.`);
  // A hub that lives in a schema of its own (search_path in the URL) is backed up as that schema.
  const schema = await currentSchema(databaseUrl);
  const only = schema === 'public' ? [] : [`--schema=${schema}`];
  await run('pg_dump', [
    ...only,
    '--format=custom',
    '--no-owner',
    '--no-privileges',
    `--file=${file}.partial`,
    databaseUrl,
  ]);
  renameSync(`${file}.partial`, file);
}

async function restorePostgres(databaseUrl: string, file: string): Promise<void> {
  // pg_restore --list reads the archive's table of contents: a quick check that it is one.
  const listing = await run('pg_restore', ['--list', file]).catch((error: Error) => {
    throw new BackupError(`${file} is not a pg_dump archive: ${error.message}`);
  });
  if (!listing.includes(MIGRATION_TABLE))
    throw new BackupError(`${file} is a pg_dump archive, but not of a hub's database.`);
  if ((await postgresMigrations(databaseUrl)) !== null)
    throw new BackupError(
      `${redactPassword(databaseUrl)} already holds a hub database: restore only into an empty database.`,
    );
  await run('pg_restore', [
    '--no-owner',
    '--no-privileges',
    '--exit-on-error',
    '--single-transaction',
    '--dbname',
    databaseUrl,
    file,
  ]);
}

async function currentSchema(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return String((await client.query('SELECT current_schema() AS name')).rows[0]?.name ?? 'public');
  } finally {
    await client.end();
  }
}

/** How many migrations the database has applied, or null when it is not (yet) a hub database. */
async function postgresMigrations(databaseUrl: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT to_regclass($1) AS name', [MIGRATION_TABLE]);
    if (!exists.rows[0]?.name) return null;
    const count = await client.query(`SELECT COUNT(*)::int AS n FROM ${MIGRATION_TABLE}`);
    return Number(count.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

async function migrationsIn(options: DatabaseOptions, file: string): Promise<number> {
  if (options.databaseUrl) return (await postgresMigrations(options.databaseUrl)) ?? 0;
  const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM ${MIGRATION_TABLE}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Runs a PostgreSQL client tool; its stdout, or an error with what it printed to stderr. */
function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', (error) => reject(new BackupError(`${command} could not start: ${error.message}`)));
    child.on('exit', (code) => {
      if (code === 0) resolveRun(out);
      else reject(new BackupError(`${command} failed (exit ${code}): ${err.trim().split('\n')[0] ?? ''}`));
    });
  });
}

/** Removes a half-written backup left by a failed run. */
export function removePartial(outFile: string): void {
  rmSync(`${resolve(outFile)}.partial`, { force: true });
}
