import { hubConnectSources } from '../../../protocol/hub-origin.js';

/**
 * The Content-Security-Policy sent with every app:// response. The page may run only our own
 * scripts and styles, talk only to itself and the town-hall hub, and show media from itself,
 * blobs and the camera. Nothing inline, no plugins, no framing, no <base> rewriting.
 */

export { hubConnectSources };

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
