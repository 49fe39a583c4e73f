/**
 * One load-generator thread of bench:fleet (bench/fleet.ts starts several). It plays its share of
 * the terminals for one step: a heartbeat every 30 s and a conditional content pull every 60 s
 * per terminal, at even random offsets, plus one config fetch after a terminal's first beat.
 * Cheap on purpose, so the figure is the hub's: one 20 ms tick fires every request due instead of
 * a timer per terminal, bodies are serialized once, and requests go over a keep-alive undici Pool.
 * It measures its own event-loop lag, so a reader can see when the generator itself was starved.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'undici';

export interface LoadgenInput {
  origin: string;
  tokens: string[];
  stepSeconds: number;
  /** Requests of the first seconds are sent but not measured: a fresh thread's JIT is cold. */
  warmupSeconds: number;
  heartbeatMs: number;
  pullMs: number;
  heartbeatBody: string;
  contentEtag: string;
  paths: { heartbeat: string; config: string; content: string };
  connections: number;
}

export interface LoadgenOutput {
  /** Latencies in ms per kind, as transferable arrays. */
  heartbeat: Float64Array;
  pull: Float64Array;
  config: Float64Array;
  /** The hub's own processing time per request (Server-Timing). */
  hub: Float64Array;
  /** The worst 10-second event-loop lag p99 the hub reported during the step. */
  hubLagMaxMs: number;
  errors: number;
  errorSamples: string[];
  lagP99Ms: number;
  lagMaxMs: number;
  /** How late, at the 99th percentile, requests left against their schedule (tick granularity 20 ms). */
  sendDelayP99Ms: number;
}

const TICK_MS = 20;

class Recorder {
  private values = new Float64Array(1024);
  private length = 0;
  add(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
  result(): Float64Array {
    return this.values.slice(0, this.length);
  }
}

async function run(input: LoadgenInput): Promise<LoadgenOutput> {
  const pool = new Pool(input.origin, {
    connections: input.connections,
    keepAliveTimeout: 60_000,
    pipelining: 1,
  });
  const kinds = { heartbeat: new Recorder(), pull: new Recorder(), config: new Recorder() };
  // The hub's own time per request (its Server-Timing header), to tell it from the client's.
  const hubTime = new Recorder();
  let hubLagMaxMs = 0;
  const sendDelay = new Recorder();
  let errors = 0;
  const errorSamples: string[] = [];
  const fail = (what: string) => {
    errors++;
    if (errorSamples.length < 5) errorSamples.push(what);
  };
  const headersOf = input.tokens.map((token) => ({ authorization: `Bearer ${token}` }));
  const beatHeaders = input.tokens.map((token) => ({
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
  }));
  const pullHeaders = input.tokens.map((token) => ({
    authorization: `Bearer ${token}`,
    'if-none-match': input.contentEtag,
  }));
  const knowsConfig = new Uint8Array(input.tokens.length);
  let measureFrom = Infinity;

  const send = async (
    kind: keyof typeof kinds,
    method: 'GET' | 'POST',
    path: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<number> => {
    const started = performance.now();
    const measured = started >= measureFrom;
    try {
      const response = await pool.request({ method, path, headers, body });
      await response.body.dump();
      if (measured) {
        kinds[kind].add(performance.now() - started);
        const timing = String(response.headers['server-timing'] ?? '');
        const own = /app;dur=([\d.]+)/.exec(timing)?.[1];
        if (own) hubTime.add(Number(own));
        const lagged = /lag;dur=([\d.]+)/.exec(timing)?.[1];
        if (lagged) hubLagMaxMs = Math.max(hubLagMaxMs, Number(lagged));
      }
      const ok = response.statusCode === 200 || response.statusCode === 204 || response.statusCode === 304;
      if (!ok) fail(`${kind} ${response.statusCode}`);
      return response.statusCode;
    } catch (error) {
      if (measured) kinds[kind].add(performance.now() - started);
      fail(`${kind} ${String(error).slice(0, 120)}`);
      return 0;
    }
  };

  // Each terminal's offset within its period, as tick-sized slots: every tick fires its slot.
  const slotsOf = (periodMs: number) => {
    const count = Math.round(periodMs / TICK_MS);
    const slots: number[][] = Array.from({ length: count }, () => []);
    for (let i = 0; i < input.tokens.length; i++) slots[Math.floor(Math.random() * count)]?.push(i);
    return slots;
  };
  const beatSlots = slotsOf(input.heartbeatMs);
  const pullSlots = slotsOf(input.pullMs);

  const lag = monitorEventLoopDelay({ resolution: 10 });
  const start = performance.now();
  measureFrom = start + input.warmupSeconds * 1000;
  setTimeout(() => lag.enable(), input.warmupSeconds * 1000);
  const end = measureFrom + input.stepSeconds * 1000;
  let tick = 0;
  await new Promise<void>((done) => {
    const fire = () => {
      const now = performance.now();
      // Catch up on every slot that became due, so a late tick delays requests but drops none.
      while (start + tick * TICK_MS <= now && start + tick * TICK_MS < end) {
        const due = start + tick * TICK_MS;
        for (const i of beatSlots[tick % beatSlots.length] ?? []) {
          if (due >= measureFrom) sendDelay.add(now - due);
          void send(
            'heartbeat',
            'POST',
            input.paths.heartbeat,
            beatHeaders[i] ?? {},
            input.heartbeatBody,
          ).then((status) => {
            if (status === 200 && knowsConfig[i] === 0) {
              knowsConfig[i] = 1;
              void send('config', 'GET', input.paths.config, headersOf[i] ?? {});
            }
          });
        }
        for (const i of pullSlots[tick % pullSlots.length] ?? [])
          void send('pull', 'GET', input.paths.content, pullHeaders[i] ?? {});
        tick++;
      }
      if (now >= end) {
        clearInterval(timer);
        done();
      }
    };
    const timer = setInterval(fire, TICK_MS);
  });
  // Let the last requests come back.
  await new Promise((r) => setTimeout(r, 2_000));
  lag.disable();
  await pool.close();
  const delays = sendDelay.result().sort();
  return {
    heartbeat: kinds.heartbeat.result(),
    pull: kinds.pull.result(),
    config: kinds.config.result(),
    hub: hubTime.result(),
    hubLagMaxMs,
    errors,
    errorSamples,
    lagP99Ms: Math.round(lag.percentile(99) / 1e5) / 10,
    lagMaxMs: Math.round(lag.max / 1e5) / 10,
    sendDelayP99Ms: Math.round((delays[Math.floor(delays.length * 0.99)] ?? 0) * 10) / 10,
  };
}

if (parentPort) {
  const port = parentPort;
  void run(workerData as LoadgenInput).then((output) =>
    port.postMessage(
      output,
      [output.heartbeat, output.pull, output.config, output.hub].map((a) => a.buffer as ArrayBuffer),
    ),
  );
}
