import { compareVersions, type UpdateSettings } from '../../../kiosk-config/updates.js';

/**
 * Which update the shell may take. The provider's signed config names the one release it expects
 * (version and sha512); the feed only carries the bytes. So a compromised or mistaken feed can
 * offer anything and the shell installs none of it. docs/operations/kiosk-updates.md.
 */
export type UpdateVerdict = { ok: true } | { ok: false; reason: string };

export interface UpdateRules {
  /** The update settings in force (effectiveUpdateSettings); undefined: updates are off. */
  settings: UpdateSettings | undefined;
  /** The version the shell runs now. */
  currentVersion: string;
}

/** What the feed offers: its version and the sha512 of every file it lists. */
export interface UpdateOffer {
  version: string;
  sha512s: readonly string[];
}

/**
 * The update settings in force: a signed config decides alone once one is active (without
 * `updates` it means off); without one, the installation file's.
 */
export function effectiveUpdateSettings(
  installation: UpdateSettings | undefined,
  fleet: { updates?: UpdateSettings | undefined } | null,
): UpdateSettings | undefined {
  return fleet ? fleet.updates : installation;
}

/** Whether the shell should ask its feed at all. */
export function shouldCheckForUpdates(settings: UpdateSettings | undefined): boolean {
  return settings?.mode === 'auto';
}

/** Before downloading: is this the release the provider signed? */
export function updateOfferVerdict(offer: UpdateOffer, rules: UpdateRules): UpdateVerdict {
  const expected = expectedRelease(rules.settings);
  if (!expected.ok) return expected;
  const { version, sha512 } = expected.release;
  if (offer.version !== version)
    return refuse(`the feed offers ${offer.version}, the signed config expects ${version}`);
  if (offer.sha512s.length === 0) return refuse(`the feed lists no file with a sha512 for ${offer.version}`);
  if (offer.sha512s.some((hash) => hash !== sha512))
    return refuse(`the feed's sha512 for ${offer.version} is not the one in the signed config`);
  return versionVerdict(offer.version, rules);
}

/**
 * Before installing: the downloaded file's own sha512 (computed by the shell, not read from the
 * feed) against the signed config as it stands now, and only inside the maintenance window.
 * `inMaintenanceWindow` null: the terminal has no window, any time will do.
 */
export function updateInstallVerdict(
  downloaded: { version: string; sha512: string },
  rules: UpdateRules & { inMaintenanceWindow: boolean | null },
): UpdateVerdict {
  const expected = expectedRelease(rules.settings);
  if (!expected.ok) return expected;
  const { version, sha512 } = expected.release;
  if (downloaded.version !== version)
    return refuse(`the downloaded ${downloaded.version} is not the expected ${version}`);
  if (downloaded.sha512 !== sha512)
    return refuse(`the downloaded file of ${downloaded.version} does not have the signed sha512`);
  const versions = versionVerdict(downloaded.version, rules);
  if (!versions.ok) return versions;
  if (rules.inMaintenanceWindow === false) return refuse('outside the maintenance window');
  return { ok: true };
}

function expectedRelease(
  settings: UpdateSettings | undefined,
): { ok: true; release: { version: string; sha512: string } } | { ok: false; reason: string } {
  if (!settings || settings.mode === 'off')
    return refuse("updates are off: the provider's software distribution installs them");
  if (!settings.expected) return refuse('the signed config expects no release');
  return { ok: true, release: settings.expected };
}

/** Forward always; back (a rollback the provider signed) only down to minimumVersion. */
function versionVerdict(version: string, rules: UpdateRules): UpdateVerdict {
  const order = compareVersions(version, rules.currentVersion);
  if (order === 0) return refuse(`${version} is already running`);
  const floor = rules.settings?.minimumVersion;
  if (floor !== undefined && compareVersions(version, floor) < 0)
    return refuse(`${version} is below the minimum version ${floor}`);
  if (order < 0 && floor === undefined)
    return refuse(
      `${version} is older than the running ${rules.currentVersion} and no minimumVersion allows a rollback`,
    );
  return { ok: true };
}

const refuse = (reason: string) => ({ ok: false as const, reason });
