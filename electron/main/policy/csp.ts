/**
 * The Content-Security-Policy sent with every app:// response. The page may run only our own
 * scripts and styles, talk only to itself and the town-hall hub, and show media from itself,
 * blobs and the camera. Nothing inline, no plugins, no framing, no <base> rewriting.
 */

/**
 * The origins the page may connect to on the hub: its http(s) origin and the matching ws(s)
 * origin for call signalling. CSP3 lets http: sources match ws:, but not every engine agrees,
 * so both are listed. Anything that is not a plain http(s) origin yields nothing.
 */
export function hubConnectSources(hubUrl: string): string[] {
  let url: URL;
  try {
    url = new URL(hubUrl);
  } catch {
    return [];
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return [];
  const origin = url.origin;
  // An origin is host and port only; refuse anything that could smuggle a directive separator.
  if (!/^https?:\/\/[a-z0-9.\-[\]:]+$/i.test(origin)) return [];
  return [origin, origin.replace(/^http/, 'ws')];
}

/**
 * @param hubUrl the configured hub; absent while the config is broken (error page only).
 * @param signedHubUrls hubs named by a signed config the shell verified itself (a terminal moved
 *   to another hub); the installation's hub stays, so a revert can still reach it.
 */
export function kioskContentSecurityPolicy(hubUrl?: string, signedHubUrls: readonly string[] = []): string {
  const hub = [
    ...new Set([...(hubUrl === undefined ? [] : [hubUrl]), ...signedHubUrls].flatMap(hubConnectSources)),
  ];
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['connect-src', "'self'", ...hub],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['media-src', "'self'", 'blob:', 'mediastream:'],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['object-src', "'none'"],
    ['frame-ancestors', "'none'"],
    ['base-uri', "'none'"],
    // The kiosk submits through fetch; a native form submission would reload the app mid-session.
    ['form-action', "'none'"],
  ];
  return directives.map((parts) => parts.join(' ')).join('; ');
}
