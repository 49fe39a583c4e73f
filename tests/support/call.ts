import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { hashPassword } from '../../hub/auth/passwords.js';
import { demoClerkPassword, DEMO_CLERK_USERNAME } from '../../demo/demo-credentials.js';
import { chromiumFlags, findChromium } from '../../scripts/chromium.js';
import { KioskPage } from './kiosk-page.js';

/** Chromium with a fake camera (a test pattern with a moving frame counter) and no permission prompt. */
export const MEDIA_FLAGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];
export const mediaLaunchOptions = () => ({
  executablePath: findChromium() ?? undefined,
  args: [...chromiumFlags(), '--disable-gpu', ...MEDIA_FLAGS],
});

/** Adds a clerk straight into the hub's SQLite file (the hub has no clerk admin yet). */
export async function addClerk(
  dataDir: string,
  clerk: { username: string; displayName: string; password: string; officeIds: string[] },
): Promise<void> {
  const hash = await hashPassword(clerk.password);
  const db = new Database(join(dataDir, 'hub.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare(
      // The demo hub's one tenant (Lindenau): accounts and terminals belong to a municipality.
      `INSERT INTO clerks (username, tenant_id, display_name, password_hash, office_ids, created_at)
       VALUES (?, (SELECT id FROM tenants ORDER BY id LIMIT 1), ?, ?, ?, ?)`,
    ).run(clerk.username, clerk.displayName, hash, JSON.stringify(clerk.officeIds), new Date().toISOString());
  } finally {
    db.close();
  }
}

/** Adds a terminal (bearer token stored hashed, as the hub does) for tests with several kiosks. */
export function addTerminal(dataDir: string, terminal: { id: string; name: string; token: string }): void {
  const db = new Database(join(dataDir, 'hub.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare(
      `INSERT INTO terminals (id, tenant_id, name, token_hash, created_at)
       VALUES (?, (SELECT id FROM tenants ORDER BY id LIMIT 1), ?, ?, ?)`,
    ).run(
      terminal.id,
      terminal.name,
      createHash('sha256').update(terminal.token, 'utf8').digest('hex'),
      new Date().toISOString(),
    );
  } finally {
    db.close();
  }
}

