/** Reads the text of a QR code in one camera frame; null when the frame holds none. */
export interface QrDecoder {
  decode(frame: ImageData): string | null;
}

/**
 * jsQR (pure JavaScript, no workers or WASM to allow in the CSP), loaded on first use so it
 * stays out of the kiosk's first download. Only this file knows the library.
 */
export async function loadQrDecoder(): Promise<QrDecoder> {
  const { default: jsQR } = await import('jsqr');
  return {
    decode(frame) {
      // The receipt prints dark on light; skipping the inverted pass halves the work per frame.
      const found = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' });
      return found?.data ?? null;
    },
  };
}
