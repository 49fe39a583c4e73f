import { spawn, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { API } from '../protocol/api.js';
import { findRepoRoot } from './repo-root.js';

const repoRoot = findRepoRoot();
const root = mkdtempSync(join(tmpdir(), 'pop-hub-main-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

/** The test decides every option; nothing leaks in from the developer's shell. */
function withoutHubVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('POP_')));
}

type HubProcess = ChildProcessByStdio<null, Readable, Readable>;

function startHub(args: string[]): HubProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'hub/main.ts', ...args], {
    cwd: repoRoot,
    // No drain period unless a test asks for one: a stop is at once.
    env: { ...withoutHubVariables(process.env), POP_DRAIN_SECONDS: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return child;
}

/** Resolves with the first JSON log line whose msg is `msg`; rejects if the process ends first. */
function waitForLog(child: HubProcess, msg: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const seen: string[] = [];
    lines.on('line', (line) => {
      seen.push(line);
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        if (entry['msg'] === msg) resolve(entry);
      } catch {
        // not a log line
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`hub exited with ${code} before "${msg}":\n${seen.join('\n')}`)),
    );
  });
}

function exitCode(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

// Each test starts hub processes through tsx, which compiles the hub on every start: seconds on
// an idle machine, many times that on a loaded one. The budget is for the load, not the behaviour.
describe('hub CLI', { timeout: 90_000 }, () => {
  it('logs "hub listening" with its url, answers health, and exits cleanly on SIGTERM', async () => {
    const child = startHub(['--port', '0', '--data-dir', join(root, 'data')]);
    const listening = await waitForLog(child, 'hub listening');
    expect(listening['url']).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const response = await fetch(`${String(listening['url'])}${API.health}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });

    const stopped = waitForLog(child, 'hub stopped');
    child.kill('SIGTERM');
    await stopped;
    expect(await exitCode(child)).toBe(0);
  });

  it('refuses a second hub on the same SQLite folder with one line, and starts again after a kill', async () => {
    const dataDir = join(root, 'shared-data');
    const first = startHub(['--port', '0', '--data-dir', dataDir]);
    await waitForLog(first, 'hub listening');
    const second = startHub(['--port', '0', '--data-dir', dataDir]);
    let stderr = '';
    second.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exitCode(second)).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^hub: another hub \(process \d+\) is using .*shared-data: SQLite serves one hub process/,
      ),
    ]);
    // A killed hub leaves its lock behind; the next start takes it over.
    first.kill('SIGKILL');
    await exitCode(first);
    const third = startHub(['--port', '0', '--data-dir', dataDir]);
    await waitForLog(third, 'hub listening');
    third.kill('SIGTERM');
    expect(await exitCode(third)).toBe(0);
  });

  it('prints one clear line and exits with 2 for a bad option', async () => {
    const child = startHub(['--port', 'eighty']);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exitCode(child)).toBe(2);
    expect(stderr.trim().split('\n')).toEqual(['hub: port must be a number from 0 to 65535, got "eighty"']);
  });

  it('refuses a webhook without its signing secret in one line', async () => {
    const child = startHub(['--alert-webhook-url', 'https://alerts.example.org/hook']);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exitCode(child)).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([
      'hub: alert-webhook-url needs alert-webhook-secret (the key the receiver checks signatures with)',
    ]);
  });

  it('says which alert channels it uses when it starts', async () => {
    const child = startHub([
      '--port',
      '0',
      '--data-dir',
      join(root, 'alerts'),
      '--alert-webhook-url',
      'http://127.0.0.1:9/hook',
      '--alert-webhook-secret',
      'a-webhook-secret-0123456789',
    ]);
    const on = await waitForLog(child, 'alerts on');
    expect(on).toMatchObject({ channels: ['webhook'], intervalSeconds: 60 });
    await waitForLog(child, 'hub listening');
    const stopped = waitForLog(child, 'hub stopped');
    child.kill('SIGTERM');
    await stopped;
    expect(await exitCode(child)).toBe(0);
  });
});
