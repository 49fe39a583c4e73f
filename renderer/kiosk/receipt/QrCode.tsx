import { useEffect, useState } from 'react';
import type * as Qr from './qr.js';
import type { QrMatrix } from './qr.js';

export interface QrCodeProps {
  text: string;
  /** The accessible name, e.g. "QR code of your tracking code". */
  label: string;
}

type QrModule = typeof Qr;
let qrModule: Promise<QrModule> | null = null;
let loadedQr: QrModule | null = null;

/**
 * The QR encoder is loaded on demand, off the start-up path; `preloadQrCode` fetches it while
 * the terminal is idle, so the receipt draws it at once (offline too: the chunk is precached).
 */
export function preloadQrCode(): Promise<QrModule> {
  qrModule ??= import('./qr.js').then((module) => (loadedQr = module));
  return qrModule;
}

/** A QR code as inline SVG, with the four-module quiet zone scanners need. */
export function QrCode({ text, label }: QrCodeProps) {
  const [matrix, setMatrix] = useState<{ text: string; qr: QrMatrix } | null>(() =>
    loadedQr ? { text, qr: loadedQr.qrMatrix(text) } : null,
  );
  useEffect(() => {
    let cancelled = false;
    void preloadQrCode().then(({ qrMatrix }) => {
      if (!cancelled)
        setMatrix((current) => (current?.text === text ? current : { text, qr: qrMatrix(text) }));
    });
    return () => {
      cancelled = true;
    };
  }, [text]);
  const quiet = 4;
  const size = matrix?.text === text ? matrix.qr.size : 25;
  const box = size + quiet * 2;
  return (
    <svg
      className="kiosk-qr"
      role="img"
      aria-label={label}
      viewBox={`${-quiet} ${-quiet} ${box} ${box}`}
      shapeRendering="crispEdges"
      data-testid="receipt-qr"
      data-ready={matrix?.text === text ? 'true' : 'false'}
    >
      <rect x={-quiet} y={-quiet} width={box} height={box} fill="#fff" />
      {matrix?.text === text && <path d={matrix.qr.path} fill="#000" />}
    </svg>
  );
}