export function readHubTable<T>(dataDir: string, sql: string): T[] {
  const db = new Database(join(dataDir, 'hub.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

/** The clerk console's video desk, as a clerk uses it. */
export class ClerkDesk {
  constructor(readonly page: Page) {}

  static async open(
    browser: Browser,
    hubUrl: string,
    username = DEMO_CLERK_USERNAME,
    password = demoClerkPassword(),
    options: { trackPeers?: boolean } = {},
  ): Promise<ClerkDesk> {
    const context = await browser.newContext();
    if (options.trackPeers) await trackPeers(context);
    const page = await context.newPage();
    await page.goto(`${hubUrl}/clerk/`);
    await page.getByLabel('Benutzername').fill(username);
    await page.getByLabel('Passwort').fill(password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    const desk = new ClerkDesk(page);
    await expect(desk.section.getByRole('heading', { name: 'Video-Anrufe' })).toBeVisible();
    return desk;
  }

  get section() {
    return this.page.locator('.clerk-calls');
  }

  get queue() {
    return this.page.getByRole('table', { name: 'Warteschlange' });
  }

  get call() {
    return this.page.locator('.clerk-call');
  }

  async available(): Promise<void> {
    await this.page.getByRole('radio', { name: 'Verfügbar' }).check();
    await expect(this.section.locator('.clerk-calls__presence-now')).toHaveAttribute(
      'data-presence',
      'available',
    );
  }

  async acceptFirst(): Promise<void> {
    await this.queue
      .getByRole('button', { name: /^Annehmen/ })
      .first()
      .click();
    await expect(this.call).toBeVisible();
  }

  async accept(terminalName: string): Promise<void> {
    await this.queue.getByRole('button', { name: `Annehmen: ${terminalName}` }).click();
    await expect(this.call).toBeVisible();
  }
}

/** The call panel of a kiosk page. */
export class KioskCallPanel {
  constructor(readonly page: Page) {}

  get panel() {
    return this.page.getByRole('complementary', { name: 'Video-Beratung mit dem Rathaus' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Mit dem Rathaus sprechen' }).click();
    await expect(this.panel).toBeVisible();
  }

  /** Pre-call info -> consent -> queue. */
  async call(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Video-Anruf starten' }).click();
    await expect(this.panel.getByRole('heading', { name: 'Kamera und Mikrofon einschalten?' })).toBeVisible();
    await this.panel.getByRole('button', { name: 'Einverstanden, anrufen' }).click();
  }

  async expectPosition(position: number): Promise<void> {
    await expect(this.panel.getByTestId('call-queue')).toContainText(
      `Sie sind an Platz ${position} der Warteschlange`,
    );
  }
}

/** A kiosk in its own context, started, online, looking at a service. */
export async function openKiosk(
  browser: Browser,
  hubUrl: string,
  overrides: Record<string, unknown> = {},
  options: { trackPeers?: boolean } = {},
): Promise<{ context: BrowserContext; kiosk: KioskPage; call: KioskCallPanel }> {
  const context = await browser.newContext();
  if (options.trackPeers) await trackPeers(context);
  const page = await context.newPage();
  const kiosk = new KioskPage(page);
  await kiosk.open(hubUrl, overrides);
  await kiosk.startInGerman();
  await kiosk.waitOnline();
  return { context, kiosk, call: new KioskCallPanel(page) };
}

/** Resolves when the remote video of the page has decoded more than `frames` frames. */
export async function expectRemoteFrames(page: Page, frames = 5, timeout = 20_000): Promise<void> {
  await expect
    .poll(() => decodedFrames(page), { timeout, message: 'remote video decodes frames' })
    .toBeGreaterThan(frames);
}

export async function decodedFrames(page: Page): Promise<number> {
  return page.evaluate(() => {
    const video = document.querySelector<HTMLVideoElement>('video[data-testid="remote-video"]');
    if (!video || video.videoWidth === 0) return 0;
    return video.getVideoPlaybackQuality().totalVideoFrames;
  });
}

/** Frames decoded over a short window: proves the picture is moving now, not just once. */
export async function expectFramesFlowing(page: Page, timeout = 20_000): Promise<void> {
  await expect
    .poll(
      async () => {
        const before = await decodedFrames(page);
        await page.waitForTimeout(500);
        return (await decodedFrames(page)) - before;
      },
      { timeout, message: 'remote video frames keep arriving' },
    )
    .toBeGreaterThan(3);
}

// ------------------------------------------------------------------ the real peer connection

declare global {
  interface Window {
    __popTestPeers?: RTCPeerConnection[];
  }
}

/**
 * Test instrumentation, not an app hook: every RTCPeerConnection the pages of the context make is
 * remembered (a transparent subclass), so a test can read the real sender parameters and stats.
 */
export async function trackPeers(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Native = window.RTCPeerConnection;
    const peers: RTCPeerConnection[] = [];
    window.__popTestPeers = peers;
    window.RTCPeerConnection = class extends Native {
      constructor(configuration?: RTCConfiguration) {
        super(configuration);
        peers.push(this);
      }
    };
  });
}

export interface PeerSnapshot {
  at: number;
  /** The video sender of the newest connected peer: its track and its encoding limits. */
  videoSender: {
    hasTrack: boolean;
    maxBitrate: number | null;
    maxFramerate: number | null;
    scale: number | null;
  };
  outboundVideo: { bytesSent: number; framesSent: number; frameWidth: number; frameHeight: number };
  inboundVideo: { framesDecoded: number; frameWidth: number; frameHeight: number };
  inboundAudio: { packetsReceived: number };
  rttMs: number | null;
}

/** The real numbers of the page's current peer connection (needs trackPeers). */
export async function peerSnapshot(page: Page): Promise<PeerSnapshot> {
  return page.evaluate(async () => {
    const peers = (window.__popTestPeers ?? []).filter((pc) => pc.connectionState === 'connected');
    const pc = peers[peers.length - 1];
    if (!pc) throw new Error('no connected peer connection in this page');
    const transceiver = pc.getTransceivers().find((t) => t.receiver.track.kind === 'video');
    if (!transceiver) throw new Error('no video transceiver');
    const encoding = transceiver.sender.getParameters().encodings[0];
    const snapshot = {
      at: Date.now(),
      videoSender: {
        hasTrack: transceiver.sender.track !== null,
        maxBitrate: encoding?.maxBitrate ?? null,
        maxFramerate: encoding?.maxFramerate ?? null,
        scale: encoding?.scaleResolutionDownBy ?? null,
      },
      outboundVideo: { bytesSent: 0, framesSent: 0, frameWidth: 0, frameHeight: 0 },
      inboundVideo: { framesDecoded: 0, frameWidth: 0, frameHeight: 0 },
      inboundAudio: { packetsReceived: 0 },
      rttMs: null as number | null,
    };
    const report = await pc.getStats();
    let pairId: string | null = null;
    report.forEach((stat: Record<string, unknown>) => {
      if (stat['type'] === 'transport' && typeof stat['selectedCandidatePairId'] === 'string')
        pairId = stat['selectedCandidatePairId'];
    });
    report.forEach((stat: Record<string, unknown>) => {
      const num = (key: string) => Number(stat[key] ?? 0);
      if (stat['type'] === 'outbound-rtp' && stat['kind'] === 'video') {
        snapshot.outboundVideo.bytesSent += num('bytesSent');
        snapshot.outboundVideo.framesSent += num('framesSent');
        snapshot.outboundVideo.frameWidth = Math.max(snapshot.outboundVideo.frameWidth, num('frameWidth'));
        snapshot.outboundVideo.frameHeight = Math.max(snapshot.outboundVideo.frameHeight, num('frameHeight'));
      } else if (stat['type'] === 'inbound-rtp' && stat['kind'] === 'video') {
        snapshot.inboundVideo.framesDecoded += num('framesDecoded');
        snapshot.inboundVideo.frameWidth = Math.max(snapshot.inboundVideo.frameWidth, num('frameWidth'));
        snapshot.inboundVideo.frameHeight = Math.max(snapshot.inboundVideo.frameHeight, num('frameHeight'));
      } else if (stat['type'] === 'inbound-rtp' && stat['kind'] === 'audio') {
        snapshot.inboundAudio.packetsReceived += num('packetsReceived');
      } else if (stat['type'] === 'candidate-pair' && stat['id'] === pairId) {
        const rtt = stat['currentRoundTripTime'];
        if (typeof rtt === 'number') snapshot.rttMs = Math.round(rtt * 1000);
      }
    });
    return snapshot;
  });
}

// ------------------------------------------------------------------ coturn

export interface Coturn {
  /** The address coturn listens and relays on (127.0.0.1, or the weak line's namespace side). */
  host: string;
  port: number;
  secret: string;
  process: ChildProcess;
  logs: string[];
  stop(): Promise<void>;
  pause(): void;
  resume(): void;
}

export const TURNSERVER = ['/usr/bin/turnserver', '/usr/sbin/turnserver'].find((p) => existsSync(p)) ?? null;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Debian's coturn on 127.0.0.1 only, with the REST-API shared secret the hub also knows. Loopback
 * peers must be allowed explicitly, since both browsers' relayed addresses are on 127.0.0.1.
 */
export async function startCoturn(
  where: { host: string; netns?: string } = { host: '127.0.0.1' },
): Promise<Coturn> {
  if (!TURNSERVER) throw new Error('coturn is not installed (apt-get install coturn)');
  const { host, netns } = where;
  const port = await freePort();
  const secret = `test-secret-${Date.now()}`;
  const minPort = 40_000 + Math.floor(Math.random() * 20_000);
  const dir = mkdtempSync(join(tmpdir(), 'pop-coturn-'));
  // In a namespace `ip netns exec` execs coturn in place, so the child's pid is coturn's.
  const child = spawn(
    netns ? 'ip' : TURNSERVER,
    [
      ...(netns ? ['netns', 'exec', netns, TURNSERVER] : []),
      '-n',
      `--listening-ip=${host}`,
      `--relay-ip=${host}`,
      `--listening-port=${port}`,
      `--min-port=${minPort}`,
      `--max-port=${minPort + 200}`,
      '--use-auth-secret',
      `--static-auth-secret=${secret}`,
      '--realm=pop.test',
      '--fingerprint',
      '--allow-loopback-peers',
      '--no-cli',
      '--no-tls',
      '--no-dtls',
      '--no-multicast-peers',
      `--pidfile=${join(dir, 'turnserver.pid')}`,
      `--db=${join(dir, 'turndb')}`,
      '--log-file=stdout',
      '--simple-log',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const logs: string[] = [];
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`coturn did not start:\n${logs.join('\n')}`)), 15_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`coturn exited with ${code}:\n${logs.join('\n')}`));
    });
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (line.trim()) logs.push(line);
        if (/Total General servers|IPv4\. UDP listener opened on/.test(line)) {
          clearTimeout(timer);
          resolve();
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
  return {
    host,
    port,
    secret,
    process: child,
    logs,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGCONT');
        child.kill('SIGTERM');
      }
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
    pause: () => child.kill('SIGSTOP'),
    resume: () => child.kill('SIGCONT'),
  };
}

export function turnEnv(turn: Coturn, relayOnly = true): Record<string, string> {
  return {
    POP_TURN_URLS: `turn:${turn.host}:${turn.port}?transport=udp`,
    POP_TURN_SECRET: turn.secret,
    POP_TURN_RELAY_ONLY: relayOnly ? 'true' : 'false',
  };
}
