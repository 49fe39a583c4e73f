import { useEffect, useRef, useState } from 'react';
import { Button, StatusMessage } from '../../shared/ui/index.js';
import type { Texts } from '../i18n/texts.js';
import { loadQrDecoder, type QrDecoder } from './decoder.js';
import { trackingCodeFromScan } from './scan.js';

/** Opens and releases the terminal camera (the shell allows it only while it is held). */
export interface ScanCamera {
  open(): Promise<MediaStream>;
  release(stream: MediaStream): void;
}

export interface QrScannerProps {
  t: Texts;
  camera: ScanCamera;
  onCode(code: string): void;
  onStop(): void;
}

/** Frames per second looked at: enough to feel instant, little enough for a small terminal. */
const SCAN_INTERVAL_MS = 150;
/** Frames are scaled down to this width before decoding; a receipt's code stays readable. */
const SCAN_WIDTH = 640;

/**
 * The camera picture with a QR code decoder on it. The camera is released when a code was
 * found, when the citizen stops, and when the screen goes away (unmount) — whatever comes first.
 */
export function QrScanner({ t, camera, onCode, onStop }: QrScannerProps) {
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  const found = useRef(onCode);
  useEffect(() => {
    found.current = onCode;
  }, [onCode]);

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const canvas = document.createElement('canvas');
    const release = () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      if (stream) camera.release(stream);
      stream = null;
    };

    const look = (decoder: QrDecoder) => {
      if (stopped) return;
      const element = video.current;
      if (element && element.readyState >= element.HAVE_CURRENT_DATA && element.videoWidth > 0) {
        const scale = Math.min(1, SCAN_WIDTH / element.videoWidth);
        canvas.width = Math.round(element.videoWidth * scale);
        canvas.height = Math.round(element.videoHeight * scale);
        const context = canvas.getContext('2d', { willReadFrequently: true });
        if (context) {
          context.drawImage(element, 0, 0, canvas.width, canvas.height);
          const code = trackingCodeFromScan(
            decoder.decode(context.getImageData(0, 0, canvas.width, canvas.height)),
          );
          if (code) {
            release();
            found.current(code);
            return;
          }
        }
      }
      timer = setTimeout(() => look(decoder), SCAN_INTERVAL_MS);
    };

    void (async () => {
      try {
        const [decoder, opened] = await Promise.all([loadQrDecoder(), camera.open()]);
        stream = opened;
        if (stopped) return release();
        const element = video.current;
        if (!element) return release();
        element.srcObject = opened;
        await element.play().catch(() => undefined); // muted inline video plays without a gesture
        look(decoder);
      } catch (error) {
        console.warn('QR scan: no camera', error);
        release();
        setFailed(true);
      }
    })();
    return release;
  }, [camera]);

  return (
    <section className="kiosk-scan" aria-label={t.statusScan}>
      {failed ? (
        <StatusMessage tone="warning">{t.statusScanNoCamera}</StatusMessage>
      ) : (
        <>
          <p>{t.statusScanHint}</p>
          <video ref={video} className="kiosk-scan__video" aria-label={t.statusScanVideo} muted playsInline />
        </>
      )}
      <Button size="large" onClick={onStop}>
        {t.statusScanStop}
      </Button>
    </section>
  );
}
