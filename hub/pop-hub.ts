#!/usr/bin/env node
/**
 * `pop-hub`: the hub's command. `pop-hub [serve] [options]` runs the hub (see `--help`);
 * `pop-hub backup --out <file>` and `pop-hub restore --from <file>` copy its whole database out
 * and into an empty target; `pop-hub import-xzufi <file>` brings an XZuFi export into the
 * catalog; `pop-hub migrate` brings the schema up to date and exits (for hubs
 * started with --no-migrate); `pop-hub token-secrets list|rotate|retire <id>` manages the secrets
 * enrolled terminals' tokens are signed with; `pop-hub tenants list|create|rename` manages the
 * municipalities (docs/tenants.md) and `pop-hub provider-tokens issue` makes a named provider
 * token for some of them. Database options as for serving: `--data-dir` /
 * `POP_DATA_DIR` for SQLite, `--database-url` / `POP_DATABASE_URL` for PostgreSQL.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { backup, BackupError, removePartial, restore } from './ops/backup.js';
import { importXzufiCommand } from './xzufi/cli.js';
import { tenantsCommand } from './tenants/cli.js';
import { schemaCommand, SCHEMA_COMMANDS, type SchemaCommand } from './ops/schema-commands.js';

const EXIT_USAGE = 2;
const EXIT_FAILURE = 1;

const OPS_USAGE = `Usage: pop-hub backup  --out <file>  [--data-dir <dir> | --database-url <url>]
       pop-hub restore --from <file> [--data-dir <dir> | --database-url <url>]
       pop-hub import-xzufi <file> --category <id> [--office <unit-id>=<office-id>]...
       pop-hub migrate [--data-dir <dir> | --database-url <url>]
       pop-hub token-secrets list|rotate|retire <id> [--data-dir <dir> | --database-url <url>]
       pop-hub tenants list | create <ARS> --name <name> | rename <ARS> <new ARS>
       pop-hub provider-tokens issue --name <person> --tenant <ARS>...
       pop-hub [serve] [hub options]   (pop-hub --help lists them)`;

async function ops(command: 'backup' | 'restore', args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        out: { type: 'string' },
        from: { type: 'string' },
        'data-dir': {
          type: 'string',
          default: process.env['POP_DATA_DIR'] ?? join(process.cwd(), '.data/hub'),
        },
        'database-url': { type: 'string', default: process.env['POP_DATABASE_URL'] },
      },
    }));
  } catch (error) {
    process.stderr.write(`pop-hub: ${(error as Error).message}\n${OPS_USAGE}\n`);
    return EXIT_USAGE;
  }
  const file = command === 'backup' ? values.out : values.from;
  if (!file) {
    process.stderr.write(
      `pop-hub: ${command} needs ${command === 'backup' ? '--out' : '--from'} <file>\n${OPS_USAGE}\n`,
    );
    return EXIT_USAGE;
  }
  const database = { dataDir: values['data-dir'], databaseUrl: values['database-url'] || undefined };
  try {
    const result = command === 'backup' ? await backup(database, file) : await restore(database, file);
    const done = command === 'backup' ? 'backed up to' : 'restored from';
    process.stdout.write(
      `pop-hub: ${done} ${result.file} (${result.bytes} bytes, ${result.migrations} migrations)\n`,
    );
    return 0;
  } catch (error) {
    if (command === 'backup') removePartial(file);
    const message = error instanceof BackupError ? error.message : `unexpected failure: ${String(error)}`;
    process.stderr.write(`pop-hub: ${command} failed: ${message}\n`);
    return EXIT_FAILURE;
  }
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'backup' || command === 'restore') {
  process.exitCode = await ops(command, rest);
} else if (command === 'import-xzufi') {
  const write = (stream: NodeJS.WriteStream) => (line: string) => stream.write(`${line}\n`);
  process.exitCode = await importXzufiCommand(rest, write(process.stdout), write(process.stderr));
} else if (command === 'tenants' || command === 'provider-tokens') {
  const write = (stream: NodeJS.WriteStream) => (line: string) => stream.write(`${line}\n`);
  process.exitCode = await tenantsCommand(command, rest, write(process.stdout), write(process.stderr));
} else if (SCHEMA_COMMANDS.includes(command as SchemaCommand)) {
  process.exitCode = await schemaCommand(command as SchemaCommand, rest, OPS_USAGE);
} else {
  if (command === 'serve') process.argv.splice(2, 1);
  await import('./main.js');
}
