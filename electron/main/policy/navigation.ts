import { parseAppUrl } from './app-origin.js';

/**
 * Whether a frame may navigate to `url`. Only the app origin is allowed: the kiosk never shows
 * the web, so http(s), file:, data:, javascript:, blob: and every other scheme are refused.
 */
export function isAllowedNavigation(url: string): boolean {
  return parseAppUrl(url) !== null;
}
