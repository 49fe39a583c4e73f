/**
 * bench:fleet — how many terminals one hub process serves with p99 < 50 ms and no errors.
 *
 * Simulated terminals on the real time scale: a heartbeat every 30 s (its answer is the config
 * check: the assigned version and waiting commands), a conditional content pull every 60 s
 * (If-None-Match: the "nothing changed" answer that almost every pull gets), and one fetch of
 * its signed config when it first sees the assigned version. Each terminal starts at a random
 * offset, so the load is even, as in a real fleet. Each step runs one pull period (60 s) by
 * default, then the fleet grows until p99 reaches 50 ms or a request fails (a failing step is
 * run once more: the machine is shared). Before the steps, every terminal beats once unmeasured.
 * Environment: FLEET_BENCH_SIZES (comma list), FLEET_BENCH_SECONDS (per step).
 * Only 127.0.0.1. Prints one line per step and one JSON line last.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { Worker } from 'node:worker_threads';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateProviderKey, publicHalf } from '../kiosk-config/fleet/keys.js';
import { migrateToLatest } from '../hub/db/migrate.js';
import { openDatabase } from '../hub/db/open.js';
import { publishRelease } from '../hub/fleet/releases.js';
import { exampleFleet, heartbeat, insertTerminals, signedRelease, tokenOf } from '../hub/testing/fleet.js';
import { seedIfEmpty } from '../hub/seed/seed.js';
import { DEMO_TENANT, loadDemoSeed } from '../demo/demo-seed.js';
import { findRepoRoot } from '../hub/repo-root.js';
import { API } from '../protocol/api.js';
import { FLEET_API } from '../protocol/fleet.js';
import type { LoadgenInput, LoadgenOutput } from './fleet-loadgen.js';

const SIZES = (process.env['FLEET_BENCH_SIZES'] ?? '2500,5000,10000,15000,20000').split(',').map(Number);
const STEP_SECONDS = Number(process.env['FLEET_BENCH_SECONDS'] ?? 60);
/** Load-generator threads: one event loop alone starves first on a busy machine. */
const WORKERS = Number(process.env['FLEET_BENCH_WORKERS'] ?? 2);
/** Unmeasured seconds at the start of each step (fresh generator threads), at full load. */
const WARMUP_SECONDS = Number(process.env['FLEET_BENCH_WARMUP_SECONDS'] ?? 5);
const P99_LIMIT_MS = 50;
const HEARTBEAT_MS = 30_000;
const PULL_MS = 60_000;
const deadline = Date.now() + 9.5 * 60_000;
const root = findRepoRoot();
const maxTerminals = Math.max(...SIZES);
const ids = Array.from({ length: maxTerminals }, (_, i) => `bench-${String(i).padStart(5, '0')}`);

// One database with every terminal and a published config for each, made before the hub starts.
const dataDir = mkdtempSync(join(tmpdir(), 'pop-bench-fleet-'));
{
  const { db } = openDatabase({ dataDir });
  await migrateToLatest(db);
  await seedIfEmpty(db, await loadDemoSeed(root));
  await insertTerminals(db, ids, new Date(), DEMO_TENANT.id);
  const fleet = exampleFleet(0);
  for (const id of ids) fleet.terminals[id] = { site: 'dorfladen' };
  const key = await generateProviderKey('bench');
  const release = await signedRelease(fleet, key, 1);
  await publishRelease(db, release, { percent: 100, terminals: [] }, new Date(), () =>
    Promise.resolve([publicHalf(key)]),
  );
  await db.destroy();
}

// Request logging is off (warn) so the figure is the hub's, not pino's; the port is fixed because
// the "hub listening" line is an info log.
const port = Number(process.env['FLEET_BENCH_PORT'] ?? 18088);
const hub = spawn(
  process.execPath,
  [join(root, 'dist/hub/main.js'), '--demo', '--port', String(port), '--data-dir', dataDir],
  {
    env: { ...process.env, POP_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);
const agent = new Agent({ keepAlive: true, maxSockets: 128 });

function call(method: string, path: string, token: string, body?: unknown, etag?: string) {
  return new Promise<{ status: number; ms: number; etag?: string }>((resolve) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const started = performance.now();
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
          ...(etag ? { 'if-none-match': etag } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, etag: res.headers.etag }),
        );
      },
    );
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
    req.setTimeout(10_000, () => req.destroy());
    req.end(payload);
  });
}

async function waitForHub(): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if ((await call('GET', API.health, '')).status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the hub did not start');
}

await waitForHub();
const contentEtag = (await call('GET', API.content, tokenOf(ids[0] ?? ''))).etag ?? '';

// A hub in service has seen its fleet before: one unmeasured heartbeat and config fetch per
// terminal first, so the steps measure the steady state rather than first inserts and JIT.
{
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const token = tokenOf(ids[next++] ?? '');
      await call('POST', FLEET_API.heartbeat, token, heartbeat());
      await call('GET', FLEET_API.terminalConfig, token);
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
}

