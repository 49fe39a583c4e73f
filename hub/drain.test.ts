import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { DEMO_CLERK_DEFAULT_PASSWORD, DEMO_CLERK_USERNAME } from '../demo/demo-credentials.js';
import { API } from '../protocol/api.js';
import { CLOSE } from '../protocol/calls.js';
import { contract } from '../protocol/routes/index.js';
import { spawnHub, type HubChild } from './testing/hub-cli.js';

/** The demo terminal's installation token (demo/kiosk-config.json). */
const DEMO_TERMINAL_TOKEN = 'demo-terminal-1-token-change-me-in-production';

const root = mkdtempSync(join(tmpdir(), 'pop-hub-drain-'));
const children: HubChild[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

/** Every JSON log line of the hub, and a wait for the first with a given msg. */
function logsOf(child: HubChild) {
  const entries: Record<string, unknown>[] = [];
  const waiting: { msg: string; resolve(entry: Record<string, unknown>): void }[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return;
    }
    entries.push(entry);
    for (const w of waiting.filter((w) => w.msg === entry['msg'])) w.resolve(entry);
  });
  return {
    entries,
    waitFor(msg: string): Promise<Record<string, unknown>> {
      const seen = entries.find((e) => e['msg'] === msg);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiting.push({ msg, resolve });
        child.once('exit', (code) => reject(new Error(`hub exited with ${code} before "${msg}"`)));
      });
    },
  };
}

function opened(socket: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
}

function closeCode(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.once('close', (code) => resolve(code)));
}

describe('stopping a hub for a rolling upgrade', () => {
  it('says not-ready while draining, closes sockets with 1012 and exits 0 with a clerk connected', async () => {
    const child = spawnHub(['--demo', '--port', '0', '--data-dir', join(root, 'data')], {
      POP_DRAIN_SECONDS: '2',
    });
    children.push(child);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const logs = logsOf(child);
    const url = String((await logs.waitFor('hub listening'))['url']);
    const ws = url.replace(/^http/, 'ws');

    const login = await fetch(`${url}${API.clerkLogin}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: DEMO_CLERK_USERNAME, password: DEMO_CLERK_DEFAULT_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const clerk = new WebSocket(`${ws}${contract.calls.clerkSocket.path}`, { headers: { cookie } });
    const terminal = new WebSocket(`${ws}${contract.calls.terminalSocket.path}`, {
      headers: { authorization: `Bearer ${DEMO_TERMINAL_TOKEN}` },
    });
    await Promise.all([opened(clerk), opened(terminal)]);
    const clerkClosed = closeCode(clerk);
    const terminalClosed = closeCode(terminal);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);

    child.kill('SIGTERM');
    await logs.waitFor('hub draining');
    const during = await fetch(`${url}/readyz`);
    expect(during.status).toBe(503);
    expect(await during.json()).toMatchObject({
      error: 'not_ready',
      message: expect.stringMatching(/stopping/),
    });
    // Still serving requests, but no new sockets: the client retries and reaches another instance.
    expect((await fetch(`${url}/livez`)).status).toBe(200);
    const refused = new WebSocket(`${ws}${contract.calls.terminalSocket.path}`, {
      headers: { authorization: `Bearer ${DEMO_TERMINAL_TOKEN}` },
    });
    const refusal = await new Promise<number>((resolve) =>
      refused.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0)),
    );
    expect(refusal).toBe(503);

    expect(await clerkClosed).toBe(CLOSE.serviceRestart);
    expect(await terminalClosed).toBe(CLOSE.serviceRestart);
    expect(await logs.waitFor('sockets closed')).toMatchObject({ sockets: 2 });
    await logs.waitFor('hub stopped');
    expect(await exited).toBe(0);
    expect(logs.entries.some((e) => e['msg'] === 'shutdown took too long')).toBe(false);
    expect(stderr).toBe('');
  }, 60_000);
});
