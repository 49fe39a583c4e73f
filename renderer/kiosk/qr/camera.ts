import { registerMediaStream } from '../session/media.js';
import type { ScanCamera } from './QrScanner.js';

/** The shell's camera permission window (Electron grants the camera only inside it). */
export interface CameraPermission {
  beginCall(): Promise<void>;
  endCall(): Promise<void>;
}

/**
 * The terminal camera for scanning: opened inside the shell's permission window, registered so
 * the end of a session releases it whatever happens, closed again when the scan ends — unless a
 * video call is running, which holds the window itself.
 */
export function scanCamera(shell: CameraPermission, callRunning: boolean): ScanCamera {
  const close = () => {
    if (!callRunning) void shell.endCall();
  };
  return {
    async open() {
      if (!navigator.mediaDevices?.getUserMedia) throw new Error('this device offers no camera');
      await shell.beginCall();
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
