import type { FastifyInstance } from 'fastify';

/** No inline script or style, no framing, camera and microphone only for our own pages (video calls). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  "worker-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/**
 * The kiosk's preview page (kiosk/preview.html) is the one page a page of the hub's own origin may
 * frame: the administration console shows a service description there as the kiosk would.
 */
export const PREVIEW_PAGE = '/kiosk/preview.html';
export const PREVIEW_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "frame-ancestors 'none'",
  "frame-ancestors 'self'",
);

/**
 * A year, once the hub was reached over TLS. Never on plain HTTP: a header there could be sent
 * by anyone in the line, and browsers ignore it anyway. No includeSubDomains: the hub often
 * shares a domain with municipal sites that are not ours to decide for.
 */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

const ALWAYS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(self), microphone=(self), geolocation=()',
  'cross-origin-opener-policy': 'same-origin',
} as const;

/**
 * The kiosk page's policy: the same, except that it may also connect to the hubs that published
 * (provider-signed) releases name, so a signed config can move a terminal to another hub. Only
 * connect-src widens, and only to plain http(s)/ws(s) origins (protocol/hub-origin.ts).
 */
export function kioskContentSecurityPolicy(connectSources: readonly string[]): string {
  if (connectSources.length === 0) return CONTENT_SECURITY_POLICY;
  return CONTENT_SECURITY_POLICY.replace(
    "connect-src 'self'",
    `connect-src 'self' ${connectSources.join(' ')}`,
  );
}

export function installSecurityHeaders(
  app: FastifyInstance,
  kioskConnectSources: () => readonly string[] = () => [],
): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.headers(ALWAYS);
    const type = reply.getHeader('content-type');
    const html = typeof type === 'string' && type.startsWith('text/html');
    const kioskPage = request.url === '/kiosk' || request.url.startsWith('/kiosk/');
    // A revalidated kiosk page (304) carries the policy too: the browser updates its stored
    // headers from it, so a widened connect-src reaches a page that did not change.
    const previewPage = request.url.split('?')[0] === PREVIEW_PAGE;
    if (previewPage && html) reply.header('content-security-policy', PREVIEW_CONTENT_SECURITY_POLICY);
    else if (kioskPage && (html || reply.statusCode === 304))
      reply.header('content-security-policy', kioskContentSecurityPolicy(kioskConnectSources()));
    else if (html) reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    // request.protocol is https only on a TLS socket or when a trusted proxy says so.
    if (request.protocol === 'https') reply.header('strict-transport-security', STRICT_TRANSPORT_SECURITY);
    return payload;
  });
}
