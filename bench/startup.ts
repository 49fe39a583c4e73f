/**
 * bench:startup — cold start of the kiosk in headless Chromium with the network cut, to the
 * first interactive catalog. One online run primes the profile (service worker, IndexedDB);
 * the hub is then stopped and every measured run starts a fresh browser process on that profile.
 * Prints its figures as one JSON line last.
 */
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumFlags, findChromium } from '../scripts/chromium.js';
import { removeDataDir, startHub } from '../tests/support/hub-process.js';
import { KioskPage } from '../tests/support/kiosk-page.js';

const RUNS = Number(process.env['POP_BENCH_RUNS'] ?? 9);
const executablePath = findChromium() ?? undefined;
const args = [...chromiumFlags(), '--disable-gpu'];
const profile = mkdtempSync(join(tmpdir(), 'pop-bench-profile-'));
const hub = await startHub();
const origin = hub.url;

try {
  const prime = await chromium.launchPersistentContext(profile, { executablePath, args, headless: true });
  const page = prime.pages()[0] ?? (await prime.newPage());
  const kiosk = new KioskPage(page);
  await kiosk.open(origin);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await kiosk.startInGerman();
  await page.locator('.kiosk-service').first().waitFor();
  await prime.close();
} finally {
  await hub.stop();
  removeDataDir(hub.dataDir);
}

const startup: number[] = [];
const attract: number[] = [];
/** The browser process alone, and the page's own part: navigation start to the attract screen. */
const launch: number[] = [];
const inPage: number[] = [];
const jsReady: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    args,
    headless: true,
    offline: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  launch.push(performance.now() - started);
  await page.goto(`${origin}/kiosk/`);
  await page.getByRole('button', { name: /Berühren Sie den Bildschirm/ }).waitFor();
  attract.push(performance.now() - started);
  const marks = await page.evaluate(() => ({
    now: performance.now(),
    boot: performance.getEntriesByName('pop:boot')[0]?.startTime ?? Number.NaN,
  }));
  inPage.push(marks.now);
  jsReady.push(marks.boot);
  await new KioskPage(page).startInGerman();
  await page.locator('.kiosk-service').first().waitFor();
  startup.push(performance.now() - started);
  await context.close();
}
rmSync(profile, { recursive: true, force: true });

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0);
};
console.log(`startup runs (ms): ${startup.map(Math.round).join(', ')}`);
console.log(
  JSON.stringify({
    startup_ms_median: median(startup),
    attract_ms_median: median(attract),
    browser_launch_ms_median: median(launch),
    page_to_attract_ms_median: median(inPage),
    page_js_evaluated_ms_median: median(jsReady),
    runs: RUNS,
    network: 'offline, hub stopped',
  }),
);
