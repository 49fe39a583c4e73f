/**
 * `pop-hub import-xzufi <file> --category <id> [--office <unit-id>=<office-id>]... [--default-office
 * <id>] [--dry-run]`: imports an XZuFi 2.2.0 export into the hub's catalog. Terminals get the
 * result through their normal content sync; the hub may keep running meanwhile.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase, SQLITE_FILE_NAME } from '../db/open.js';
import { isId } from '../../protocol/id.js';
import { importXzufi, XzufiImportError, type XzufiImportReport } from './apply.js';
import { readXzufi, XzufiError } from './read.js';

export const IMPORT_XZUFI_USAGE = `Usage: pop-hub import-xzufi <file> --category <id> [--office <unit-id>=<office-id>]...
                            [--default-office <id>] [--tenant <ARS>] [--dry-run] [--data-dir <dir> | --database-url <url>]`;

type Write = (line: string) => void;

function summary(report: XzufiImportReport, dryRun: boolean): string[] {
  const verb = dryRun ? 'would be' : 'was';
  const lines = [
    `${report.added.length} added, ${report.updated.length} updated, ${report.unchanged.length} unchanged, ` +
      `${report.withdrawn.length} withdrawn; offices updated: ${report.officesUpdated.join(', ') || 'none'}`,
  ];
  for (const [label, ids] of [
    ['added', report.added],
    ['updated', report.updated],
    ['withdrawn', report.withdrawn],
  ] as const)
    if (ids.length) lines.push(`${label}: ${ids.join(' ')}`);
  if (report.problems.length)
    lines.push(`${report.problems.length} not imported (what the catalog has of them ${verb} kept):`);
  for (const problem of report.problems) lines.push(`  ${problem}`);
  if (dryRun) lines.push('dry run: nothing was changed');
  else if (report.revision) lines.push(`new content revision ${report.revision}`);
  return lines;
}

/** Exit codes: 0 all imported, 1 some Leistungen not imported (listed), 2 usage or refused file. */
export async function importXzufiCommand(args: string[], out: Write, err: Write): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        category: { type: 'string' },
        tenant: { type: 'string' },
        office: { type: 'string', multiple: true, default: [] },
        'default-office': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'data-dir': {
          type: 'string',
          default: process.env['POP_DATA_DIR'] ?? join(process.cwd(), '.data/hub'),
        },
        'database-url': { type: 'string', default: process.env['POP_DATABASE_URL'] },
      },
    });
  } catch (error) {
    err(`pop-hub: ${(error as Error).message}\n${IMPORT_XZUFI_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    err(`pop-hub: import-xzufi needs exactly one file\n${IMPORT_XZUFI_USAGE}`);
    return 2;
  }
  if (!values.category || !isId(values.category)) {
    err(`pop-hub: --category must name the category of new services (an id)\n${IMPORT_XZUFI_USAGE}`);
    return 2;
  }
  const officeFor: Record<string, string> = {};
  for (const pair of values.office) {
    const at = pair.lastIndexOf('=');
    const unit = pair.slice(0, at).trim();
    const office = pair.slice(at + 1).trim();
    if (at <= 0 || !unit || !isId(office)) {
      err(`pop-hub: --office "${pair}" must be <unit-id>=<office-id>\n${IMPORT_XZUFI_USAGE}`);
      return 2;
    }
    officeFor[unit] = office;
  }
  let message;
  try {
    message = readXzufi(readFileSync(file));
  } catch (error) {
    const reason = error instanceof XzufiError ? error.message : (error as Error).message;
    err(`pop-hub: ${file}: ${reason}`);
    return 2;
  }
  const databaseUrl = values['database-url'] || undefined;
  if (!databaseUrl && !existsSync(join(values['data-dir'], SQLITE_FILE_NAME))) {
    err(`pop-hub: no hub database in ${values['data-dir']} (give --data-dir or --database-url)`);
    return 2;
  }
  const { db } = openDatabase({ dataDir: values['data-dir'], databaseUrl });
  try {
    const report = await importXzufi(db, message, {
      tenantId: values.tenant,
      officeFor,
      defaultOfficeId: values['default-office'],
      categoryId: values.category,
      now: new Date().toISOString(),
      dryRun: values['dry-run'],
    });
    for (const line of summary(report, values['dry-run'])) out(line);
    return report.problems.length ? 1 : 0;
  } catch (error) {
    if (error instanceof XzufiImportError) {
      err(`pop-hub: import-xzufi refused: ${error.message}; nothing was changed`);
      return 2;
    }
    err(`pop-hub: import-xzufi failed, nothing was changed: ${String(error)}`);
    return 1;
  } finally {
    await db.destroy();
  }
}
