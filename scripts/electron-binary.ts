import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds an Electron binary without ever asking for one. The electron package downloads its binary
 * on the first require('electron') or `npx electron`; this module only looks at files, so a
 * machine without the binary (and without internet) skips the shell suite instead of hanging in
 * a download.
 */
export const ELECTRON_UNAVAILABLE_REASON =
  'Electron binary not available on this machine (no download possible); the shell suite did not run';

export const OVERRIDE_ENV = 'ELECTRON_OVERRIDE_DIST_PATH';

export type ElectronBinary =
  | { available: true; executablePath: string; source: 'override' | 'package' }
  | { available: false; detail: string };

export interface ElectronBinaryProbe {
  env: Readonly<Record<string, string | undefined>>;
  /** node_modules/electron */
  electronPackageDir: string;
  platform: NodeJS.Platform;
  fileExists(path: string): boolean;
  /** The file's text, or null when it cannot be read. */
  readText(path: string): string | null;
}

/** Where the executable sits inside an Electron dist folder, as the electron package lays it out. */
export function platformExecutable(platform: NodeJS.Platform): string {
  if (platform === 'win32') return 'electron.exe';
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

/** Mirrors node_modules/electron/index.js, minus its download. */
export function findElectronBinary(probe: ElectronBinaryProbe): ElectronBinary {
  const recorded = probe.readText(join(probe.electronPackageDir, 'path.txt'))?.trim() || null;
  const override = probe.env[OVERRIDE_ENV];
  if (override !== undefined && override !== '') {
    const executablePath = join(override, recorded ?? platformExecutable(probe.platform));
    return probe.fileExists(executablePath)
      ? { available: true, executablePath, source: 'override' }
      : { available: false, detail: `${OVERRIDE_ENV} is set, but ${executablePath} does not exist` };
  }
  if (recorded === null) {
    return {
      available: false,
      detail: 'node_modules/electron/path.txt is missing: the binary was never installed',
    };
  }
  const executablePath = join(probe.electronPackageDir, 'dist', recorded);
  return probe.fileExists(executablePath)
    ? { available: true, executablePath, source: 'package' }
    : { available: false, detail: `path.txt names ${executablePath}, which does not exist` };
}

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The probe against this machine. */
export function electronBinary(
  env: Readonly<Record<string, string | undefined>> = process.env,
): ElectronBinary {
  return findElectronBinary({
    env,
    electronPackageDir: join(REPO_ROOT, 'node_modules', 'electron'),
    platform: process.platform,
    fileExists: existsSync,
    readText: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return null;
      }
    },
  });
}
