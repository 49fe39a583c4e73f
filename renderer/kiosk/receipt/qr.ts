import { create } from 'qrcode';

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** One SVG path drawing every dark module (1x1 squares in module units). */
  path: string;
}

/**
 * The QR code of a text as an SVG path. Drawn as inline SVG rather than a canvas or a data URL:
 * nothing to allow in the CSP, sharp at any print resolution, and it prints without background
 * graphics.
 */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      if (modules.get(row, col)) parts.push(`M${col} ${row}h1v1h-1z`);
    }
  }
  return { size: modules.size, path: parts.join('') };
}
