/**
 * bench:call — how fast a video call starts, against a bare simple-peer call in the same run.
 *
 * - bare_call_ms_median: two pages, cameras already on, simple-peer signaled page to page through
 *   Playwright; from creating the peers to the first decoded remote frame on both sides.
 * - accept_to_frame_ms_median: the real thing through a real hub: a citizen waits in the queue,
 *   the clerk presses "accept"; from that click to the first decoded remote frame on both sides.
 * - recovery_ms_median: a call relayed through a real coturn loses its network for 5 s (the relay
 *   is frozen with SIGSTOP and the terminal goes offline); from the network's return to the next
 *   decoded frame on both sides. null when coturn is not installed.
 *
 * Prints its figures as one JSON line last. POP_BENCH_RUNS sets the number of calls (default 7).
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { join } from 'node:path';
import {
  ClerkDesk,
  mediaLaunchOptions,
  openKiosk,
  startCoturn,
  TURNSERVER,
  turnEnv,
} from '../tests/support/call.js';
import { REPO_ROOT, removeDataDir, startHub } from '../tests/support/hub-process.js';

const RUNS = Number(process.env['POP_BENCH_RUNS'] ?? 7);
const RECOVERY_RUNS = Number(process.env['POP_BENCH_RECOVERY_RUNS'] ?? 3);
const DROP_MS = 5_000;

const median = (values: number[]) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0);
};

/** Resolves (in the page) with Date.now() at the next presented frame of the remote video. */
async function armNextFrame(page: Page, selector: string): Promise<void> {
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  await page.evaluate(`window.__nextFrame = new Promise((resolve) => {
    (function tick() {
      const video = document.querySelector(${JSON.stringify(selector)});
      if (video && video.srcObject) video.requestVideoFrameCallback(() => resolve(Date.now()));
      else setTimeout(tick, 2);
    })();
  }); undefined`);
}

const nextFrameAt = (page: Page) =>
  page.evaluate(() => (window as unknown as { __nextFrame: Promise<number> }).__nextFrame);

/** What the bare-call pages hold: simple-peer's browser bundle and one peer. */
interface BarePeer {
  signal(data: unknown): void;
  destroy(): void;
  on(event: 'signal', listener: (data: unknown) => void): void;
  on(event: 'stream', listener: (stream: MediaStream) => void): void;
}
interface BareWindow {
  SimplePeer: new (options: object) => BarePeer;
  peer: BarePeer | null;
  stream: MediaStream;
  toOther(data: unknown): void;
}

async function bareCalls(browser: Browser, origin: string): Promise<number[]> {
  const pages: Page[] = [];
  for (let i = 0; i < 2; i++) {
    const page = await (await browser.newContext()).newPage();
    // A same-origin http://127.0.0.1 page without the hub's CSP: a secure context for the camera.
    await page.goto(`${origin}/api/v1/health`);
    await page.addScriptTag({ path: join(REPO_ROOT, 'node_modules/simple-peer/simplepeer.min.js') });
    await page.evaluate(async () => {
      const w = window as unknown as BareWindow;
      w.stream = await navigator.mediaDevices.getUserMedia({
        video: { width: 640, height: 480 },
        audio: true,
      });
      const video = document.createElement('video');
      video.id = 'remote';
      video.autoplay = true;
      video.muted = true;
      document.body.append(video);
    });
    pages.push(page);
  }
  const [a, b] = pages as [Page, Page];
  await a.exposeFunction('toOther', (data: unknown) =>
    b.evaluate((d) => (window as unknown as BareWindow).peer?.signal(d), data),
  );
  await b.exposeFunction('toOther', (data: unknown) =>
    a.evaluate((d) => (window as unknown as BareWindow).peer?.signal(d), data),
  );
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    for (const page of pages) await armNextFrame(page, '#remote');
    const started = Date.now();
    await Promise.all(
      pages.map((page, index) =>
        page.evaluate((initiator) => {
          const w = window as unknown as BareWindow;
          w.peer?.destroy();
          w.peer = new w.SimplePeer({
            initiator,
            stream: w.stream,
            trickle: true,
            config: { iceServers: [] },
          });
          w.peer.on('signal', (data: unknown) => w.toOther(data));
          w.peer.on('stream', (s: MediaStream) => {
            const video = document.getElementById('remote') as HTMLVideoElement;
            video.srcObject = s;
          });
        }, index === 0),
      ),
    );
    const frames = await Promise.all(pages.map(nextFrameAt));
    times.push(Math.max(...frames) - started);
    for (const page of pages)
      await page.evaluate(() => {
        const w = window as unknown as BareWindow;
        (document.getElementById('remote') as HTMLVideoElement).srcObject = null;
        w.peer?.destroy();
        w.peer = null;
      });
  }
  for (const page of pages) await page.context().close();
  return times;
}

