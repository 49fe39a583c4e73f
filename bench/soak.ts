/**
 * bench:soak — many citizens, one kiosk page, no reload: the white-screen-after-days problem in
 * fast motion. Each simulated session browses the catalogue, opens the parking-permit form,
 * fills its fields, takes a document photo through the form's real photo field (Chromium's fake
 * camera: preview, capture, accept — the JPEG lands in the draft's attachments) and ends the
 * session (the full wipe). JS heap (after a forced GC), DOM nodes and IndexedDB usage after the
 * last session are compared with the first.
 *
 * POP_SOAK_SESSIONS (default 500) sets the count; POP_SOAK_MAX_MINUTES (default 30) bounds the run
 * (it stops early and says how many sessions ran). Prints one JSON line last.
 */
import { chromium, type Page } from '@playwright/test';
import { chromiumFlags, findChromium } from '../scripts/chromium.js';
import { MEDIA_FLAGS } from '../tests/support/call.js';
import { demoForm } from '../tests/support/demo.js';
import { removeDataDir, startHub } from '../tests/support/hub-process.js';
import { KioskPage } from '../tests/support/kiosk-page.js';

const SESSIONS = Number(process.env['POP_SOAK_SESSIONS'] ?? 500);
const MAX_MS = Number(process.env['POP_SOAK_MAX_MINUTES'] ?? 30) * 60_000;
const HEAP_TARGET_BYTES = 5 * 1024 * 1024;
const parking = demoForm('anwohnerparkausweis');
const PHOTO_FIELD = 'registrationPhoto';

const hub = await startHub();
const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: [...chromiumFlags(), '--disable-gpu', '--enable-precise-memory-info', ...MEDIA_FLAGS],
  headless: true,
});

interface Sample {
  heap: number;
  nodes: number;
  listeners: number;
  idb: number;
}

try {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
  const page = await context.newPage();
  const kiosk = new KioskPage(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const sample = async (): Promise<Sample> => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
    return {
      heap: metric('JSHeapUsedSize'),
      nodes: metric('Nodes'),
      listeners: metric('JSEventListeners'),
      idb: await indexedDbBytes(page),
    };
  };

  await kiosk.open(hub.url);
  await kiosk.startInGerman();
  await kiosk.waitOnline();
  await kiosk.endSession();

  const started = Date.now();
  let first: Sample | null = null;
  let done = 0;
  for (let i = 0; i < SESSIONS && Date.now() - started < MAX_MS; i += 1) {
    await kiosk.startInGerman();
    await kiosk.search(i % 2 === 0 ? 'Parkausweis' : 'parken');
    await kiosk.openService(parking.service.name.de);
    await kiosk.startForm();
    await fillUpToPhotoAndTakeIt(kiosk, page);
    await kiosk.endSession();
    done += 1;
    if (done === 1) first = await sample();
    if (done % 50 === 0) console.log(`${done} sessions, ${Math.round((Date.now() - started) / 1000)} s`);
  }
  const last = await sample();
  if (first === null) throw new Error('no session completed');
  const heapGrowth = Math.round(last.heap - first.heap);
  console.log(
    `heap ${mb(first.heap)} -> ${mb(last.heap)} MiB (target growth < ${mb(HEAP_TARGET_BYTES)} MiB), ` +
      `listeners ${first.listeners} -> ${last.listeners}, ${Math.round((Date.now() - started) / done)} ms per session`,
  );
  if (done < SESSIONS)
    console.log(`stopped after ${done} of ${SESSIONS} sessions: POP_SOAK_MAX_MINUTES reached`);
  console.log(
    JSON.stringify({
      sessions: done,
      heap_growth_bytes: heapGrowth,
      heap_target_met: heapGrowth < HEAP_TARGET_BYTES,
      dom_nodes_first: first.nodes,
      dom_nodes_last: last.nodes,
      listeners_first: first.listeners,
      listeners_last: last.listeners,
      idb_bytes_first: first.idb,
      idb_bytes_last: last.idb,
      attachment: 'real (photo field, fake camera)',
    }),
  );
} finally {
  await browser.close();
  await hub.stop();
  removeDataDir(hub.dataDir);
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/** Chromium reports IndexedDB usage apart from Cache Storage (the service worker's precache). */
async function indexedDbBytes(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const estimate = (await navigator.storage.estimate()) as StorageEstimate & {
      usageDetails?: { indexedDB?: number };
    };
    return estimate.usageDetails?.indexedDB ?? estimate.usage ?? 0;
  });
}

/** Fills the form up to the step with the photo field and takes the photo there, as a citizen does. */
async function fillUpToPhotoAndTakeIt(kiosk: KioskPage, page: Page): Promise<void> {
  for (const step of parking.form.ui.steps) {
    for (const name of step.fields) {
      if (name === PHOTO_FIELD) {
        await page.getByRole('button', { name: 'Dokument fotografieren' }).click();
        // The shutter takes the frame on screen: wait until the camera delivers one.
        await page.waitForFunction(
          () =>
            (document.querySelector<HTMLVideoElement>('video[aria-label="Kamerabild"]')?.videoWidth ?? 0) > 0,
        );
        await page.getByRole('button', { name: 'Auslösen' }).click();
        await page.getByRole('button', { name: 'Aufnahme übernehmen' }).click();
        await page.getByRole('button', { name: 'Entfernen: Aufnahme 1' }).waitFor();
        return;
      }
      await kiosk.fillField(parking.form, name, parking.answers[name]);
    }
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
  }
  throw new Error(`the form has no ${PHOTO_FIELD} field`);
}
