import { createHash } from 'node:crypto';
import type { HubKysely } from '../db/schema.js';
import { releasesStamp, VersionedCache } from './versioned-cache.js';

/**
 * A terminal's place in percentage rollouts, 0 <= bucket < 100, from a hash of its id alone:
 * the same terminals are always the first 10 %, and widening a rollout only ever adds terminals.
 */
export function bucketOf(terminalId: string): number {
  const digest = createHash('sha256').update(terminalId, 'utf8').digest();
  return (digest.readUInt32BE(0) % 10_000) / 100;
}

export interface ReleaseTarget {
  version: number;
  /** The municipality the release was published for; undefined in tests of the policy alone. */
  tenantId?: string;
  percent: number;
  terminals: ReadonlySet<string>;
  /** Terminals the release holds a signed config for. */
  configured: ReadonlySet<string>;
}

export function isTargeted(release: ReleaseTarget, terminalId: string): boolean {
  if (!release.configured.has(terminalId)) return false;
  return release.terminals.has(terminalId) || bucketOf(terminalId) < release.percent;
}

/** The newest release that targets the terminal; releases sorted newest first. */
export function assignedVersion(
  releases: readonly ReleaseTarget[],
  terminalId: string,
  tenantId?: string,
): number | null {
  for (const release of releases)
    if ((tenantId === undefined || release.tenantId === tenantId) && isTargeted(release, terminalId))
      return release.version;
  return null;
}

/**
 * Releases change rarely and are read on every heartbeat: kept in memory and checked against
 * the releases' stamp at each read, so a release published through another instance counts at once.
 */
export class RolloutCache {
  private readonly cache = new VersionedCache(
    () => releasesStamp(this.db),
    () => this.read(),
  );

  constructor(private readonly db: HubKysely) {}

  invalidate(): void {
    this.cache.invalidate();
  }

  /** With the terminal's tenant, only that municipality's releases count. */
  async versionFor(terminalId: string, tenantId?: string): Promise<number | null> {
    return assignedVersion(await this.cache.get(), terminalId, tenantId);
  }

  private async read(): Promise<ReleaseTarget[]> {
    const rows = await this.db.selectFrom('config_releases').selectAll().orderBy('version', 'desc').execute();
    const docs = await this.db.selectFrom('config_documents').select(['version', 'terminal_id']).execute();
    const configured = new Map<number, Set<string>>();
    for (const doc of docs) {
      const set = configured.get(doc.version) ?? new Set<string>();
      set.add(doc.terminal_id);
      configured.set(doc.version, set);
    }
    return rows.map((row) => ({
      version: row.version,
      tenantId: row.tenant_id,
      percent: row.rollout_percent,
      terminals: new Set(JSON.parse(row.rollout_terminals) as string[]),
      configured: configured.get(row.version) ?? new Set(),
    }));
  }
}
