import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Electron executable, if one is installed — found without touching the electron package's
 * index.js, whose require() would try to download the binary (impossible on a closed network).
 */
export function electronBinary(root: string): string | null {
  const packageDir = join(root, 'node_modules/electron');
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const candidate = override
    ? join(override, relative)
    : existsSync(pathFile)
      ? join(packageDir, 'dist', relative)
      : null;
  return candidate && existsSync(candidate) ? candidate : null;
}
