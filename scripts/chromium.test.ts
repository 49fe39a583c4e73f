import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  KIOSK_ONLY_FLAGS,
  chromiumFlags,
  kioskChromiumFlags,
  prepareKioskProfile,
  withKioskPreferences,
} from './chromium.js';

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

describe('the kiosk profile preferences', () => {
  it('switch autofill, the password manager and session restore off, keeping everything else', () => {
    const prefs = withKioskPreferences({
      autofill: { profile_enabled: true, last_version_deduped: 130 },
      session: { restore_on_startup: 1, startup_urls: ['https://x.invalid'] },
      intl: { accept_languages: 'de' },
    });
    expect(prefs).toEqual({
      autofill: {
        profile_enabled: false,
        credit_card_enabled: false,
        last_version_deduped: 130,
      },
      credentials_enable_service: false,
      profile: { password_manager_enabled: false },
      session: { restore_on_startup: 5, startup_urls: ['https://x.invalid'] },
      intl: { accept_languages: 'de' },
    });
    expect(withKioskPreferences('not an object')).toEqual(withKioskPreferences({}));
  });

  it('are written into a new profile and laid over an existing one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pop-prefs-'));
    try {
      prepareKioskProfile(dir);
      const file = join(dir, 'Default', 'Preferences');
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(withKioskPreferences({}));
      writeFileSync(file, JSON.stringify({ autofill: { profile_enabled: true }, browser: { theme: 1 } }));
      prepareKioskProfile(dir);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
        autofill: { profile_enabled: false },
        browser: { theme: 1 },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('and the installed policy says the same', () => {
    const policy = JSON.parse(
      readFileSync(new URL('../build/linux/chromium-policy.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    expect(policy).toMatchObject({
      AutofillAddressEnabled: false,
      AutofillCreditCardEnabled: false,
      PasswordManagerEnabled: false,
      RestoreOnStartup: 5,
    });
  });
});
