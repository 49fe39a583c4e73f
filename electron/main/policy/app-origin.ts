/**
 * The one origin the kiosk page lives on. Everything the shell trusts (navigation, permissions,
 * IPC senders, served files) is decided against this origin, parsed with the URL parser and never
 * matched as a string prefix: "app://kiosk.evil" and "app://kiosk@evil" start with the same text.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Where the kiosk page starts, and where crash recovery sends it back to. */
export const KIOSK_ENTRY_URL = `${APP_ORIGIN}/kiosk/index.html`;

/**
 * Parses a URL that must belong to the app origin. Returns null for anything else, including
 * userinfo ("app://evil@kiosk/"), ports, and hosts that only look like ours. The host is compared
 * exactly: Chromium hands us canonical (lower-case) URLs, so anything else is not from Chromium.
 */
export function parseAppUrl(raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:`) return null;
  if (url.hostname !== APP_HOST) return null;
  if (url.username !== '' || url.password !== '' || url.port !== '') return null;
  return url;
}

/**
 * True for the serialized app origin ("app://kiosk", as Chromium reports origins; a trailing slash
 * is tolerated). Paths, queries and fragments mean the caller passed a URL, not an origin.
 */
export function isAppOrigin(origin: string): boolean {
  const url = parseAppUrl(origin);
  if (url === null) return false;
  return (url.pathname === '' || url.pathname === '/') && url.search === '' && url.hash === '';
}
