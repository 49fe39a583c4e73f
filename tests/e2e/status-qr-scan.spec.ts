import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEXTS } from '../../renderer/kiosk/i18n/texts.js';
import { mediaLaunchOptions } from '../support/call.js';
import { demoForm } from '../support/demo.js';
import { expect, test } from '../support/fixtures.js';
import { KioskPage } from '../support/kiosk-page.js';
import { writeQrVideo } from '../support/qr-video.js';

const residence = demoForm('wohnsitz-anmeldung');
const t = TEXTS.de;

/** Keeps every stream the page gets from getUserMedia, to see whether the camera was released. */
function watchCameraStreams(): void {
  const streams: MediaStream[] = [];
  (window as { __popStreams?: MediaStream[] }).__popStreams = streams;
  const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    const stream = await original(constraints);
    streams.push(stream);
    return stream;
  };
}

/** Camera tracks the page holds that are still running. */
function liveTracks(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      ((window as { __popStreams?: MediaStream[] }).__popStreams ?? [])
        .flatMap((stream) => stream.getTracks())
        .filter((track) => track.readyState === 'live').length,
  );
}

test('the citizen scans the receipt’s QR code with the terminal camera and sees the status; leaving the screen releases the camera', async ({
  hub,
  kiosk,
}) => {
  // A real application and its real tracking code.
  await kiosk.open(hub.url);
  await kiosk.waitForContent();
  const code = await kiosk.submitApplication(residence.service, residence.form, residence.answers);
  await expect.poll(() => kiosk.outboxSize(), { timeout: 30_000 }).toBe(0);

  // A terminal whose camera sees that receipt's QR code (Chromium's fake camera, fed from a file).
  const dir = mkdtempSync(join(tmpdir(), 'pop-qr-'));
  const video = join(dir, 'receipt-qr.y4m');
  writeQrVideo(video, code);
  const options = mediaLaunchOptions();
  const browser = await chromium.launch({
    ...options,
    args: [...options.args, `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const page = await browser.newPage();
    await page.addInitScript(watchCameraStreams);
    const terminal = new KioskPage(page);
    await terminal.open(hub.url);
    await terminal.startInGerman();
    await page.getByRole('button', { name: t.statusOpen }).click();
    await page.getByRole('button', { name: t.statusScan }).click();

    // Decoded from the camera picture: the code lands in the field and the status is shown.
    await expect(page.getByRole('status').filter({ hasText: t.statusNames.received })).toBeVisible({
      timeout: 20_000,
    });
    await expect(page.getByLabel(t.receiptTrackingCode)).toHaveValue(code);
    expect(await liveTracks(page)).toBe(0);
  } finally {
    await browser.close();
  }

  // A camera that sees no code (Chromium's own test picture): leaving the screen mid-scan
  // turns the camera off.
  const plain = await chromium.launch(mediaLaunchOptions());
  try {
    const page = await plain.newPage();
    await page.addInitScript(watchCameraStreams);
    const terminal = new KioskPage(page);
    await terminal.open(hub.url);
    await terminal.startInGerman();
    await page.getByRole('button', { name: t.statusOpen }).click();
    await page.getByRole('button', { name: t.statusScan }).click();
    await expect(page.getByRole('region', { name: t.statusScan }).locator('video')).toBeVisible();
    await expect.poll(() => liveTracks(page)).toBe(1);
    await page.getByRole('button', { name: t.back, exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Was möchten Sie erledigen?' })).toBeVisible();
    await expect.poll(() => liveTracks(page)).toBe(0);
  } finally {
    await plain.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
