import { z } from 'zod';

/**
 * Software updates of the Electron shell, as the provider decides them. An update is bound to
 * what the provider signed: the shell installs exactly the expected release (version and the
 * sha512 electron-builder writes into latest*.yml) and nothing else. docs/operations/kiosk-updates.md.
 */

/** MAJOR.MINOR.PATCH with an optional pre-release, as package.json and latest*.yml spell it. */
const SHELL_VERSION =
  /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;
export const ShellVersion = z
  .string()
  .max(64, 'must be at most 64 characters long')
  .regex(SHELL_VERSION, 'must be a version like 1.4.2 or 1.5.0-rc.1');

/** base64 of the 64-byte SHA-512 of the package file, exactly as `sha512:` in latest*.yml. */
export const PackageSha512 = z
  .string()
  .regex(
    /^[A-Za-z0-9+/]{86}==$/,
    'must be the base64 SHA-512 of the package (88 characters), as `sha512:` in latest-linux.yml',
  );

export const UPDATE_MODES = ['auto', 'off'] as const;

export const UpdateSettings = z
  .strictObject({
    /**
     * auto: the shell downloads the expected release from its feed and installs it in the
     * maintenance window. off: the shell never checks or installs; the provider's software
     * distribution (apt, MSI) installs updates.
     */
    mode: z.enum(
      UPDATE_MODES,
      "must be 'auto' (the shell installs the expected release itself) or 'off' (the provider's software distribution installs updates)",
    ),
    /** The one release the shell may install. Required for auto. */
    expected: z.strictObject({ version: ShellVersion, sha512: PackageSha512 }).optional(),
    /** The lowest version the shell may ever go to: a rollback below it is refused. Absent: no rollback. */
    minimumVersion: ShellVersion.optional(),
  })
  .refine((u) => u.mode === 'off' || u.expected !== undefined, {
    path: ['expected'],
    message: "is required when mode is 'auto': the shell installs only the release the provider signed",
  })
  .refine(
    (u) =>
      u.expected === undefined ||
      u.minimumVersion === undefined ||
      compareVersions(u.expected.version, u.minimumVersion) >= 0,
    { path: ['expected', 'version'], message: 'must not be below minimumVersion' },
  );
export type UpdateSettings = z.infer<typeof UpdateSettings>;

/** Semantic-version order: negative when a is older than b, 0 when equal, positive when newer. */
export function compareVersions(a: string, b: string): number {
  const [coreA = '', preA] = splitVersion(a);
  const [coreB = '', preB] = splitVersion(b);
  const numbersA = coreA.split('.').map(Number);
  const numbersB = coreB.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) {
    const diff = (numbersA[i] ?? 0) - (numbersB[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  // A release is newer than its pre-releases.
  if (preA === undefined || preB === undefined) return preA === preB ? 0 : preA === undefined ? 1 : -1;
  const partsA = preA.split('.');
  const partsB = preB.split('.');
  for (let i = 0; i < Math.max(partsA.length, partsB.length); i += 1) {
    const x = partsA[i];
    const y = partsB[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const numericX = /^\d+$/.test(x);
    const numericY = /^\d+$/.test(y);
    if (numericX && numericY) return Math.sign(Number(x) - Number(y));
    if (numericX !== numericY) return numericX ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

function splitVersion(version: string): [string, string | undefined] {
  const dash = version.indexOf('-');
  return dash === -1 ? [version, undefined] : [version.slice(0, dash), version.slice(dash + 1)];
}
