import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KIOSK_ONLY_FLAGS, chromiumFlags, kioskChromiumFlags } from './chromium.js';

const launcher = readFileSync(new URL('../build/linux/pop-kiosk-launch', import.meta.url), 'utf8');

describe('Chromium kiosk flags', () => {
  it('merges every disabled feature into one flag, because Chromium reads only the last', () => {
    const disable = kioskChromiumFlags().filter((flag) => flag.startsWith('--disable-features='));
    expect(disable).toHaveLength(1);
    expect(disable[0]).toContain('TouchpadOverscrollHistoryNavigation');
    expect(disable[0]).toContain('Translate');
  });

  it('locks the kiosk down and prints without a dialog', () => {
    expect(kioskChromiumFlags()).toEqual(
      expect.arrayContaining(['--kiosk', '--kiosk-printing', '--disable-pinch']),
    );
    expect(chromiumFlags()).not.toContain('--kiosk');
  });

  it('is what the Linux launcher passes too', () => {
    for (const flag of KIOSK_ONLY_FLAGS) expect(launcher).toContain(flag);
    const disable = kioskChromiumFlags().find((flag) => flag.startsWith('--disable-features='));
    expect(launcher).toContain(disable);
  });
});

describe('the Linux launcher', () => {
  it('is valid POSIX shell', () => {
    const check = spawnSync(
      'sh',
      ['-n', fileURLToPath(new URL('../build/linux/pop-kiosk-launch', import.meta.url))],
      {
        encoding: 'utf8',
      },
    );
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('waits for the display, bounded, and never for the network in Electron mode', () => {
    expect(launcher).toContain('wait_for_display');
    const electron = launcher.slice(
      launcher.indexOf('start_electron() {'),
      launcher.indexOf('wait_for_hub() {'),
    );
    expect(electron).not.toContain('wait_for_hub');
  });
});
