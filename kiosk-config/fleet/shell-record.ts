import { z } from 'zod';
import { nextKeyring, withPinnedKeys } from './keyring.js';
import { TerminalSettings } from '../terminal-settings.js';
import { Keyring, type ProviderKey } from './signed.js';
import { openSignedConfig } from './verify.js';

/**
 * What the Electron shell keeps of the signed config: the config whose shell part it runs, and
 * its own keyring, moved by the rules of keyring.ts exactly as the page's is, so the shell takes
 * every config signed by a key the page took (a rotated-in one too). The page sends the shell
 * each config it runs; the shell verifies each new one once and never again for the same text.
 */
const ShellConfig = z.strictObject({
  signed: z.string(),
  version: z.number().int().positive(),
  settings: TerminalSettings,
});

export const ShellConfigRecord = z.strictObject({
  keyring: Keyring,
  /** The version that last moved the keyring; only a newer one moves it (a revert does not). */
  keyringVersion: z.number().int().min(0),
  active: ShellConfig.nullable(),
  /** The config before the active one: the page reverts to it without a new signature check. */
  previous: ShellConfig.nullable().default(null),
});
export type ShellConfigRecord = z.infer<typeof ShellConfigRecord>;

export const initialShellRecord = (pinned: readonly ProviderKey[]): ShellConfigRecord => ({
  keyring: [...pinned],
  keyringVersion: 0,
  active: null,
  previous: null,
});

/** The record kept from the last run, with keys pinned since joining; anything unreadable: a fresh one. */
export function restoreShellRecord(stored: unknown, pinned: readonly ProviderKey[]): ShellConfigRecord {
  const parsed = ShellConfigRecord.safeParse(stored);
  if (!parsed.success) return initialShellRecord(pinned);
  return { ...parsed.data, keyring: withPinnedKeys(parsed.data.keyring, pinned) };
}

export type ShellVerdict = { ok: true; record: ShellConfigRecord } | { ok: false; reason: string };

/**
 * Who signed it and for which terminal, against the shell's keyring. Expiry and downgrade are the
 * page's judgement (it refuses them before running a config, and a revert runs an older one).
 * `terminalId` null: the terminal enrolled, its identity lives in the page; the audience the
 * verified config names is taken.
 */
export async function considerForShell(
  record: ShellConfigRecord,
  raw: string,
  terminalId: string | null,
): Promise<ShellVerdict> {
  if (record.active?.signed === raw) return { ok: true, record };
  // Verified when it ran before; a key revoked since does not stop a revert the page makes.
  if (record.previous?.signed === raw)
    return { ok: true, record: { ...record, active: record.previous, previous: record.active } };
  const opened = await openSignedConfig(raw, record.keyring);
  if (!opened.ok) return { ok: false, reason: opened.reason };
  const { payload } = opened;
  if (terminalId !== null && payload.audience.terminal !== terminalId)
    return {
      ok: false,
      reason: `The config is meant for terminal "${payload.audience.terminal}", not for "${terminalId}".`,
    };
  const moves = payload.version > record.keyringVersion;
  return {
    ok: true,
    record: {
      keyring: moves ? nextKeyring(record.keyring, payload) : record.keyring,
      keyringVersion: moves ? payload.version : record.keyringVersion,
      active: { signed: raw, version: payload.version, settings: payload.settings },
      previous: record.active,
    },
  };
}
