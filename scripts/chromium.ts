import { existsSync } from 'node:fs';

/** Debian's Chromium first; POP_CHROMIUM points elsewhere. Playwright never downloads a browser here. */
export function findChromium(): string | null {
  const candidates = [
    process.env['POP_CHROMIUM'],
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((path): path is string => Boolean(path && existsSync(path))) ?? null;
}

/** Flags for a quiet Chromium on a closed network: nothing phones home, nothing updates itself. */
export function chromiumFlags(): string[] {
  const flags = [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-features=Translate,MediaRouter,OptimizationHints',
  ];
  // Chromium refuses to run as root without this; kiosks never run as root, CI containers do.
  if (process.getuid?.() === 0) flags.push('--no-sandbox');
  return flags;
}
