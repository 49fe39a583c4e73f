import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { claimDataDir, DataDirBusy } from '../db/data-dir-lock.js';
import { migrateToLatest, schemaStatus } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import {
  listTokenSecrets,
  retireTokenSecret,
  rotateTokenSecret,
  TokenSecretError,
} from '../fleet/token-secrets.js';

export const SCHEMA_COMMANDS = ['migrate', 'token-secrets'] as const;
export type SchemaCommand = (typeof SCHEMA_COMMANDS)[number];

const EXIT_USAGE = 2;
const EXIT_FAILURE = 1;

/**
 * `pop-hub migrate`: the rollout's first step, before any instance of the new build starts (they
 * run with --no-migrate); the running older instances keep working, as migrations only expand.
 * `pop-hub token-secrets`: rotate the terminal-token secret shared by all instances, list the
 * secrets, retire an old one once terminals hold tokens of the new one (an hour).
 */
export async function schemaCommand(command: SchemaCommand, args: string[], usage: string): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'data-dir': {
          type: 'string',
          default: process.env['POP_DATA_DIR'] ?? join(process.cwd(), '.data/hub'),
        },
        'database-url': { type: 'string', default: process.env['POP_DATABASE_URL'] },
      },
    });
  } catch (error) {
    process.stderr.write(`pop-hub: ${(error as Error).message}\n${usage}\n`);
    return EXIT_USAGE;
  }
  const [action, id, ...extra] = parsed.positionals;
  const valid =
    command === 'migrate'
      ? action === undefined
      : (action === 'list' || action === 'rotate' || (action === 'retire' && id !== undefined)) &&
        extra.length === 0 &&
        (action === 'retire' || id === undefined);
  if (!valid) {
    process.stderr.write(
      `pop-hub: ${command}: unexpected arguments ${JSON.stringify(parsed.positionals)}\n${usage}\n`,
    );
    return EXIT_USAGE;
  }
  const databaseUrl = parsed.values['database-url'] || undefined;
  const dataDir = parsed.values['data-dir'];
  let claim;
  try {
    // SQLite is one process's: not while a hub serves from the folder (PostgreSQL takes many).
    claim = databaseUrl ? null : claimDataDir(dataDir);
  } catch (error) {
    if (!(error instanceof DataDirBusy)) throw error;
    process.stderr.write(`pop-hub: ${error.message}\n`);
    return EXIT_FAILURE;
  }
  const { db } = openDatabase({ dataDir, databaseUrl });
  try {
    if (command === 'migrate') {
      const applied = await migrateToLatest(db);
      const { newer } = await schemaStatus(db);
      const also = newer.length > 0 ? `; newer than this build: ${newer.join(', ')}` : '';
      process.stdout.write(
        `pop-hub: migrated (${applied.length > 0 ? `applied ${applied.join(', ')}` : 'already up to date'}${also})\n`,
      );
      return 0;
    }
    if (action === 'rotate') {
      const made = await rotateTokenSecret(db, new Date());
      process.stdout.write(
        `pop-hub: token secret ${made.id} signs new tokens; older ones stay valid until retired\n`,
      );
    } else if (action === 'retire') {
      await retireTokenSecret(db, id ?? '', new Date());
      process.stdout.write(`pop-hub: token secret ${id} retired; its tokens are refused from now on\n`);
    } else {
      for (const s of await listTokenSecrets(db))
        process.stdout.write(
          `${s.id}\t${s.createdAt}\t${s.current ? 'current' : s.retiredAt ? `retired ${s.retiredAt}` : 'accepted'}\n`,
        );
    }
    return 0;
  } catch (error) {
    const message =
      error instanceof TokenSecretError
        ? error.message
        : error instanceof Error
          ? error.message
          : String(error);
    process.stderr.write(`pop-hub: ${command} failed: ${message}\n`);
    return EXIT_FAILURE;
  } finally {
    await db.destroy();
    claim?.release();
  }
}
