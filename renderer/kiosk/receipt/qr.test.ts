import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrMatrix } from './qr.js';

describe('qrMatrix', () => {
  it('draws exactly the dark modules of the QR code', () => {
    const text = 'ABCD-EFGH-JKMN';
    const { size, path } = qrMatrix(text);
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    expect(size).toBe(modules.size);
    let dark = 0;
    for (let i = 0; i < size * size; i += 1) if (modules.data[i]) dark += 1;
    expect(path.match(/M/g)).toHaveLength(dark);
    // Finder pattern: the top-left module is always dark.
    expect(path.startsWith('M0 0h1v1h-1z')).toBe(true);
  });
});
