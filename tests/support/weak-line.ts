import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';

/**
 * A real weak line for calls, made with the kernel: a network namespace joined to this one by a
 * veth pair, where coturn runs (tests/support/call.ts startCoturn with `netns`). With relay-only
 * ICE every media packet of both sides crosses the veth. `saturate()` puts a token-bucket shaper
 * (tc tbf) on the root side and floods it with UDP cross traffic from this process, as when
 * others share a village shop's DSL line: the queue stays full, so every packet waits for the
 * queue (a long round trip) and many are dropped (loss). `clear()` takes both away again.
 *
 * This machine's kernel has no netem, so delay and loss come from a real full queue, not from
 * an emulator; tbf is in every Linux kernel.
 */
export interface WeakLine {
  netns: string;
  /** The namespace side of the veth, where coturn listens and relays. */
  turnHost: string;
  saturate(options?: { rateKbit?: number; queueMs?: number; crossKbit?: number }): void;
  clear(): void;
  remove(): void;
}

function run(args: string[]): void {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}
function tc(args: string[]): void {
  execFileSync('tc', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Why a weak line cannot be made here, or null when it can (root, ip, tc, veth, tbf). */
export function weakLineUnavailable(): string | null {
  if (process.getuid?.() !== 0) return 'needs root for ip netns and tc';
  for (const tool of ['ip', 'tc']) {
    if (spawnSync(tool, ['-V']).error) return `${tool} is not installed (apt-get install iproute2)`;
  }
  let line: WeakLine | null = null;
  try {
    line = createWeakLine();
    line.saturate({ crossKbit: 0 });
    return null;
  } catch (error) {
    return `the kernel refuses a namespace, veth or tbf here: ${(error as Error).message.split('\n')[0]}`;
  } finally {
    line?.remove();
  }
}

export function createWeakLine(): WeakLine {
  const id = randomBytes(3).toString('hex');
  const netns = `popweak-${id}`;
  const outer = `pw${id}a`;
  const inner = `pw${id}b`;
  const net = `10.${100 + (parseInt(id.slice(0, 2), 16) % 100)}.${parseInt(id.slice(2, 4), 16)}`;
  const rootHost = `${net}.1`;
  const turnHost = `${net}.2`;
  run(['netns', 'add', netns]);
  try {
    run(['link', 'add', outer, 'type', 'veth', 'peer', 'name', inner]);
    run(['link', 'set', inner, 'netns', netns]);
    run(['addr', 'add', `${rootHost}/30`, 'dev', outer]);
    run(['link', 'set', outer, 'up']);
    run(['netns', 'exec', netns, 'ip', 'addr', 'add', `${turnHost}/30`, 'dev', inner]);
    run(['netns', 'exec', netns, 'ip', 'link', 'set', inner, 'up']);
    run(['netns', 'exec', netns, 'ip', 'link', 'set', 'lo', 'up']);
  } catch (error) {
    spawnSync('ip', ['link', 'del', outer]);
    spawnSync('ip', ['netns', 'del', netns]);
    throw error;
  }

  let flood: { socket: Socket; timer: NodeJS.Timeout } | null = null;
  const stopFlood = () => {
    if (!flood) return;
    clearInterval(flood.timer);
    flood.socket.close();
    flood = null;
  };

  return {
    netns,
    turnHost,
    saturate({ rateKbit = 1000, queueMs = 700, crossKbit = 1100 } = {}) {
      tc([
        'qdisc',
        'replace',
        'dev',
        outer,
        'root',
        'tbf',
        'rate',
        `${rateKbit}kbit`,
        'burst',
        '4kb',
        'latency',
        `${queueMs}ms`,
      ]);
      if (crossKbit <= 0 || flood) return;
      // Cross traffic to a port nobody listens on inside the namespace: it only fills the queue.
      const socket = createSocket('udp4');
      const packet = Buffer.alloc(1200);
      const started = Date.now();
      let sentBytes = 0;
      const timer = setInterval(() => {
        const due = ((Date.now() - started) / 1000) * ((crossKbit * 1000) / 8);
        while (sentBytes + packet.length <= due) {
          socket.send(packet, 9, turnHost);
          sentBytes += packet.length;
        }
      }, 5);
      socket.on('error', () => undefined);
      flood = { socket, timer };
    },
    clear() {
      stopFlood();
      spawnSync('tc', ['qdisc', 'del', 'dev', outer, 'root']);
    },
    remove() {
      stopFlood();
      spawnSync('ip', ['link', 'del', outer]);
      spawnSync('ip', ['netns', 'del', netns]);
    },
  };
}
