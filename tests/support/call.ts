import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { hashPassword } from '../../hub/auth/passwords.js';
import { demoClerkPassword, DEMO_CLERK_USERNAME } from '../../hub/seed/demo-credentials.js';
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
      'INSERT INTO clerks (username, display_name, password_hash, office_ids, created_at) VALUES (?, ?, ?, ?, ?)',
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
    db.prepare('INSERT INTO terminals (id, name, token_hash, created_at) VALUES (?, ?, ?, ?)').run(
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
  ): Promise<ClerkDesk> {
    const context = await browser.newContext();
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
): Promise<{ context: BrowserContext; kiosk: KioskPage; call: KioskCallPanel }> {
  const context = await browser.newContext();
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

// ------------------------------------------------------------------ coturn

export interface Coturn {
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
export async function startCoturn(): Promise<Coturn> {
  if (!TURNSERVER) throw new Error('coturn is not installed (apt-get install coturn)');
  const port = await freePort();
  const secret = `test-secret-${Date.now()}`;
  const minPort = 40_000 + Math.floor(Math.random() * 20_000);
  const dir = mkdtempSync(join(tmpdir(), 'pop-coturn-'));
  const child = spawn(
    TURNSERVER,
    [
      '-n',
      '--listening-ip=127.0.0.1',
      '--relay-ip=127.0.0.1',
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
    POP_TURN_URLS: `turn:127.0.0.1:${turn.port}?transport=udp`,
    POP_TURN_SECRET: turn.secret,
    POP_TURN_RELAY_ONLY: relayOnly ? 'true' : 'false',
  };
}
