import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateFleetFile, type FleetFile } from '../../kiosk-config/fleet/fleet-file.js';
import { publicHalf, type ProviderKeyPair } from '../../kiosk-config/fleet/keys.js';
import type { ProviderKey } from '../../kiosk-config/fleet/signed.js';
import { signRelease, type Release } from '../../kiosk-config/fleet/release.js';
import type { Heartbeat } from '../../protocol/fleet.js';
import type { HubKysely } from '../db/schema.js';
import type { ProviderKeySource } from '../fleet/provider-keys.js';
import { findRepoRoot } from '../repo-root.js';
import { TEST_TENANT } from './tenant.js';
import { sha256Hex } from '../util/hash.js';

/** The example fleet file with `count` extra terminals t-00, t-01, ... at the demo site. */
export function exampleFleet(count: number): FleetFile {
  const file = JSON.parse(
    readFileSync(join(findRepoRoot(), 'kiosk-config/fleet-example.json'), 'utf8'),
  ) as FleetFile;
  for (let i = 0; i < count; i++) file.terminals[terminalName(i)] = { site: 'dorfladen' };
  return file;
}

export const terminalName = (i: number) => `t-${String(i).padStart(2, '0')}`;
export const tokenOf = (id: string) => `${id}-token-0123456789abcdefghij`;

/** Terminals with bearer tokens, straight into the database (tests and the bench). */
export async function insertTerminals(
  db: HubKysely,
  ids: readonly string[],
  now = new Date(),
  tenantId = TEST_TENANT.id,
): Promise<void> {
  // Terminals belong to a municipality: the test tenant is made when the database has none.
  await db
    .insertInto('tenants')
    .values({ id: tenantId, name: tenantId, created_at: now.toISOString() })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const rows = ids.map((id) => ({
    id,
    tenant_id: tenantId,
    name: id,
    token_hash: sha256Hex(tokenOf(id)),
    created_at: now.toISOString(),
    revoked_at: null,
  }));
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('terminals')
      .values(rows.slice(i, i + 200))
      .execute();
}

/**
 * The provider keys test hubs check releases against: each key signedRelease signs with, as an
 * operator pins the provider's public key with --provider-keys. A forgery made any other way
 * meets a hub that does not know its key.
 */
const knownProviderKeys = new Map<string, ProviderKey>();
export const testProviderKeys: ProviderKeySource = () => Promise.resolve([...knownProviderKeys.values()]);

export async function signedRelease(
  file: FleetFile,
  key: ProviderKeyPair,
  version: number,
  now = new Date(),
): Promise<Release> {
  knownProviderKeys.set(key.keyId, publicHalf(key));
  const checked = validateFleetFile(file);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return signRelease(checked.file, checked.terminals, { version, key, now, validForDays: 30 });
}

/** A plausible heartbeat body. */
export function heartbeat(overrides: Partial<Heartbeat> = {}): Heartbeat {
  return {
    appVersion: '0.1.0',
    configVersion: 0,
    lastSyncAt: null,
    outboxDepth: 0,
    quarantined: 0,
    storageBytes: 1000,
    uptimeSeconds: 60,
    lastError: null,
    sessions: 0,
    heartbeatSeconds: 30,
    ...overrides,
  };
}
