import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

/**
 * Profile preferences of a Chromium that shows the kiosk: no autofill of addresses or payment
 * cards, no password manager, no session restore at start (Chromium 130+ keeps these as written). The kiosk's
 * fields say autocomplete="off" themselves; this is the browser's half, for a profile that no
 * enterprise policy governs (scripts/start.ts). Installed terminals get the same from
 * build/linux/chromium-policy.json, which Chromium applies over any preference.
 */
export const KIOSK_PROFILE_PREFERENCES = {
  autofill: { profile_enabled: false, credit_card_enabled: false },
  credentials_enable_service: false,
  profile: { password_manager_enabled: false },
  // 5: open the new-tab page (the kiosk's address comes on the command line), never the last tabs.
  session: { restore_on_startup: 5 },
} as const;

type Json = Record<string, unknown>;

/** `existing` (a profile's Preferences) with the kiosk's preferences laid over it, all else kept. */
export function withKioskPreferences(existing: unknown): Json {
  return merge(isObject(existing) ? existing : {}, KIOSK_PROFILE_PREFERENCES);
}

function merge(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] = isObject(value) && isObject(current) ? merge(current, value) : value;
  }
  return out;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Writes the kiosk's preferences into the profile's Default/Preferences before Chromium starts. */
export function prepareKioskProfile(userDataDir: string): void {
  const dir = join(userDataDir, 'Default');
  const file = join(dir, 'Preferences');
  let existing: unknown = {};
  try {
    existing = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    // a new profile, or one Chromium left unreadable: start from nothing
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify(withKioskPreferences(existing)));
}
