/**
 * bench:soak — many citizens, one kiosk page, no reload: the white-screen-after-days problem in
 * fast motion. Each simulated session browses the catalogue, opens a form, fills fields,
 * "attaches" a file and ends the session (the full wipe). JS heap (after a forced GC), DOM nodes
 * and IndexedDB usage after the last session are compared with the first.
 *
 * Attachments do not exist on this branch yet, so the attachment is simulated: a 256 KiB Blob
 * written into the citizen's drafts table, which the wipe must remove like any citizen data.
 *
 * POP_SOAK_SESSIONS (default 500) sets the count; POP_SOAK_MAX_MINUTES (default 30) bounds the run
 * (it stops early and says how many sessions ran). Prints one JSON line last.
 */
import { chromium, type Page } from '@playwright/test';
import { chromiumFlags, findChromium } from '../scripts/chromium.js';
import { demoForm } from '../tests/support/demo.js';
import { removeDataDir, startHub } from '../tests/support/hub-process.js';
import { KioskPage } from '../tests/support/kiosk-page.js';

const SESSIONS = Number(process.env['POP_SOAK_SESSIONS'] ?? 500);
const MAX_MS = Number(process.env['POP_SOAK_MAX_MINUTES'] ?? 30) * 60_000;
const HEAP_TARGET_BYTES = 5 * 1024 * 1024;
const residence = demoForm('wohnsitz-anmeldung');

const hub = await startHub();
const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: [...chromiumFlags(), '--disable-gpu', '--enable-precise-memory-info'],
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
    await kiosk.search(i % 2 === 0 ? 'ummelden' : 'wohnsitz');
    await kiosk.openService(residence.service.name.de);
    await kiosk.startForm();
    await kiosk.fillField(residence.form, 'address', {
      street: `Soak ${i} street`,
      houseNumber: `${i}`,
      city: `Soak ${i} city`,
    });
    await attachFakeFile(page, i);
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
      attachment: 'simulated (256 KiB Blob in the drafts table)',
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

/** The stand-in for an attachment: a photo-sized Blob in the citizen's drafts table. */
async function attachFakeFile(page: Page, i: number): Promise<void> {
  await page.evaluate(async (n) => {
    const bytes = new Uint8Array(256 * 1024).map((_, k) => (k * 31 + n) & 0xff);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('point-of-public-kiosk');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('drafts', 'readwrite');
      tx.objectStore('drafts').put({
        id: `attachment-${n}`,
        file: new Blob([bytes], { type: 'image/jpeg' }),
      });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, i);
}
