import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKioskConfig } from '../schema.js';
import { effectiveConfig } from './effective.js';
import { validateFleetFile } from './fleet-file.js';
import { TerminalSettings } from '../terminal-settings.js';

const dir = join(import.meta.dirname, '..');
const demo = JSON.parse(readFileSync(join(dir, '..', 'demo', 'kiosk-config.json'), 'utf8')) as Record<
  string,
  unknown
>;
const key = { keyId: 'kdn-2026', publicKey: 'A'.repeat(43) };

describe('the installation config with fleet settings', () => {
  it('keeps identity and secret, and takes everything else from the signed settings', () => {
    const bootstrap = parseKioskConfig(demo);
    const fleet = validateFleetFile(JSON.parse(readFileSync(join(dir, 'fleet-example.json'), 'utf8')));
    if (!bootstrap.ok || !fleet.ok) throw new Error('fixtures are invalid');
    const settings = { ...fleet.terminals[0]?.settings, idleTimeoutSeconds: 77 } as Parameters<
      typeof effectiveConfig
    >[1];
    const effective = effectiveConfig(bootstrap.config, settings);
    expect(effective).toMatchObject({
      terminalId: 'demo-terminal-1',
      terminalToken: bootstrap.config.terminalToken,
      idleTimeoutSeconds: 77,
      siteName: 'Dorfladen Lindenau, Hauptstraße 3',
    });
    expect(effectiveConfig(bootstrap.config, null)).toBe(bootstrap.config);
  });

  it('carries every setting a terminal applies, and the result is a valid kiosk config again', () => {
    const bootstrap = parseKioskConfig(demo);
    const fleet = validateFleetFile(JSON.parse(readFileSync(join(dir, 'fleet-example.json'), 'utf8')));
    if (!bootstrap.ok || !fleet.ok) throw new Error('fixtures are invalid');
    const settings = fleet.terminals[0]?.settings as NonNullable<Parameters<typeof effectiveConfig>[1]>;
    const effective = effectiveConfig(bootstrap.config, {
      ...settings,
      printer: { enabled: true, name: 'Kasse-Drucker', paper: 'A4' },
    });
    expect(effective).toMatchObject({
      offices: settings.offices,
      services: settings.services,
      attractRotateSeconds: settings.attract.rotateSeconds,
      video: { enabled: settings.video.enabled, hours: settings.video.hours },
      call: { maxVideoKbps: settings.video.maxBitrateKbps },
      printer: { enabled: true, name: 'Kasse-Drucker' },
      shell: { printerName: 'Kasse-Drucker' },
      accessibility: settings.accessibility,
      wipe: settings.wipe,
      maintenance: settings.maintenance,
    });
    expect(parseKioskConfig(effective)).toEqual({ ok: true, config: effective });
  });

  it("takes the attachment limits from the signed config when it sets them, else keeps the installation's", () => {
    const bootstrap = parseKioskConfig(demo);
    const fleet = validateFleetFile(JSON.parse(readFileSync(join(dir, 'fleet-example.json'), 'utf8')));
    if (!bootstrap.ok || !fleet.ok) throw new Error('fixtures are invalid');
    const settings = fleet.terminals[0]?.settings as NonNullable<Parameters<typeof effectiveConfig>[1]>;
    const limits = {
      maxBytes: 2 * 1024 * 1024,
      maxCount: 2,
      mediaTypes: ['image/jpeg' as const],
      fileInput: false,
      uploadChunkBytes: 64 * 1024,
    };
    expect(effectiveConfig(bootstrap.config, { ...settings, attachments: limits }).attachments).toEqual(
      limits,
    );
    expect(effectiveConfig(bootstrap.config, { ...settings, attachments: undefined }).attachments).toEqual(
      bootstrap.config.attachments,
    );
    const tooBig = TerminalSettings.safeParse({ ...settings, attachments: { ...limits, maxBytes: 10 ** 9 } });
    expect(tooBig.success).toBe(false);
    // Each file within the ceiling, but ten of 20 MB would be 200 MB kept on the terminal.
    const mb = 1024 * 1024;
    const tooMuch = TerminalSettings.safeParse({
      ...settings,
      attachments: { ...limits, maxBytes: 20 * mb, maxCount: 10 },
    });
    expect(tooMuch.error?.issues.map((issue) => issue.message)).toEqual([
      expect.stringMatching(/maxBytes x maxCount may be at most 100 MB/),
    ]);
    const fits = { ...settings, attachments: { ...limits, maxBytes: 20 * mb, maxCount: 5 } };
    expect(TerminalSettings.safeParse(fits).success).toBe(true);
  });

  it('needs a terminal token unless the terminal enrolls, and checks pinned keys', () => {
    const withoutToken = { ...demo };
    delete withoutToken['terminalToken'];
    expect(parseKioskConfig(withoutToken)).toEqual({
      ok: false,
      problems: ['terminalToken: terminalToken is required unless fleet.enrollmentCode is given'],
    });
    expect(
      parseKioskConfig({ ...withoutToken, fleet: { providerKeys: [key], enrollmentCode: 'ABCD-EFGH-JKLM' } })
        .ok,
    ).toBe(true);
    const badKey = parseKioskConfig({
      ...demo,
      fleet: { providerKeys: [{ keyId: 'x', publicKey: 'short' }] },
    });
    expect(badKey.ok).toBe(false);
  });
});

describe('updates in the effective config', () => {
  const SHA = 'H0D8ktokFpR1CXnubPWC8tXX0o4YM13gWrxU0FYOD1MChgxlK/CNVgJSql50IQVG82n7u86MEs/HlXsmUv6adQ==';
  const installation = parseKioskConfig({
    ...demo,
    updates: { mode: 'auto', expected: { version: '0.2.0', sha512: SHA } },
  });
  const fleet = validateFleetFile(JSON.parse(readFileSync(join(dir, 'fleet-example.json'), 'utf8')));
  if (!installation.ok || !fleet.ok) throw new Error('fixtures are invalid');
  const settings = fleet.terminals[0]?.settings as NonNullable<Parameters<typeof effectiveConfig>[1]>;

  it('are the installation file’s until a config is signed', () => {
    expect(effectiveConfig(installation.config, null).updates?.mode).toBe('auto');
  });

  it('are the signed config’s alone, and off when it names none', () => {
    expect(effectiveConfig(installation.config, { ...settings, updates: { mode: 'off' } }).updates).toEqual({
      mode: 'off',
    });
    const withoutUpdates = { ...settings };
    delete withoutUpdates.updates;
    expect(effectiveConfig(installation.config, withoutUpdates).updates).toBeUndefined();
  });
});
