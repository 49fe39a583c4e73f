import { join } from 'node:path';
import { fleetWarnings, validateFleetFile, type MergedTerminal } from '../kiosk-config/fleet/fleet-file.js';
import { fleetJsonSchema } from '../kiosk-config/fleet/json-schema.js';
import { generateProviderKey, publicHalf } from '../kiosk-config/fleet/keys.js';
import { diffPaths } from '../kiosk-config/fleet/merge.js';
import { signRelease } from '../kiosk-config/fleet/release.js';
import {
  jwkThumbprint,
  OfficeKeyPins,
  officeKeyStrengthProblem,
  type RsaPublicJwk,
} from '../kiosk-config/fleet/office-keys.js';
import { Id } from '../protocol/id.js';
import { Keyring } from '../kiosk-config/fleet/signed.js';
import { CliError, readJson, writeJson } from './files.js';
import { readKeyFile, writeKeyFile } from './key-file.js';

export interface Io {
  out(line: string): void;
}

/** The fleet file checked, or every problem printed with its path and a CliError. */
export async function loadFleet(path: string, io: Io) {
  const result = validateFleetFile(await readJson(path));
  if (result.ok) return result;
  for (const problem of result.problems) io.out(`${path}: ${problem.path}: ${problem.message}`);
  throw new CliError(
    `${path} has ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}.`,
  );
}

export async function keygen(
  keyId: string,
  outDir: string,
  passphrase: () => Promise<string>,
  io: Io,
): Promise<void> {
  const pair = await generateProviderKey(keyId);
  const privatePath = join(outDir, `${keyId}.key.json`);
  const publicPath = join(outDir, `${keyId}.pub.json`);
  await writeKeyFile(privatePath, pair, await passphrase());
  await writeJson(publicPath, publicHalf(pair));
  io.out(
    `Private key: ${privatePath} (encrypted under your passphrase; keep it offline: it signs configs for all your terminals)`,
  );
  io.out(`Public key:  ${publicPath} (pin it on terminals: "fleet": { "providerKeys": [ ... ] })`);
}

/** Valid, but worth a look: printed by validate and sign, which go ahead. */
function printWarnings(path: string, terminals: MergedTerminal[], io: Io): void {
  for (const warning of fleetWarnings(terminals))
    io.out(`${path}: warning: ${warning.path}: ${warning.message}`);
}

export async function validate(path: string, io: Io): Promise<void> {
  const { terminals } = await loadFleet(path, io);
  printWarnings(path, terminals, io);
  io.out(`${path} is valid: ${terminals.length} terminal${terminals.length === 1 ? '' : 's'} configured.`);
}

export async function show(path: string, terminalId: string, io: Io): Promise<void> {
  const { terminals } = await loadFleet(path, io);
  const terminal = findTerminal(terminals, terminalId, path);
  io.out(`# ${terminalId}: municipality ${terminal.municipalityId}, site ${terminal.siteId}`);
  io.out(JSON.stringify(terminal.settings, null, 2));
  io.out('# where each value comes from');
  for (const [setting, layer] of Object.entries(terminal.origin).sort())
    io.out(`${setting.padEnd(36)} ${layer}`);
}

export async function diff(
  beforePath: string,
  afterPath: string,
  terminalId: string | undefined,
  io: Io,
): Promise<number> {
  const before = await loadFleet(beforePath, io);
  const after = await loadFleet(afterPath, io);
  const ids = [...new Set([...before.terminals, ...after.terminals].map((t) => t.terminalId))].sort();
  let changes = 0;
  for (const id of terminalId ? [terminalId] : ids) {
    const a = before.terminals.find((t) => t.terminalId === id);
    const b = after.terminals.find((t) => t.terminalId === id);
    if (!a) io.out(`+ ${id}: new terminal`);
    else if (!b) io.out(`- ${id}: removed`);
    const lines = diffPaths(a?.settings ?? {}, b?.settings ?? {});
    if (a && b)
      for (const line of lines)
        io.out(`~ ${id}: ${line.path}: ${JSON.stringify(line.before)} -> ${JSON.stringify(line.after)}`);
    changes += !a || !b ? 1 : lines.length;
  }
  if (changes === 0) io.out('No differences.');
  return changes;
}

