import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ARS_MESSAGE, isTenantId } from '../../protocol/tenants.js';
import { claimDataDir, DataDirBusy } from '../db/data-dir-lock.js';
import { migrateToLatest } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import type { HubKysely } from '../db/schema.js';
import { issueProviderToken } from '../fleet/provider-auth.js';
import { createTenant, listTenants, renameTenant, tenantExists } from './store.js';

export const TENANTS_USAGE = `Usage: pop-hub tenants list
       pop-hub tenants create <ARS> --name <name>
       pop-hub tenants rename <ARS> <new ARS>
       pop-hub provider-tokens issue --name <person> --tenant <ARS> [--tenant <ARS>]...
       (each with [--data-dir <dir> | --database-url <url>])`;

type Write = (line: string) => void;
const EXIT_USAGE = 2;
const EXIT_FAILURE = 1;

/**
 * The operator's commands for municipalities on this hub, straight on the database (the same
 * operations as the provider routes under /api/v1/provider/tenants, for a hub that has no token
 * yet): list, create and rename tenants, and issue a named provider token for some tenants.
 */
export async function tenantsCommand(
  command: 'tenants' | 'provider-tokens',
  args: string[],
  out: Write,
  err: Write,
  now: () => Date = () => new Date(),
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        tenant: { type: 'string', multiple: true, default: [] },
        'data-dir': {
          type: 'string',
          default: process.env['POP_DATA_DIR'] ?? join(process.cwd(), '.data/hub'),
        },
        'database-url': { type: 'string', default: process.env['POP_DATABASE_URL'] },
      },
    });
  } catch (error) {
    err(`pop-hub: ${(error as Error).message}\n${TENANTS_USAGE}`);
    return EXIT_USAGE;
  }
  const { values, positionals } = parsed;
  const [action, ...rest] = positionals;
  const usage = (message: string) => {
    err(`pop-hub: ${message}\n${TENANTS_USAGE}`);
    return EXIT_USAGE;
  };
  const ars = (field: string, value: string | undefined) =>
    value !== undefined && isTenantId(value) ? undefined : `${field}: ${ARS_MESSAGE}`;
  let work: (db: HubKysely) => Promise<void>;
  if (command === 'provider-tokens') {
    if (action !== 'issue' || rest.length > 0) return usage('provider-tokens takes "issue"');
    const name = values.name?.trim();
    if (!name) return usage('--name: name the person the token is for');
    if (values.tenant.length === 0) return usage('--tenant: name at least one tenant (ARS)');
    for (const tenant of values.tenant) {
      const problem = ars('--tenant', tenant);
      if (problem) return usage(problem);
    }
    work = async (db) => {
      for (const tenant of values.tenant)
        if (!(await tenantExists(db, tenant))) throw new Error(`--tenant: there is no tenant "${tenant}"`);
      const token = await issueProviderToken(db, name, values.tenant, now());
      out(`pop-hub: provider token for ${name} (tenants ${values.tenant.join(', ')}); shown only now:`);
      out(token);
    };
  } else if (action === 'list' && rest.length === 0) {
    work = async (db) => {
      for (const tenant of await listTenants(db)) out(`${tenant.id}\t${tenant.name}\t${tenant.createdAt}`);
    };
  } else if (action === 'create' && rest.length === 1) {
    const problem =
      ars('ARS', rest[0]) ?? (values.name?.trim() ? undefined : '--name: name the municipality');
    if (problem) return usage(problem);
    work = async (db) => {
      const tenant = await createTenant(
        db,
        { id: rest[0] ?? '', name: values.name?.trim() ?? '' },
        now().toISOString(),
      );
      out(`pop-hub: tenant ${tenant.id} (${tenant.name}) created`);
    };
  } else if (action === 'rename' && rest.length === 2) {
    const problem = ars('ARS', rest[0]) ?? ars('new ARS', rest[1]);
    if (problem) return usage(problem);
    work = async (db) => {
      await db.transaction().execute((trx) => renameTenant(trx, rest[0] ?? '', rest[1] ?? ''));
      out(`pop-hub: tenant ${rest[0]} is now ${rest[1]}`);
    };
  } else return usage(`${command}: unexpected arguments ${JSON.stringify(positionals)}`);

  const databaseUrl = values['database-url'] || undefined;
  const dataDir = values['data-dir'];
  let claim;
  try {
    claim = databaseUrl ? null : claimDataDir(dataDir);
  } catch (error) {
    if (!(error instanceof DataDirBusy)) throw error;
    err(`pop-hub: ${error.message}`);
    return EXIT_FAILURE;
  }
  const { db } = openDatabase({ dataDir, databaseUrl });
  try {
    await migrateToLatest(db);
    await work(db);
    return 0;
  } catch (error) {
    err(`pop-hub: ${command} ${action ?? ''} failed: ${(error as Error).message}`);
    return EXIT_FAILURE;
  } finally {
    await db.destroy();
    claim?.release();
  }
}
