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

/**
 * Features switched off. Chromium reads only the last --disable-features flag, so every list
 * of ours goes into this one flag.
 */
const QUIET_FEATURES = ['Translate', 'MediaRouter', 'OptimizationHints'];
const KIOSK_FEATURES = ['TouchpadOverscrollHistoryNavigation', 'OverscrollHistoryNavigation'];

/** Flags for a quiet Chromium on a closed network: nothing phones home, nothing updates itself. */
export function chromiumFlags(options: { extraDisabledFeatures?: readonly string[] } = {}): string[] {
  const flags = [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--no-first-run',
    '--no-default-browser-check',
    `--disable-features=${[...QUIET_FEATURES, ...(options.extraDisabledFeatures ?? [])].join(',')}`,
  ];
  // Chromium refuses to run as root without this; kiosks never run as root, CI containers do.
  if (process.getuid?.() === 0) flags.push('--no-sandbox');
  return flags;
}

/**
 * The Chromium-mode kiosk: fullscreen without a way out, receipts printed without a dialog on the
 * default printer, no pinch zoom, no swipe through the history, no error or restore bubbles after
 * a crash or power cut, no translate bar. build/linux/pop-kiosk-launch passes the same flags
 * (scripts/chromium.test.ts holds the two together).
 */
export const KIOSK_ONLY_FLAGS = [
  '--kiosk',
  '--kiosk-printing',
  '--disable-pinch',
  '--overscroll-history-navigation=0',
  '--noerrdialogs',
  '--disable-session-crashed-bubble',
  '--disable-infobars',
  '--disable-translate',
  '--check-for-update-interval=31536000',
  '--password-store=basic',
  '--autoplay-policy=no-user-gesture-required',
] as const;

export function kioskChromiumFlags(): string[] {
  return [...chromiumFlags({ extraDisabledFeatures: KIOSK_FEATURES }), ...KIOSK_ONLY_FLAGS];
}
