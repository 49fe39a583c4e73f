import { spawnSync } from 'node:child_process';
import { cpSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The kiosk session's unit, checked by systemd-analyze verify in a throwaway root that has this
 * machine's systemd units and a stand-in for /usr/bin/cage (Debian's cage is not installed on
 * the test machines; verify only checks that the command exists).
 */
const unit = join(import.meta.dirname, '../build/linux/pop-kiosk.service');
const root = mkdtempSync(join(tmpdir(), 'pop-kiosk-unit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('build/linux/pop-kiosk.service', () => {
  it('passes systemd-analyze verify without a word', () => {
    mkdirSync(join(root, 'etc/systemd/system'), { recursive: true });
    mkdirSync(join(root, 'usr/lib/systemd'), { recursive: true });
    mkdirSync(join(root, 'usr/bin'), { recursive: true });
    // A copy (its links kept as they are): systemd resolves them inside the root.
    cpSync('/usr/lib/systemd/system', join(root, 'usr/lib/systemd/system'), {
      recursive: true,
      verbatimSymlinks: true,
    });
    writeFileSync(join(root, 'usr/bin/cage'), '#!/bin/sh\n', { mode: 0o755 });
    copyFileSync(unit, join(root, 'etc/systemd/system/pop-kiosk.service'));
    const run = spawnSync('systemd-analyze', ['verify', `--root=${root}`, 'pop-kiosk.service'], {
      encoding: 'utf8',
    });
    expect(run.error, 'systemd-analyze is missing: apt-get install systemd').toBeUndefined();
    expect(`${run.stdout}${run.stderr}`.trim()).toBe('');
    expect(run.status).toBe(0);
  });
});
