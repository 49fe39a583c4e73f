import { Release } from '../../kiosk-config/fleet/release.js';
import type { ReleaseSummary, Rollout } from '../../protocol/fleet.js';
import type { HubKysely } from '../db/schema.js';
import { HttpError } from '../http/errors.js';
import { resolveTenant } from '../tenants/store.js';
import { hubUrlOfSignedConfig } from './hub-origins.js';
import { verifyRelease, type ProviderKeySource } from './provider-keys.js';

const INSERT_CHUNK = 200;

/**
 * The hub stores and hands out what the provider signed; it cannot sign. It still verifies every
 * config against the provider keys it was given, so neither a mix-up nor a forgery made with a
 * provider token alone is stored and handed to thousands of terminals, which verify again.
 */
export async function publishRelease(
  db: HubKysely,
  release: Release,
  rollout: { percent: number; terminals: string[] },
  now: Date,
  providerKeys: ProviderKeySource,
  tenant?: string,
): Promise<ReleaseSummary> {
  await verifyRelease(release, providerKeys);
  const tenantId = await resolveTenant(db, tenant);
  const terminalIds = Object.keys(release.configs);
  const foreign =
    terminalIds.length === 0
      ? []
      : await db
          .selectFrom('terminals')
          .select('id')
          .where('id', 'in', terminalIds)
          .where('tenant_id', '<>', tenantId)
          .execute();
  if (foreign.length > 0)
    throw new HttpError(422, {
      error: 'foreign_terminal',
      message: `configs: ${foreign.map((t) => t.id).join(', ')} are terminals of another municipality`,
      issues: [{ path: 'configs', message: 'names terminals of another municipality' }],
    });
  const unknown = rollout.terminals.filter((id) => !(id in release.configs));
  if (unknown.length > 0)
    throw new HttpError(422, {
      error: 'unknown_rollout_terminal',
      message: `The release has no config for ${unknown.join(', ')}.`,
    });
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const newest = await trx
      .selectFrom('config_releases')
      .select((eb) => eb.fn.max('version').as('version'))
      .executeTakeFirst();
    const highest = Number(newest?.version ?? 0);
    if (release.version <= highest)
      throw new HttpError(409, {
        error: 'version_not_newer',
        message: `Version ${release.version} is not newer than the published version ${highest}; terminals would refuse it as a downgrade.`,
      });
    await trx
      .insertInto('config_releases')
      .values({
        version: release.version,
        tenant_id: tenantId,
        issuer: release.issuer,
        created_at: at,
        rollout_percent: rollout.percent,
        rollout_terminals: JSON.stringify(rollout.terminals),
        updated_at: at,
      })
      .execute();
    const rows = Object.entries(release.configs).map(([terminal_id, signed]) => ({
      version: release.version,
      terminal_id,
      signed: JSON.stringify(signed),
    }));
    for (let i = 0; i < rows.length; i += INSERT_CHUNK)
      await trx
        .insertInto('config_documents')
        .values(rows.slice(i, i + INSERT_CHUNK))
        .execute();
    const hubUrls = new Set(rows.map((row) => hubUrlOfSignedConfig(row.signed)).filter((u) => u !== null));
    if (hubUrls.size > 0)
      await trx
        .insertInto('release_hub_origins')
        .values([...hubUrls].map((hub_url) => ({ version: release.version, hub_url })))
        .execute();
  });
  return {
    version: release.version,
    issuer: release.issuer,
    createdAt: at,
    terminalCount: Object.keys(release.configs).length,
    rollout,
  };
}

export async function setRollout(
  db: HubKysely,
  version: number,
  rollout: Required<Rollout>,
  now: Date,
  tenant?: string,
): Promise<void> {
  if (tenant !== undefined) await releaseOfTenant(db, version, tenant);
  const configured = await db
    .selectFrom('config_documents')
    .select('terminal_id')
    .where('version', '=', version)
    .execute();
  if (configured.length === 0) throw notFound(version);
  const ids = new Set(configured.map((r) => r.terminal_id));
  const unknown = rollout.terminals.filter((id) => !ids.has(id));
  if (unknown.length > 0)
    throw new HttpError(422, {
      error: 'unknown_rollout_terminal',
      message: `Release ${version} has no config for ${unknown.join(', ')}.`,
    });
  await db
    .updateTable('config_releases')
    .set({
      rollout_percent: rollout.percent,
      rollout_terminals: JSON.stringify(rollout.terminals),
      updated_at: now.toISOString(),
    })
    .where('version', '=', version)
    .execute();
}

/** 404 unless the release exists and belongs to the tenant: another's looks like a missing one. */
async function releaseOfTenant(db: HubKysely, version: number, tenantId: string): Promise<void> {
  const row = await db
    .selectFrom('config_releases')
    .select('version')
    .where('version', '=', version)
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  if (!row) throw notFound(version);
}

export async function listReleases(db: HubKysely, tenantId?: string): Promise<ReleaseSummary[]> {
  let query = db
    .selectFrom('config_releases')
    .leftJoin('config_documents', 'config_documents.version', 'config_releases.version');
  if (tenantId !== undefined) query = query.where('config_releases.tenant_id', '=', tenantId);
  const rows = await query
    .select((eb) => [
      'config_releases.version',
      'config_releases.issuer',
      'config_releases.created_at',
      'config_releases.rollout_percent',
      'config_releases.rollout_terminals',
      eb.fn.count<number>('config_documents.terminal_id').as('terminal_count'),
    ])
    .groupBy([
      'config_releases.version',
      'config_releases.issuer',
      'config_releases.created_at',
      'config_releases.rollout_percent',
      'config_releases.rollout_terminals',
    ])
    .orderBy('config_releases.version', 'desc')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    issuer: r.issuer,
    createdAt: r.created_at,
    terminalCount: Number(r.terminal_count),
    rollout: { percent: r.rollout_percent, terminals: JSON.parse(r.rollout_terminals) as string[] },
  }));
}

/** The release as published (for `rollback`, which re-signs an old one under a new version). */
export async function readRelease(db: HubKysely, version: number, tenantId?: string): Promise<Release> {
  let query = db.selectFrom('config_releases').selectAll().where('version', '=', version);
  if (tenantId !== undefined) query = query.where('tenant_id', '=', tenantId);
  const release = await query.executeTakeFirst();
  if (!release) throw notFound(version);
  const docs = await db.selectFrom('config_documents').selectAll().where('version', '=', version).execute();
  return Release.parse({
    format: 'pop-release/1',
    issuer: release.issuer,
    version,
    createdAt: release.created_at,
    configs: Object.fromEntries(docs.map((d) => [d.terminal_id, JSON.parse(d.signed) as unknown])),
  });
}

export async function signedConfigFor(
  db: HubKysely,
  version: number,
  terminalId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('config_documents')
    .select('signed')
    .where('version', '=', version)
    .where('terminal_id', '=', terminalId)
    .executeTakeFirst();
  return row?.signed;
}

const notFound = (version: number) =>
  new HttpError(404, { error: 'release_not_found', message: `There is no release ${version}.` });
