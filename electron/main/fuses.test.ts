import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Fuses are flipped in the Electron binary at packaging time (electron-builder's `electronFuses`),
 * so no unit test can read them from a binary here; this holds the packaging config instead.
 * Every fuse of @electron/fuses' FuseV1Options must be decided explicitly, each the safe way:
 * a new fuse in a future Electron fails this test until someone decides it.
 */
const SAFE_FUSES: Readonly<Record<string, boolean>> = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
};

/** The `electronFuses:` block of the YAML file: two-space indented `key: true|false` lines. */
function fusesIn(yaml: string): Record<string, unknown> {
  const lines = yaml.split('\n');
  const start = lines.findIndex((line) => line.trimEnd() === 'electronFuses:');
  if (start < 0) throw new Error('no electronFuses block');
  const fuses: Record<string, unknown> = {};
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const match = /^ {2}(\w+):\s*(\S+)\s*$/.exec(line);
    if (!match) break;
    const [, key = '', value = ''] = match;
    fuses[key] = value === 'true' ? true : value === 'false' ? false : value;
  }
  return fuses;
}

describe('fuses in the packaged binary', () => {
  const yaml = readFileSync(new URL('../../build/electron-builder.yml', import.meta.url), 'utf8');

  it('decides every V1 fuse, each the safe way', () => {
    expect(fusesIn(yaml)).toEqual(SAFE_FUSES);
  });

  it('reads the block it claims to read', () => {
    expect(fusesIn('a: 1\nelectronFuses:\n  runAsNode: true\n\nlinux:\n  x: false\n')).toEqual({
      runAsNode: true,
    });
  });
});