export interface SignArgs {
  fleetPath: string;
  keyPath: string;
  version: number;
  validDays: number;
  outPath: string;
  trustPath?: string | undefined;
  /** "officeId=path/to/key.public.jwk.json", one per office key (current and retired). */
  officeKeys?: readonly string[] | undefined;
  /** The passphrase of the encrypted key file. */
  passphrase: () => Promise<string>;
}

export async function sign(args: SignArgs, io: Io): Promise<void> {
  const { file, terminals } = await loadFleet(args.fleetPath, io);
  printWarnings(args.fleetPath, terminals, io);
  const key = await readKeyFile(args.keyPath, args.passphrase, (line) => io.out(line));
  let trust;
  if (args.trustPath) {
    const parsed = Keyring.safeParse(await readJson(args.trustPath));
    if (!parsed.success) throw new CliError(`${args.trustPath} is not a list of public keys.`);
    if (!parsed.data.some((k) => k.keyId === key.keyId && !k.revoked))
      throw new CliError(
        `The trust list must keep the signing key "${key.keyId}", or terminals refuse the next release.`,
      );
    trust = parsed.data;
  }
  const officeKeys = args.officeKeys?.length ? await officeKeyPins(args.officeKeys) : undefined;
  const release = await signRelease(file, terminals, {
    version: args.version,
    key,
    now: new Date(),
    validForDays: args.validDays,
    trust,
    ...(officeKeys ? { officeKeys } : {}),
  });
  await writeJson(args.outPath, release);
  io.out(
    `Signed version ${args.version} for ${terminals.length} terminals with key "${key.keyId}": ${args.outPath}`,
  );
}

/**
 * The pins terminals check office keys against, computed from the offices' public JWK files
 * (RFC 7638 SHA-256 thumbprints), so nobody copies a fingerprint by hand.
 */
export async function officeKeyPins(specs: readonly string[]): Promise<OfficeKeyPins> {
  const pins: Record<string, string[]> = {};
  for (const spec of specs) {
    const at = spec.indexOf('=');
    const officeId = spec.slice(0, at);
    const path = spec.slice(at + 1);
    if (at < 1 || path === '' || !Id.safeParse(officeId).success)
      throw new CliError(`--office-key must look like <office-id>=<public.jwk.json>, not "${spec}".`, 2);
    const thumbprint = await thumbprintOf(path);
    const list = (pins[officeId] ??= []);
    if (!list.includes(thumbprint)) list.push(thumbprint);
  }
  return OfficeKeyPins.parse(pins);
}

async function thumbprintOf(path: string): Promise<string> {
  const jwk = (await readJson(path)) as Record<string, unknown>;
  if (jwk['d'] !== undefined || jwk['p'] !== undefined)
    throw new CliError(`${path} is a private key; give the office's public key file.`);
  const problem = officeKeyStrengthProblem(jwk);
  if (problem) throw new CliError(`${path}: ${problem}`);
  return jwkThumbprint(jwk as unknown as RsaPublicJwk);
}

/** Prints the RFC 7638 thumbprint of an office's public key, for an installation config. */
export async function thumbprint(path: string, io: Io): Promise<void> {
  io.out(await thumbprintOf(path));
}

export function schema(io: Io): void {
  io.out(JSON.stringify(fleetJsonSchema(), null, 2));
}

function findTerminal(terminals: MergedTerminal[], id: string, path: string): MergedTerminal {
  const terminal = terminals.find((t) => t.terminalId === id);
  if (!terminal) throw new CliError(`${path} has no terminal "${id}".`);
  return terminal;
}

/** Re-writes a key file from before encryption as encrypted PKCS#8 under a passphrase. */
export async function encryptKey(path: string, passphrase: () => Promise<string>, io: Io): Promise<void> {
  const pair = await readKeyFile(path, passphrase, () => undefined);
  await writeKeyFile(path, pair, await passphrase());
  io.out(`${path} is now encrypted under your passphrase.`);
}
