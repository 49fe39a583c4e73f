import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFleetFile, type FleetFile } from './fleet/fleet-file.js';
import { TerminalSettings } from './terminal-settings.js';
import { compareVersions, UpdateSettings } from './updates.js';

const SHA = 'H0D8ktokFpR1CXnubPWC8tXX0o4YM13gWrxU0FYOD1MChgxlK/CNVgJSql50IQVG82n7u86MEs/HlXsmUv6adQ==';
const messages = (input: unknown) =>
  (UpdateSettings.safeParse(input).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('UpdateSettings', () => {
  it('takes auto with the expected release, and off alone', () => {
    expect(messages({ mode: 'auto', expected: { version: '0.2.0', sha512: SHA } })).toEqual([]);
    expect(
      messages({ mode: 'auto', expected: { version: '0.2.0-rc.1', sha512: SHA }, minimumVersion: '0.1.0' }),
    ).toEqual([]);
    expect(messages({ mode: 'off' })).toEqual([]);
  });

  it('names the field and says what is wanted', () => {
    expect(messages({ mode: 'on' })).toEqual([
      "mode: must be 'auto' (the shell installs the expected release itself) or 'off' (the provider's software distribution installs updates)",
    ]);
    expect(messages({ mode: 'auto' })).toEqual([
      "expected: is required when mode is 'auto': the shell installs only the release the provider signed",
    ]);
    expect(messages({ mode: 'auto', expected: { version: 'v2', sha512: 'abc' } })).toEqual([
      'expected.version: must be a version like 1.4.2 or 1.5.0-rc.1',
      'expected.sha512: must be the base64 SHA-512 of the package (88 characters), as `sha512:` in latest-linux.yml',
    ]);
    expect(
      messages({ mode: 'auto', expected: { version: '0.2.0', sha512: SHA }, minimumVersion: '0.3.0' }),
    ).toEqual(['expected.version: must not be below minimumVersion']);
    expect(messages({ mode: 'off', channel: 'beta' })[0]).toMatch(/channel/);
  });
});

describe('updates in the fleet file', () => {
  const example = JSON.parse(
    readFileSync(join(import.meta.dirname, 'fleet-example.json'), 'utf8'),
  ) as FleetFile;

  it('travels into every terminal’s signed settings', () => {
    const file = structuredClone(example);
    (file.defaults as Record<string, unknown>)['updates'] = {
      mode: 'auto',
      expected: { version: '0.2.0', sha512: SHA },
    };
    const result = validateFleetFile(file);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const terminal of result.terminals) {
      expect(TerminalSettings.parse(terminal.settings).updates).toEqual({
        mode: 'auto',
        expected: { version: '0.2.0', sha512: SHA },
      });
    }
  });

  it('refuses a bad one with the path of the field, and signs nothing', () => {
    const file = structuredClone(example);
    (file.defaults as Record<string, unknown>)['updates'] = { mode: 'sometimes' };
    const result = validateFleetFile(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(JSON.stringify(result.problems)).toContain('updates.mode');
  });
});

describe('compareVersions', () => {
  it('orders as semantic versions do', () => {
    const ordered = [
      '0.9.9',
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.1',
      '1.10.0',
      '2.0.0',
    ];
    for (let i = 0; i < ordered.length - 1; i += 1) {
      expect(compareVersions(ordered[i] ?? '', ordered[i + 1] ?? '')).toBe(-1);
      expect(compareVersions(ordered[i + 1] ?? '', ordered[i] ?? '')).toBe(1);
    }
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0);
  });
});
