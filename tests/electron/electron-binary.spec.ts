import { expect, test } from '@playwright/test';
import {
  findElectronBinary,
  platformExecutable,
  type ElectronBinaryProbe,
} from '../../scripts/electron-binary.js';

/** Pure checks of the detection; they need no Electron and always run. */
function probe(files: Record<string, string | true>, env: Record<string, string> = {}): ElectronBinaryProbe {
  return {
    env,
    electronPackageDir: '/repo/node_modules/electron',
    platform: 'linux',
    fileExists: (path) => path in files,
    readText: (path) => {
      const content = files[path];
      return typeof content === 'string' ? content : null;
    },
  };
}

test.describe('Electron binary detection', () => {
  test('finds the binary the electron package installed', () => {
    const found = findElectronBinary(
      probe({
        '/repo/node_modules/electron/path.txt': 'electron\n',
        '/repo/node_modules/electron/dist/electron': true,
      }),
    );
    expect(found).toEqual({
      available: true,
      executablePath: '/repo/node_modules/electron/dist/electron',
      source: 'package',
    });
  });

  test('is unavailable when the package was installed without its binary', () => {
    expect(findElectronBinary(probe({})).available).toBe(false);
  });

  test('is unavailable when path.txt names a binary that is not there', () => {
    const found = findElectronBinary(probe({ '/repo/node_modules/electron/path.txt': 'electron' }));
    expect(found).toMatchObject({ available: false, detail: expect.stringContaining('does not exist') });
  });

  test('prefers ELECTRON_OVERRIDE_DIST_PATH, as the electron package does', () => {
    const files = {
      '/repo/node_modules/electron/path.txt': 'electron',
      '/repo/node_modules/electron/dist/electron': true as const,
      '/opt/electron-45/electron': true as const,
    };
    expect(findElectronBinary(probe(files, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron-45' }))).toEqual({
      available: true,
      executablePath: '/opt/electron-45/electron',
      source: 'override',
    });
  });

  test('uses the platform’s executable name when the override has no path.txt beside it', () => {
    expect(
      findElectronBinary(probe({ '/opt/e/electron': true }, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/e' })),
    ).toMatchObject({
      available: true,
      executablePath: '/opt/e/electron',
    });
    expect(platformExecutable('win32')).toBe('electron.exe');
    expect(platformExecutable('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
  });

  test('does not fall back to the package when the override points nowhere', () => {
    const files = {
      '/repo/node_modules/electron/path.txt': 'electron',
      '/repo/node_modules/electron/dist/electron': true as const,
    };
    expect(findElectronBinary(probe(files, { ELECTRON_OVERRIDE_DIST_PATH: '/nowhere' }))).toMatchObject({
      available: false,
      detail: expect.stringContaining('/nowhere/electron'),
    });
  });
});
