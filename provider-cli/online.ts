import { importSigningKey } from '../kiosk-config/fleet/keys.js';
import { Release } from '../kiosk-config/fleet/release.js';
import { ConfigPayload, signConfig, type SignedConfig } from '../kiosk-config/fleet/signed.js';
import { verifySignedConfig } from '../kiosk-config/fleet/verify.js';
import type { CommandKind } from '../protocol/fleet.js';
import { contract } from '../protocol/routes/index.js';
import { CliError, readJson } from './files.js';
import { readKeyFile } from './key-file.js';
import type { HubApi } from './hub-api.js';
import type { Io } from './offline.js';

const routes = contract.fleetProvider;

export interface RolloutArgs {
  percent?: number | undefined;
  terminals?: string[] | undefined;
}

const describeRollout = (r: RolloutArgs) =>
  [
    r.terminals?.length ? `terminals ${r.terminals.join(', ')}` : '',
    r.percent ? `${r.percent} % of the fleet` : '',
  ]
    .filter(Boolean)
    .join(' and ') || 'nobody (halted)';

export async function publish(hub: HubApi, releasePath: string, rollout: RolloutArgs, io: Io): Promise<void> {
  const parsed = Release.safeParse(await readJson(releasePath));
  if (!parsed.success) throw new CliError(`${releasePath} is not a release made by "pop-provider sign".`);
  const summary = await hub.call(routes.publish, {
    body: {
      release: parsed.data,
      rollout: { percent: rollout.percent ?? 0, terminals: rollout.terminals ?? [] },
    },
  });
  io.out(
    `Published version ${summary.version} (${summary.terminalCount} terminals) to ${describeRollout(rollout)}.`,
  );
}

export async function promote(hub: HubApi, version: number, rollout: RolloutArgs, io: Io): Promise<void> {
  const body = rollout.terminals?.length
    ? { percent: rollout.percent ?? 0, terminals: rollout.terminals }
    : { percent: rollout.percent ?? 0 };
  await hub.call(routes.rollout, { params: { version }, body });
  io.out(`Version ${version} now goes to ${describeRollout(rollout)}.`);
}

/**
 * Terminals never take an older version, so going back means signing the old settings again
 * under a new, higher version. The old release is checked against the provider's own key
 * first: a hub cannot smuggle settings into a rollback.
 */
export async function rollback(
  hub: HubApi,
  args: { to: number; keyPath: string; validDays: number; passphrase: () => Promise<string> },
  io: Io,
): Promise<number> {
  const key = await readKeyFile(args.keyPath, args.passphrase, (line) => io.out(line));
  const privateKey = await importSigningKey(key);
  const { releases } = await hub.call(routes.releases, {});
  const newest = Math.max(0, ...releases.map((r) => r.version));
  const old = await hub.call(routes.release, { params: { version: args.to } });
  const version = newest + 1;
  const now = new Date();
  const configs: Record<string, SignedConfig> = {};
  for (const [terminalId, signed] of Object.entries(old.configs)) {
    const payload = await trustedPayload(signed, terminalId, key);
    configs[terminalId] = await signConfig(
      {
        ...payload,
        version,
        issuedAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + args.validDays * 86_400_000).toISOString(),
      },
      key.keyId,
      privateKey,
    );
  }
  const release: Release = {
    format: 'pop-release/1',
    issuer: old.issuer,
    version,
    createdAt: now.toISOString(),
    configs,
  };
  await hub.call(routes.publish, { body: { release, rollout: { percent: 100, terminals: [] } } });
  io.out(
    `Rolled back: the settings of version ${args.to} are now version ${version}, going to all terminals.`,
  );
  return version;
}

async function trustedPayload(
  signed: SignedConfig,
  terminalId: string,
  key: { keyId: string; publicKey: string },
) {
  // Expiry and version do not matter here: the settings are re-signed with fresh ones.
  const verdict = await verifySignedConfig(JSON.stringify(signed), {
    keyring: [{ keyId: key.keyId, publicKey: key.publicKey }],
    terminalId,
    now: new Date(Date.parse(ConfigPayload.parse(JSON.parse(signed.payload)).issuedAt) + 1),
    currentVersion: 0,
  });
  if (!verdict.ok)
    throw new CliError(`The published config of ${terminalId} does not verify: ${verdict.reason}`);
  return verdict.payload;
}

export async function releases(hub: HubApi, io: Io): Promise<void> {
  const { releases: list } = await hub.call(routes.releases, {});
  if (list.length === 0) io.out('No release published yet.');
  for (const r of list)
    io.out(
      `version ${r.version}  ${r.createdAt}  ${r.terminalCount} terminals  -> ${describeRollout(r.rollout)}`,
    );
}

export async function status(hub: HubApi, io: Io): Promise<void> {
  const overview = await hub.call(routes.terminals, {});
  io.out('terminal             state       config (assigned)  last seen                 outbox  error');
  for (const t of overview.terminals)
    io.out(
      `${t.id.padEnd(20)} ${t.state.padEnd(11)} ${String(t.configVersion ?? '-').padStart(6)} (${String(t.assignedVersion ?? '-')})`.padEnd(
        52,
      ) +
        `  ${(t.lastSeenAt ?? '-').padEnd(24)}  ${String(t.outboxDepth ?? '-').padStart(6)}  ${t.lastError ?? ''}`,
    );
  for (const alert of overview.alerts) io.out(`ALERT ${alert.terminalId}: ${alert.kind}: ${alert.message}`);
}

export async function enrollmentCode(
  hub: HubApi,
  terminalId: string,
  name: string,
  ttlMinutes: number,
  io: Io,
) {
  const code = await hub.call(routes.enrollmentCode, { body: { terminalId, name, ttlMinutes } });
  io.out(`Enrollment code for ${code.terminalId}: ${code.code} (single use, valid until ${code.expiresAt})`);
}

export async function revoke(hub: HubApi, terminalId: string, io: Io): Promise<void> {
  await hub.call(routes.revoke, { params: { id: terminalId } });
  io.out(`Terminal ${terminalId} is revoked: the hub refuses all its requests from now on.`);
}

export async function command(
  hub: HubApi,
  terminalId: string,
  kind: CommandKind,
  ttlSeconds: number,
  io: Io,
) {
  const created = await hub.call(routes.createCommand, {
    params: { id: terminalId },
    body: { kind, ttlSeconds },
  });
  io.out(`Command ${created.kind} for ${terminalId} queued as ${created.id}; expires ${created.expiresAt}.`);
}
