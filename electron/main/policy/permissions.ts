import { isAppOrigin, parseAppUrl } from './app-origin.js';

/**
 * Electron grants every permission unless told otherwise. The kiosk needs exactly one: camera and
 * microphone for the video call with a clerk, asked for by our own page while a call is on. Everything else
 * (notifications, geolocation, clipboard, openExternal, fullscreen, MIDI, HID, USB, serial, ...)
 * is refused, from every origin: the window is already fullscreen, and a public terminal has no
 * business reading a clipboard or opening another program.
 */
const GRANTABLE_MEDIA_TYPES: ReadonlySet<string> = new Set(['video', 'audio']);

/**
 * The one exception besides media. The hub usually sits in the town hall's own network, and
 * Chromium's Local Network Access checks ask for these permissions before a page on a "public"
 * origin (which app:// may count as) reaches a private or loopback address. Refusing them would
 * cut the kiosk off from its hub. Granting them to our page widens nothing: the CSP's connect-src
 * still limits the page to itself and the configured hub.
 */
const LOCAL_NETWORK_PERMISSIONS: ReadonlySet<string> = new Set([
  'local-network-access',
  'local-network',
  'loopback-network',
]);

/** What Electron tells us about a permission request, reduced to what the decision needs. */
export interface PermissionRequestFacts {
  permission: string;
  /** The last URL the requesting frame loaded. */
  requestingUrl: string;
  isMainFrame: boolean;
  /** For 'media': which devices; absent or empty means we cannot tell, so we refuse. */
  mediaTypes?: readonly string[] | undefined;
  /** The page announced a video call (bridge.beginCall) and has not ended it. */
  callActive: boolean;
  /** The page is taking a document photo (bridge.beginCapture): the camera alone. */
  captureActive?: boolean | undefined;
}

export function shouldGrantPermissionRequest(facts: PermissionRequestFacts): boolean {
  if (!facts.isMainFrame) return false;
  if (parseAppUrl(facts.requestingUrl) === null) return false;
  if (LOCAL_NETWORK_PERMISSIONS.has(facts.permission)) return true;
  if (facts.permission !== 'media') return false;
  // Camera and microphone only for the call, the camera alone for a document photo: outside
  // these, not even our own page gets them.
  const mediaTypes = facts.mediaTypes ?? [];
  if (mediaTypes.length === 0) return false;
  if (facts.callActive) return mediaTypes.every((type) => GRANTABLE_MEDIA_TYPES.has(type));
  return facts.captureActive === true && mediaTypes.every((type) => type === 'video');
}

/**
 * What Electron tells us about a synchronous permission check (navigator.permissions.query,
 * enumerateDevices labels, ...). Checks and requests must agree, or a page sees "granted" for
 * something it can never get.
 */
export interface PermissionCheckFacts {
  permission: string;
  requestingOrigin: string;
  isMainFrame: boolean;
  /** Set only for cross-origin subframes: then the check is never ours to allow. */
  embeddingOrigin?: string | undefined;
  securityOrigin?: string | undefined;
  mediaType?: string | undefined;
  callActive: boolean;
  captureActive?: boolean | undefined;
}

export function shouldAllowPermissionCheck(facts: PermissionCheckFacts): boolean {
  if (!facts.isMainFrame) return false;
  if (!isAppOrigin(facts.requestingOrigin)) return false;
  if (facts.embeddingOrigin !== undefined) return false;
  if (facts.securityOrigin !== undefined && !isAppOrigin(facts.securityOrigin)) return false;
  if (LOCAL_NETWORK_PERMISSIONS.has(facts.permission)) return true;
  if (facts.permission !== 'media') return false;
  if (facts.callActive) return facts.mediaType !== undefined && GRANTABLE_MEDIA_TYPES.has(facts.mediaType);
  return facts.captureActive === true && facts.mediaType === 'video';
}
