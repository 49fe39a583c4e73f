import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, expect, it } from 'vitest';
import { API } from '../../protocol/api.js';
import { demoKioskConfig } from '../../scripts/kiosk-url.js';
import { listeningUrl, spawnHub, stopHub, type HubChild } from '../testing/hub-cli.js';

const root = mkdtempSync(join(tmpdir(), 'pop-login-flood-'));
let hub: HubChild | undefined;
afterAll(async () => {
  if (hub) await stopHub(hub);
  rmSync(root, { recursive: true, force: true });
});

const SAMPLES = 20;
const FLOODERS = 16;
/** Wrong logins the flood sends in all: a few seconds' worth, like a real guessing run. */
const FLOOD_ATTEMPTS = 25 * FLOODERS;
const FLOOD_SCRIPT = `
const statuses = [];
process.stdout.write('started\\n');
await Promise.all(Array.from({ length: ${FLOODERS} }, async (_, n) => {
  for (let i = 0; statuses.length < ${FLOOD_ATTEMPTS}; i++) {
    const response = await fetch(process.env.FLOOD_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'flood-' + n + '-' + (i % 3), password: 'wrong-' + i }),
    });
    await response.arrayBuffer();
    statuses.push(response.status);
  }
}));
process.stdout.write(JSON.stringify(statuses) + '\\n');
`;
const terminal = { authorization: `Bearer ${String(demoKioskConfig('http://unused')['terminalToken'])}` };

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length % 2
    ? (sorted[Math.floor(mid)] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

async function catalogTimes(
  url: string,
  more: (taken: number) => boolean = (n) => n < SAMPLES,
): Promise<number[]> {
  const times: number[] = [];
  while (more(times.length)) {
    const started = performance.now();
    const response = await fetch(`${url}${API.content}`, { headers: terminal });
    await response.arrayBuffer();
    times.push(performance.now() - started);
    expect(response.status).toBe(200);
  }
  return times;
}

/**
 * The catalog stays quick while 16 clients send wrong logins as fast as they are answered: the
 * rate limit refuses them before hashing, and the hashing it does allow runs one at a time
 * (passwords.test.ts asserts that bound directly).
 */
it('catalog latency during 16 parallel wrong logins stays below twice its idle value', async () => {
  hub = spawnHub(['--demo', '--port', '0', '--data-dir', join(root, 'data')]);
  const url = await listeningUrl(hub);
  await catalogTimes(url); // warm up: compression, caches, JIT
  const idle = median(await catalogTimes(url));

  // The flood comes from its own process, so it does not share the measuring client's event loop.
  const flood = spawn(process.execPath, ['--input-type=module', '-e', FLOOD_SCRIPT], {
    env: { ...process.env, FLOOD_URL: `${url}${API.clerkLogin}` },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  flood.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const floodEnded = new Promise<void>((resolve) => flood.once('close', () => resolve()));
  let flooding = true;
  void floodEnded.then(() => (flooding = false));
  // Sampled all through the flood: while its first attempts are hashed and once it is refused.
  await new Promise<void>((resolve) => flood.stdout.once('data', () => resolve()));
  const duringTimes = await catalogTimes(url, (taken) => taken < SAMPLES || flooding);
  const during = median(duringTimes);
  await floodEnded;
  const statuses = JSON.parse(output.trim().split('\n').at(-1) ?? '[]') as number[];

  console.log(
    `catalog median idle ${idle.toFixed(1)} ms, during the login flood ${during.toFixed(1)} ms ` +
      `(${duringTimes.length} samples; flood answers ${[401, 429, 503].map((s) => `${s}: ${statuses.filter((x) => x === s).length}`).join(', ')})`,
  );
  // The flood was real: some logins were hashed and refused (401), the rest rate-limited (429).
  expect(statuses).toContain(401);
  expect(statuses).toContain(429);
  expect(statuses.every((s) => s === 401 || s === 429 || s === 503)).toBe(true);
  expect(during).toBeLessThan(2 * idle);
}, 120_000);
