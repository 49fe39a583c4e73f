import { normalizeTrackingCode, TRACKING_CODE_PATTERN } from '../../../protocol/tracking-code.js';

/** The tracking code in a scanned text (the receipt's QR code holds the code itself), or null. */
export function trackingCodeFromScan(text: string | null): string | null {
  if (text === null) return null;
  const code = normalizeTrackingCode(text.trim());
  return TRACKING_CODE_PATTERN.test(code) ? code : null;
}
