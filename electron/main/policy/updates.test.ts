import { describe, expect, it } from 'vitest';
import type { UpdateSettings } from '../../../kiosk-config/updates.js';
import {
  effectiveUpdateSettings,
  shouldCheckForUpdates,
  updateInstallVerdict,
  updateOfferVerdict,
} from './updates.js';

const SHA = 'H0D8ktokFpR1CXnubPWC8tXX0o4YM13gWrxU0FYOD1MChgxlK/CNVgJSql50IQVG82n7u86MEs/HlXsmUv6adQ==';
const OTHER = 'Umd2iCLuYk1I/OFexcp5y9YCy39MIVelFlVpkfIu+Me173sY0f9BxZNw77CFhlHUSpNsEbexRMSP4E3zxqPo2g==';
const auto = (version = '0.2.0', extra: Partial<UpdateSettings> = {}): UpdateSettings => ({
  mode: 'auto',
  expected: { version, sha512: SHA },
  ...extra,
});
const rules = (settings: UpdateSettings | undefined, currentVersion = '0.1.0') => ({
  settings,
  currentVersion,
});
const reason = (verdict: { ok: boolean; reason?: string }) => (verdict.ok ? 'ok' : verdict.reason);

describe('updateOfferVerdict', () => {
  it('takes exactly the signed release', () => {
    expect(reason(updateOfferVerdict({ version: '0.2.0', sha512s: [SHA] }, rules(auto())))).toBe('ok');
  });

  it('refuses another version or another sha512', () => {
    expect(reason(updateOfferVerdict({ version: '0.3.0', sha512s: [SHA] }, rules(auto())))).toBe(
      'the feed offers 0.3.0, the signed config expects 0.2.0',
    );
    expect(reason(updateOfferVerdict({ version: '0.2.0', sha512s: [OTHER] }, rules(auto())))).toBe(
      "the feed's sha512 for 0.2.0 is not the one in the signed config",
    );
    expect(reason(updateOfferVerdict({ version: '0.2.0', sha512s: [SHA, OTHER] }, rules(auto())))).toMatch(
      /sha512/,
    );
    expect(reason(updateOfferVerdict({ version: '0.2.0', sha512s: [] }, rules(auto())))).toMatch(/no file/);
  });

  it('refuses everything when updates are off or not configured', () => {
    const off = "updates are off: the provider's software distribution installs them";
    expect(reason(updateOfferVerdict({ version: '0.2.0', sha512s: [SHA] }, rules({ mode: 'off' })))).toBe(
      off,
    );
    expect(reason(updateOfferVerdict({ version: '0.2.0', sha512s: [SHA] }, rules(undefined)))).toBe(off);
    expect(
      reason(
        updateOfferVerdict(
          { version: '0.2.0', sha512s: [SHA] },
          rules({ mode: 'off', expected: { version: '0.2.0', sha512: SHA } }),
        ),
      ),
    ).toBe(off);
  });

  it('refuses the running version, and a rollback unless the floor allows it', () => {
    expect(reason(updateOfferVerdict({ version: '0.2.0', sha512s: [SHA] }, rules(auto(), '0.2.0')))).toBe(
      '0.2.0 is already running',
    );
    expect(reason(updateOfferVerdict({ version: '0.2.0', sha512s: [SHA] }, rules(auto(), '0.3.0')))).toBe(
      '0.2.0 is older than the running 0.3.0 and no minimumVersion allows a rollback',
    );
    expect(
      reason(
        updateOfferVerdict(
          { version: '0.2.0', sha512s: [SHA] },
          rules(auto('0.2.0', { minimumVersion: '0.2.0' }), '0.3.0'),
        ),
      ),
    ).toBe('ok');
    // A settings object that slipped past the schema still cannot go below its floor.
    expect(
      reason(
        updateOfferVerdict(
          { version: '0.2.0', sha512s: [SHA] },
          rules(auto('0.2.0', { minimumVersion: '0.2.1' }), '0.3.0'),
        ),
      ),
    ).toBe('0.2.0 is below the minimum version 0.2.1');
  });
});

describe('updateInstallVerdict', () => {
  const downloaded = { version: '0.2.0', sha512: SHA };

  it('installs the signed file inside the window, or where there is no window', () => {
    expect(reason(updateInstallVerdict(downloaded, { ...rules(auto()), inMaintenanceWindow: true }))).toBe(
      'ok',
    );
    expect(reason(updateInstallVerdict(downloaded, { ...rules(auto()), inMaintenanceWindow: null }))).toBe(
      'ok',
    );
  });

  it('waits outside the maintenance window', () => {
    expect(reason(updateInstallVerdict(downloaded, { ...rules(auto()), inMaintenanceWindow: false }))).toBe(
      'outside the maintenance window',
    );
  });

  it('refuses a file whose own sha512 differs, whatever the feed said', () => {
    expect(
      reason(
        updateInstallVerdict(
          { version: '0.2.0', sha512: OTHER },
          { ...rules(auto()), inMaintenanceWindow: true },
        ),
      ),
    ).toBe('the downloaded file of 0.2.0 does not have the signed sha512');
  });

  it('follows the signed config as it stands at install time', () => {
    // Downloaded under one config, then a newer config expects another release or turns updates off.
    expect(
      reason(updateInstallVerdict(downloaded, { ...rules(auto('0.2.1')), inMaintenanceWindow: true })),
    ).toBe('the downloaded 0.2.0 is not the expected 0.2.1');
    expect(
      reason(updateInstallVerdict(downloaded, { ...rules({ mode: 'off' }), inMaintenanceWindow: true })),
    ).toMatch(/updates are off/);
  });
});

describe('effectiveUpdateSettings', () => {
  it('lets an active signed config decide alone, else the installation file', () => {
    expect(effectiveUpdateSettings(auto(), null)).toEqual(auto());
    expect(effectiveUpdateSettings(auto(), { updates: auto('0.3.0') })).toEqual(auto('0.3.0'));
    expect(effectiveUpdateSettings(auto(), {})).toBeUndefined();
    expect(effectiveUpdateSettings(undefined, null)).toBeUndefined();
  });

  it('asks the feed only in auto', () => {
    expect(shouldCheckForUpdates(auto())).toBe(true);
    expect(shouldCheckForUpdates({ mode: 'off' })).toBe(false);
    expect(shouldCheckForUpdates(undefined)).toBe(false);
  });
});
