import { registerMediaStream } from '../session/media.js';
import type { ScanCamera } from './QrScanner.js';

/** The shell's camera-alone window (Electron grants the camera, no microphone, only inside it). */
export interface CameraCapture {
  beginCapture(): Promise<void>;
  endCapture(): Promise<void>;
}

/**
 * The terminal camera for scanning: opened inside the shell's capture window (the same one a
 * document photo uses), registered so the end of a session releases it whatever happens, and
 * the window closed again when the scan ends. A running video call has its own window, so
 * closing this one never takes the call's camera away.
 */
export function scanCamera(shell: CameraCapture): ScanCamera {
  const close = () => void shell.endCapture().catch(() => undefined);
  return {
    async open() {
      if (!navigator.mediaDevices?.getUserMedia) throw new Error('this device offers no camera');
      await shell.beginCapture();
      try {
        const stream = await navigator.mediaDevices.getUserMedia({
          video: { width: { ideal: 1280 }, height: { ideal: 720 } },
          audio: false,
        });
        registerMediaStream(stream);
        return stream;
      } catch (error) {
        close();
        throw error;
      }
    },
    release(stream) {
      for (const track of stream.getTracks()) track.stop();
      close();
    },
  };
}
