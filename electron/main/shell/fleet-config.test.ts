import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateFleetFile, type FleetFile } from '../../../kiosk-config/fleet/fleet-file.js';
import { generateProviderKey, publicHalf } from '../../../kiosk-config/fleet/keys.js';
import { signRelease } from '../../../kiosk-config/fleet/release.js';
import type { FleetShellSettings } from '../policy/fleet-shell.js';
import type { Logger } from '../log.js';
import { createFleetConfigApplier } from './fleet-config.js';

const example = () =>
  JSON.parse(
    readFileSync(new URL('../../../kiosk-config/fleet-example.json', import.meta.url), 'utf8'),
  ) as FleetFile;

async function signedFor(terminal: string, keyId = 'kdn-2026', now = new Date()) {
  const key = await generateProviderKey(keyId);
  const file = example();
  file.defaults.hubUrl = 'https://hub-neu.example.org';
  file.defaults.printer = { enabled: true, name: 'Kasse', paper: 'A4' };
  file.terminals[terminal] = { site: 'dorfladen' };
  const checked = validateFleetFile(file);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  const release = await signRelease(checked.file, checked.terminals, {
    version: 4,
    key,
    now,
    validForDays: 1,
  });
  return { key, signed: JSON.stringify(release.configs[terminal]) };
}

function setUp(keyring: ReturnType<typeof publicHalf>[], terminalId: string | null = 'demo-terminal-1') {
  const applied: (FleetShellSettings | null)[] = [];
  const lines: string[] = [];
  const log: Logger = { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
  const apply = createFleetConfigApplier({ keyring, terminalId, apply: (s) => applied.push(s), log });
  return { apply, applied, lines };
}

describe('the shell takes shell settings only from a config it verified itself', () => {
  it('applies a config signed by a pinned key for this terminal', async () => {
    const { key, signed } = await signedFor('demo-terminal-1');
    const { apply, applied } = setUp([publicHalf(key)]);
    expect(await apply(signed)).toBe('applied');
    expect(applied).toEqual([
      {
        hubUrl: 'https://hub-neu.example.org',
        printerName: 'Kasse',
        printingEnabled: true,
        maintenance: example().defaults.maintenance,
      },
    ]);
    expect(await apply(null)).toBe('applied');
    expect(applied.at(-1)).toBeNull();
  });

  it('refuses a foreign key, a changed payload, another terminal’s config and junk', async () => {
    const { key, signed } = await signedFor('demo-terminal-1');
    const other = await generateProviderKey('kdn-2026');
    const stranger = setUp([publicHalf(other)]);
    expect(await stranger.apply(signed)).toBe('refused');
    expect(stranger.lines.join('\n')).toMatch(/signature does not match/);

    const { apply, applied, lines } = setUp([publicHalf(key)]);
    const envelope = JSON.parse(signed) as { payload: string };
    envelope.payload = envelope.payload.replace('hub-neu.example.org', 'evil.example.org');
    expect(await apply(JSON.stringify(envelope))).toBe('refused');
    const foreign = await signedFor('t-other');
    expect(await setUp([publicHalf(foreign.key)]).apply(foreign.signed)).toBe('refused');
    expect(await apply(42)).toBe('refused');
    expect(await apply('x'.repeat(300 * 1024))).toBe('refused');
    expect(await setUp([]).apply(signed)).toBe('refused');
    expect(applied).toEqual([]);
    expect(lines.length).toBeGreaterThanOrEqual(3);
  });

  it('for an enrolled terminal checks the audience the config names, and leaves expiry to the page', async () => {
    const { key, signed } = await signedFor('kiosk-bibliothek', 'kdn-2026', new Date('2020-01-01T00:00:00Z'));
    const { apply, applied } = setUp([publicHalf(key)], null);
    expect(await apply(signed)).toBe('applied');
    expect(applied[0]?.hubUrl).toBe('https://hub-neu.example.org');
  });
});
