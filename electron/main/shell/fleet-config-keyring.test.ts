import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  considerConfig,
  initialFleetState,
  type FleetConfigState,
} from '../../../kiosk-config/fleet/config-state.js';
import { validateFleetFile, type FleetFile } from '../../../kiosk-config/fleet/fleet-file.js';
import {
  generateProviderKey,
  importSigningKey,
  publicHalf,
  type ProviderKeyPair,
} from '../../../kiosk-config/fleet/keys.js';
import { CONFIG_FORMAT, signConfig, type ConfigPayload } from '../../../kiosk-config/fleet/signed.js';
import type { ShellConfigRecord } from '../../../kiosk-config/fleet/shell-record.js';
import type { FleetShellSettings } from '../policy/fleet-shell.js';
import type { Logger } from '../log.js';
import { createFleetConfigApplier } from './fleet-config.js';

const TERMINAL = 'demo-terminal-1';
const NOW = new Date('2026-11-21T10:00:00.000Z');
const file = JSON.parse(
  readFileSync(new URL('../../../kiosk-config/fleet-example.json', import.meta.url), 'utf8'),
) as FleetFile;
const checked = validateFleetFile(file);
if (!checked.ok) throw new Error('the example fleet file is invalid');
const settings = checked.terminals[0]?.settings;
if (!settings) throw new Error('no terminal in the example fleet file');

let old: ProviderKeyPair;
let rotated: ProviderKeyPair;
beforeAll(async () => {
  old = await generateProviderKey('kdn-2026');
  rotated = await generateProviderKey('kdn-2027');
});

const payload = (version: number, printer: string, trust?: ConfigPayload['trust']): ConfigPayload => ({
  format: CONFIG_FORMAT,
  issuer: 'kdn-demo',
  version,
  issuedAt: '2026-11-21T09:00:00.000Z',
  expiresAt: '2026-12-21T09:00:00.000Z',
  audience: { municipality: 'lindenau', site: 'dorfladen', terminal: TERMINAL },
  settings: { ...settings, printer: { enabled: true, name: printer, paper: 'A4' } },
  ...(trust ? { trust } : {}),
});
const sign = async (p: ConfigPayload, key: ProviderKeyPair) =>
  JSON.stringify(await signConfig(p, key.keyId, await importSigningKey(key)));

function shell(restored?: unknown) {
  const applied: (FleetShellSettings | null)[] = [];
  const lines: string[] = [];
  const saved: ShellConfigRecord[] = [];
  const log: Logger = { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
  const apply = createFleetConfigApplier({
    keyring: [publicHalf(old)],
    terminalId: TERMINAL,
    apply: (s) => applied.push(s),
    log,
    restored,
    save: (record) => {
      saved.push(record);
      return Promise.resolve();
    },
  });
  return { apply, applied, lines, saved };
}

async function page(state: FleetConfigState, raw: string): Promise<FleetConfigState> {
  const outcome = await considerConfig(state, raw, TERMINAL, NOW);
  if (outcome.event.kind !== 'config_applied') throw new Error(outcome.event.message);
  return outcome.state;
}

describe('page and shell trust the same keys', () => {
  it('the shell takes a config signed by a key a verified config rotated in, as the page does', async () => {
    const rotation = await sign(payload(2, 'Kasse', { keys: [publicHalf(old), publicHalf(rotated)] }), old);
    const byRotated = await sign(payload(3, 'Foyer'), rotated);
    let pageState = await page(initialFleetState([publicHalf(old)]), rotation);
    pageState = await page(pageState, byRotated);
    expect(pageState.active?.payload.version).toBe(3);

    const { apply, applied, saved } = shell();
    expect(await apply(rotation)).toBe('applied');
    expect(await apply(byRotated)).toBe('applied');
    expect(applied.map((s) => s?.printerName)).toEqual(['Kasse', 'Foyer']);
    expect(saved.at(-1)?.keyring.map((k) => k.keyId)).toEqual(pageState.keyring.map((k) => k.keyId));
  });

  it('keeps its keyring across a restart and across a revert to an older config', async () => {
    const rotation = await sign(
      payload(2, 'Kasse', { keys: [{ ...publicHalf(old), revoked: true }, publicHalf(rotated)] }),
      old,
    );
    const first = shell();
    expect(await first.apply(rotation)).toBe('applied');
    const restarted = shell(JSON.parse(JSON.stringify(first.saved.at(-1))));
    expect(restarted.applied).toEqual([expect.objectContaining({ printerName: 'Kasse' })]);
    // The old key was revoked by a verified config: the shell refuses it, as the page would.
    expect(await restarted.apply(await sign(payload(3, 'Alt'), old))).toBe('refused');
    expect(await restarted.apply(await sign(payload(3, 'Foyer'), rotated))).toBe('applied');
    // A revert sends the older config again: it runs, and the keyring stays where it was.
    expect(await restarted.apply(rotation)).toBe('applied');
    expect(restarted.saved.at(-1)?.keyring).toEqual([
      { ...publicHalf(old), revoked: true },
      publicHalf(rotated),
    ]);
  });

  it('does not verify or store the same config again when the page sends it after a reload', async () => {
    const signed = await sign(payload(2, 'Kasse'), old);
    const { apply, lines, saved, applied } = shell();
    expect(await apply(signed)).toBe('applied');
    expect(await apply(signed)).toBe('applied');
    expect(saved).toHaveLength(1);
    expect(applied).toHaveLength(2);
    expect(lines.filter((l) => /applied to the shell/.test(l))).toHaveLength(1);
  });
});
