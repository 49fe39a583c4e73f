import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fakeClockEnv } from './calendar-instants.js';
import { writeProviderKeyFile } from './provider-key.js';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

export interface HubProcess {
  url: string;
  dataDir: string;
  process: ChildProcess;
  logs: string[];
  /** Graceful stop (SIGTERM), waits for exit. */
  stop(): Promise<void>;
  /** Hard kill (SIGKILL), waits for exit. */
  kill(): Promise<void>;
}

export interface StartHubOptions {
  dataDir?: string;
  port?: number;
  env?: Record<string, string>;
  clockAt?: Date;
  /** The demo switch (default on: the end-to-end tests play the demo municipality). */
  demo?: boolean;
  /** Further command-line options, e.g. --database-url. */
  args?: string[];
}

/**
 * Starts the real, built hub (dist/hub/main.js) on a free port with its own data folder and
 * waits for its "hub listening" log line. `clockAt` starts its clock at that instant (libfaketime).
 */
export async function startHub(options: StartHubOptions = {}): Promise<HubProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pop-hub-'));
  const child = spawn(
    process.execPath,
    [
      join(REPO_ROOT, 'dist/hub/main.js'),
      ...(options.demo === false ? [] : ['--demo']),
      ...['--port', String(options.port ?? 0), '--data-dir', dataDir],
      ...(options.args ?? []),
    ],
    {
      cwd: REPO_ROOT,
      // The hub checks releases against the e2e provider's key, as an operator pins the provider's.
      env: {
        ...process.env,
        POP_PROVIDER_KEYS: writeProviderKeyFile(dataDir),
        // No drain period unless a test asks for one: a stop is at once.
        POP_DRAIN_SECONDS: '0',
        ...(options.clockAt ? fakeClockEnv(options.clockAt) : {}),
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const logs: string[] = [];
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start:\n${logs.join('\n')}`)), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited with ${code}:\n${logs.join('\n')}`));
    });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        logs.push(line);
        const url = listeningUrl(line);
        if (url) {
          clearTimeout(timer);
          resolveUrl(url);
        }
      });
    }
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { url, dataDir, process: child, logs, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}

function listeningUrl(line: string): string | null {
  try {
    const entry = JSON.parse(line) as { msg?: string; url?: string };
    return entry.msg === 'hub listening' && entry.url ? entry.url : null;
  } catch {
    return null;
  }
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
