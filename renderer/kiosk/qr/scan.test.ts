import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { trackingCodeFromScan } from './scan.js';

describe('trackingCodeFromScan', () => {
  it('takes the code from the receipt’s QR text and nothing else', () => {
    expect(trackingCodeFromScan('ABCD-EFGH-JKMN')).toBe('ABCD-EFGH-JKMN');
    expect(trackingCodeFromScan(' abcd efgh jkmn ')).toBe('ABCD-EFGH-JKMN');
    expect(trackingCodeFromScan('https://example.org/?q=1')).toBeNull();
    expect(trackingCodeFromScan(null)).toBeNull();
  });

  it('reads a QR code drawn as the receipt draws it, with the decoder the kiosk loads', () => {
    const { modules } = QRCode.create('K7QX-2MZP-9WRT', { errorCorrectionLevel: 'M' });
    const scale = 6;
    const quiet = 4;
    const side = (modules.size + 2 * quiet) * scale;
    const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
    for (let y = 0; y < side; y++)
      for (let x = 0; x < side; x++) {
        const row = Math.floor(y / scale) - quiet;
        const col = Math.floor(x / scale) - quiet;
        const dark =
          row >= 0 && col >= 0 && row < modules.size && col < modules.size && modules.get(row, col);
        if (dark) pixels.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
      }
    const found = jsQR(pixels, side, side, { inversionAttempts: 'dontInvert' });
    expect(trackingCodeFromScan(found?.data ?? null)).toBe('K7QX-2MZP-9WRT');
  });
});
