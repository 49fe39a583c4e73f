import { join, resolve } from 'node:path';

export interface ShellPaths {
  rendererRoot: string;
  preloadPath: string;
  demoConfigPath: string;
}

/**
 * Everything the shell loads, relative to the compiled main script (dist/electron/main). The
 * layout is the same in the repository and inside app.asar, so no path depends on how Electron
 * was started (app.getAppPath() differs between "electron ." and "electron dist/.../main.js").
 */
export function shellPaths(mainDir: string): ShellPaths {
  const appRoot = resolve(mainDir, '..', '..', '..');
  return {
    rendererRoot: join(appRoot, 'dist', 'renderer'),
    preloadPath: join(appRoot, 'dist', 'electron', 'preload', 'preload.cjs'),
    demoConfigPath: join(appRoot, 'demo', 'kiosk-config.json'),
  };
}