async function appCalls(browser: Browser, origin: string): Promise<number[]> {
  const clerk = await ClerkDesk.open(browser, origin);
  await clerk.available();
  const { context, call, kiosk } = await openKiosk(browser, origin);
  await call.open();
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await call.call();
    await call.expectPosition(1);
    const accept = clerk.queue.getByRole('button', { name: /^Annehmen/ }).first();
    await accept.waitFor();
    await armNextFrame(kiosk.page, 'video[data-testid="remote-video"]');
    await armNextFrame(clerk.page, 'video[data-testid="remote-video"]');
    const clicked = await accept.evaluate((button: HTMLButtonElement) => {
      const at = Date.now();
      button.click();
      return at;
    });
    const frames = await Promise.all([nextFrameAt(kiosk.page), nextFrameAt(clerk.page)]);
    times.push(Math.max(...frames) - clicked);
    await call.panel.getByRole('button', { name: 'Auflegen' }).click();
    await call.panel.getByText('Das Gespräch ist beendet.').waitFor();
    await clerk.call.waitFor({ state: 'detached' });
  }
  await context.close();
  await clerk.page.context().close();
  return times;
}

async function recoveries(browser: Browser): Promise<number[]> {
  const turn = await startCoturn();
  const hub = await startHub({ env: turnEnv(turn) });
  try {
    const clerk = await ClerkDesk.open(browser, hub.url);
    await clerk.available();
    const { context, call, kiosk } = await openKiosk(browser, hub.url);
    await call.open();
    await call.call();
    await clerk.acceptFirst();
    const incall = kiosk.page.locator('.kiosk-call__incall[data-media="connected"]');
    await incall.waitFor({ timeout: 20_000 });
    const times: number[] = [];
    for (let run = 0; run < RECOVERY_RUNS; run++) {
      turn.pause();
      await context.setOffline(true);
      await kiosk.page.locator('.kiosk-call__incall[data-media="recovering"]').waitFor({ timeout: 15_000 });
      await new Promise((resolve) => setTimeout(resolve, DROP_MS));
      const restored = Date.now();
      turn.resume();
      await context.setOffline(false);
      await incall.waitFor({ timeout: 30_000 });
      await clerk.page.locator('.clerk-call[data-media="connected"]').waitFor({ timeout: 30_000 });
      await armNextFrame(kiosk.page, 'video[data-testid="remote-video"]');
      await armNextFrame(clerk.page, 'video[data-testid="remote-video"]');
      const frames = await Promise.all([nextFrameAt(kiosk.page), nextFrameAt(clerk.page)]);
      times.push(Math.max(...frames) - restored);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    await call.panel.getByRole('button', { name: 'Auflegen' }).click();
    await context.close();
    return times;
  } finally {
    await hub.stop();
    removeDataDir(hub.dataDir);
    await turn.stop();
  }
}

const browser = await chromium.launch({ ...mediaLaunchOptions(), headless: true });
const hub = await startHub();
let bare: number[];
let app: number[];
let recovery: number[] = [];
try {
  // Interleaved halves, so a slow phase of the machine does not favour one side.
  bare = await bareCalls(browser, hub.url);
  app = await appCalls(browser, hub.url);
  if (TURNSERVER) recovery = await recoveries(browser);
  else console.log('coturn is not installed: no recovery figures');
} finally {
  await hub.stop();
  removeDataDir(hub.dataDir);
  await browser.close();
}

console.log(`bare simple-peer call (ms): ${bare.join(', ')}`);
console.log(`accept to frame, through the hub (ms): ${app.join(', ')}`);
console.log(`recovery after a ${DROP_MS / 1000} s drop (ms): ${recovery.join(', ') || '-'}`);
const bareMedian = median(bare);
const appMedian = median(app);
console.log(
  JSON.stringify({
    accept_to_frame_ms_median: appMedian,
    bare_call_ms_median: bareMedian,
    recovery_ms_median: median(recovery),
    ratio_to_bare: appMedian !== null && bareMedian ? Math.round((appMedian / bareMedian) * 100) / 100 : null,
    runs: RUNS,
    recovery_runs: TURNSERVER ? RECOVERY_RUNS : 0,
    drop_ms: DROP_MS,
  }),
);
