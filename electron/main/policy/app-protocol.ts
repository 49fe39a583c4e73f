import { extname, isAbsolute, relative, resolve } from 'node:path';
import type { Privileges } from 'electron';
import { parseAppUrl } from './app-origin.js';

/**
 * standard: real origin and relative URLs; secure: a secure context, which getUserMedia needs;
 * supportFetchAPI: fetch() of our own assets; codeCache: V8 caches our scripts like http ones.
 * No bypassCSP, no service workers (Cache Storage rejects custom schemes, electron#35033), no CORS.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
} as const satisfies Privileges;

/** What "app://kiosk/" serves: the kiosk page, relative to the renderer build. */
export const DEFAULT_DOCUMENT = 'kiosk/index.html';

export type AppFileResolution =
  { ok: true; filePath: string; mimeType: string } | { ok: false; status: 400 | 404; reason: string };

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.vtt': 'text/vtt; charset=utf-8',
};

/** Unknown types are served as opaque bytes; with nosniff the page cannot run them as script. */
export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * A path segment we are willing to hand to the file system. The URL parser already removed "."
 * and ".." (also as %2e), but decoding can produce new ones ("..%2f" becomes "../"), Windows reads
 * "\" and ":" as separators and drive letters, and NUL truncates paths in native code. Hidden
 * names are refused as well: the build never produces them, so one in a URL is an attack.
 */
function isSafeSegment(segment: string): boolean {
  if (segment === '' || segment.startsWith('.')) return false;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
  return !/[/\\:\u0000-\u001f\u007f]/.test(segment);
}

/**
 * Maps app://kiosk/<path> to a file inside `rendererRoot`, or says why not. The decision is made on
 * decoded segments and confirmed on the resolved path, so a mistake in one check is caught by the other.
 */
export function resolveAppFile(requestUrl: string, rendererRoot: string): AppFileResolution {
  if (!isAbsolute(rendererRoot)) throw new Error(`renderer root must be absolute, got "${rendererRoot}"`);
  const url = parseAppUrl(requestUrl);
  if (url === null) return { ok: false, status: 404, reason: 'not an app://kiosk URL' };

  let pathname = url.pathname === '' || url.pathname === '/' ? `/${DEFAULT_DOCUMENT}` : url.pathname;
  if (pathname.endsWith('/')) pathname += 'index.html';

  const segments: string[] = [];
  for (const raw of pathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400, reason: 'malformed percent-encoding' };
    }
    if (!isSafeSegment(segment)) return { ok: false, status: 400, reason: 'refused path segment' };
    segments.push(segment);
  }

  const root = resolve(rendererRoot);
  const filePath = resolve(root, ...segments);
  const inside = relative(root, filePath);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    return { ok: false, status: 400, reason: 'path leaves the renderer directory' };
  }
  return { ok: true, filePath, mimeType: mimeTypeFor(filePath) };
}
