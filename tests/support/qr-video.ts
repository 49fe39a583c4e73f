import QRCode from 'qrcode';
import { writeFileSync } from 'node:fs';

/**
 * A Y4M video (header + raw I420 frames) of a QR code on white, for Chromium's fake camera
 * (`--use-file-for-fake-video-capture`, which loops it). The code is drawn as the receipt
 * draws it: error correction M, four modules of quiet zone.
 */
export function writeQrVideo(path: string, text: string, width = 640, height = 480, frames = 5): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const scale = Math.floor((Math.min(width, height) * 0.8) / (modules.size + 8));
  const side = modules.size * scale;
  const left = Math.floor((width - side) / 2);
  const top = Math.floor((height - side) / 2);
  const luma = Buffer.alloc(width * height, 235); // white in video range
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      if (modules.get(Math.floor(y / scale), Math.floor(x / scale))) luma[(top + y) * width + left + x] = 16;
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F15:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}