interface StepResult {
  terminals: number;
  requests: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
  error_samples: string[];
  p99_by_kind_ms: Record<string, number>;
  /** The hub's own time (Server-Timing), p99: what the hub spent, without network and client. */
  hub_own_p99_ms: number;
  /** The hub's event-loop lag (p99 over 10 s windows, the worst window): its wait for the CPU. */
  hub_loop_lag_p99_worst_ms: number;
  /** Per generator thread: its own event-loop lag (p99, max) and how late requests left. */
  loadgen: { lag_p99_ms: number; lag_max_ms: number; send_delay_p99_ms: number }[];
  loadgen_lag_p99_ms: number;
}

// Workers of Node 20 do not inherit the parent's --import hooks: the worker registers tsx itself.
const LOADGEN_BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => {
  tsx.register();
  return import(${JSON.stringify(new URL('./fleet-loadgen.ts', import.meta.url).href)});
});`;

/** One step: the fleet split over WORKERS generator threads, merged afterwards. */
async function step(size: number): Promise<StepResult> {
  const tokens = ids.slice(0, size).map(tokenOf);
  const share = Math.ceil(tokens.length / WORKERS);
  const outputs = await Promise.all(
    Array.from({ length: WORKERS }, (_, w) => {
      const input: LoadgenInput = {
        origin: `http://127.0.0.1:${port}`,
        tokens: tokens.slice(w * share, (w + 1) * share),
        stepSeconds: STEP_SECONDS,
        warmupSeconds: WARMUP_SECONDS,
        heartbeatMs: HEARTBEAT_MS,
        pullMs: PULL_MS,
        heartbeatBody: JSON.stringify(heartbeat({ configVersion: 1 })),
        contentEtag,
        paths: { heartbeat: FLEET_API.heartbeat, config: FLEET_API.terminalConfig, content: API.content },
        connections: 32,
      };
      return new Promise<LoadgenOutput>((resolve, reject) => {
        const worker = new Worker(LOADGEN_BOOTSTRAP, { eval: true, workerData: input });
        worker.once('message', (output: LoadgenOutput) => {
          resolve(output);
          void worker.terminate();
        });
        worker.once('error', reject);
      });
    }),
  );
  const merge = (kind: 'heartbeat' | 'pull' | 'config' | 'hub') => {
    const all = new Float64Array(outputs.reduce((n, o) => n + o[kind].length, 0));
    let at = 0;
    for (const o of outputs) {
      all.set(o[kind], at);
      at += o[kind].length;
    }
    return all.sort();
  };
  const byKind = { heartbeat: merge('heartbeat'), pull: merge('pull'), config: merge('config') };
  const latencies = new Float64Array(byKind.heartbeat.length + byKind.pull.length + byKind.config.length);
  latencies.set(byKind.heartbeat, 0);
  latencies.set(byKind.pull, byKind.heartbeat.length);
  latencies.set(byKind.config, byKind.heartbeat.length + byKind.pull.length);
  latencies.sort();
  const at = (list: Float64Array, q: number) =>
    Math.round((list[Math.floor(list.length * q)] ?? 0) * 10) / 10;
  return {
    terminals: size,
    requests: latencies.length,
    p50_ms: at(latencies, 0.5),
    p99_ms: at(latencies, 0.99),
    errors: outputs.reduce((n, o) => n + o.errors, 0),
    error_samples: outputs.flatMap((o) => o.errorSamples).slice(0, 5),
    p99_by_kind_ms: Object.fromEntries(Object.entries(byKind).map(([k, list]) => [k, at(list, 0.99)])),
    hub_own_p99_ms: at(merge('hub'), 0.99),
    hub_loop_lag_p99_worst_ms: Math.max(...outputs.map((o) => o.hubLagMaxMs)),
    loadgen: outputs.map((o) => ({
      lag_p99_ms: o.lagP99Ms,
      lag_max_ms: o.lagMaxMs,
      send_delay_p99_ms: o.sendDelayP99Ms,
    })),
    loadgen_lag_p99_ms: Math.max(...outputs.map((o) => o.lagP99Ms)),
  };
}

let best = { terminals: 0, p99_ms: 0, errors: 0 };
const steps: StepResult[] = [];
const passes = (r: { p99_ms: number; errors: number }) => r.p99_ms < P99_LIMIT_MS && r.errors === 0;
try {
  search: for (const size of SIZES) {
    // The machine is shared: a step that fails is run once more before the search stops.
    for (let attempt = 1; attempt <= 2; attempt++) {
      if (Date.now() + (WARMUP_SECONDS + STEP_SECONDS + 5) * 1000 > deadline) break search;
      const result = await step(size);
      steps.push(result);
      console.log(`fleet step: ${JSON.stringify(result)}`);
      if (passes(result)) {
        best = result;
        continue search;
      }
      // Nothing passed: report the smallest fleet's figures with 0 terminals served.
      if (best.terminals === 0) best = { terminals: 0, p99_ms: result.p99_ms, errors: result.errors };
    }
    break;
  }
} finally {
  hub.kill('SIGTERM');
  await new Promise((r) => hub.once('exit', r));
  agent.destroy();
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(
  JSON.stringify({
    terminals: best.terminals,
    p99_ms: best.p99_ms,
    errors: best.errors,
    step_seconds: STEP_SECONDS,
    heartbeat_s: HEARTBEAT_MS / 1000,
    pull_s: PULL_MS / 1000,
    loadgen_workers: WORKERS,
    load_average: loadavg().map((l) => Math.round(l * 10) / 10),
    steps,
  }),
);
