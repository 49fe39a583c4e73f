import { contract } from '../protocol/routes/index.js';
import { ARS_MESSAGE, isTenantId } from '../protocol/tenants.js';
import { CliError } from './files.js';
import type { HubApi } from './hub-api.js';

interface Io {
  out(line: string): void;
}

const checkArs = (value: string, what: string) => {
  if (!isTenantId(value)) throw new CliError(`${what}: ${ARS_MESSAGE}`, 2);
};

/** `tenant-create <ARS> --name <name>`: a municipality on the hub (operator token). */
export async function tenantCreate(hub: HubApi, id: string, name: string, io: Io): Promise<void> {
  checkArs(id, 'ARS');
  const tenant = await hub.call(contract.tenants.create, { body: { id, name } });
  io.out(`Tenant ${tenant.id} (${tenant.name}) created.`);
}

/** `tenants`: the municipalities the token runs. */
export async function tenantList(hub: HubApi, io: Io): Promise<void> {
  const { tenants } = await hub.call(contract.tenants.list, {});
  for (const tenant of tenants) io.out(`${tenant.id}\t${tenant.name}`);
}

/** `token-issue --name <person> --tenants <a,b>`: a named token for a person (operator token). */
export async function tokenIssue(hub: HubApi, name: string, tenants: string[], io: Io): Promise<void> {
  if (tenants.length === 0) throw new CliError('--tenants: name at least one tenant (ARS).', 2);
  for (const tenant of tenants) checkArs(tenant, '--tenants');
  const issued = await hub.call(contract.tenants.createToken, { body: { name, tenants } });
  io.out(`Provider token for ${issued.name} (tenants ${issued.tenants.join(', ')}); shown only now:`);
  io.out(issued.token);
}
