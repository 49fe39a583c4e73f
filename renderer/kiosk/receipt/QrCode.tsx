import { useMemo } from 'react';
import { qrMatrix } from './qr.js';

export interface QrCodeProps {
  text: string;
  /** The accessible name, e.g. "QR code of your tracking code". */
  label: string;
}

/** A QR code as inline SVG, with the four-module quiet zone scanners need. */
export function QrCode({ text, label }: QrCodeProps) {
  const { size, path } = useMemo(() => qrMatrix(text), [text]);
  const quiet = 4;
  const box = size + quiet * 2;
  return (
    <svg
      className="kiosk-qr"
      role="img"
      aria-label={label}
      viewBox={`${-quiet} ${-quiet} ${box} ${box}`}
      shapeRendering="crispEdges"
      data-testid="receipt-qr"
    >
      <rect x={-quiet} y={-quiet} width={box} height={box} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
