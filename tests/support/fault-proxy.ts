import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does to one submission request. */
export type Fault = 'pass' | 'reset-before' | 'reset-after' | 'truncate' | 'server-error' | 'stall';

/**
 * A proxy between kiosk and hub that breaks submission requests on purpose: connection resets
 * before or after the hub saw the request, truncated answers, 5xx and stalls. Everything else
 * (the page, content, health) passes, so the kiosk can be served through it. Faults come from a
 * seeded generator, so a failing run can be repeated.
 */
export class FaultProxy {
  readonly counts: Record<Fault, number> = {
    pass: 0,
    'reset-before': 0,
    'reset-after': 0,
    truncate: 0,
    'server-error': 0,
    stall: 0,
  };
  /** Every request that passed through, as "METHOD path?query" (tests read what the terminal did). */
  readonly requests: string[] = [];
  /**
   * A fault chosen by the test for one request (null: the seeded default, which breaks only
   * submission POSTs). The attachment tests use it to cut chunk uploads at set places.
   */
  decide: ((method: string, url: string) => Fault | null) | null = null;
  /**
   * A man in the line: for a request this returns a function for, the hub's answer body is
   * rewritten before the terminal gets it (asked for uncompressed, so the text can be edited).
   */
  rewrite: ((method: string, url: string) => ((body: string) => string) | null) | null = null;
  private server: Server | null = null;
  private random: () => number;

  constructor(
    private readonly target: URL,
    seed: number,
    private readonly faultRate = 0.6,
  ) {
    this.random = mulberry32(seed);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private pick(): Fault {
    if (this.random() >= this.faultRate) return 'pass';
    const faults: Fault[] = ['reset-before', 'reset-after', 'truncate', 'server-error', 'stall'];
    return faults[Math.floor(this.random() * faults.length)] ?? 'pass';
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.requests.push(`${req.method ?? ''} ${req.url ?? ''}`);
    const fault =
      this.decide?.(req.method ?? '', req.url ?? '') ??
      (req.method === 'POST' && req.url?.startsWith('/api/v1/submissions') ? this.pick() : 'pass');
    if (fault !== 'pass') this.counts[fault]++;
    else if (req.method === 'POST') this.counts.pass++;
    if (fault === 'reset-before') return void req.socket.destroy();
    if (fault === 'server-error') {
      req.resume();
      res.writeHead(503, { 'content-type': 'application/json' });
      return void res.end('{"error":"unavailable","message":"injected fault"}');
    }
    const transform = fault === 'pass' ? (this.rewrite?.(req.method ?? '', req.url ?? '') ?? null) : null;
    const headers = { ...req.headers, host: this.target.host };
    if (transform) delete headers['accept-encoding'];
    const upstream = httpRequest(
      new URL(req.url ?? '/', this.target),
      { method: req.method, headers },
      (answer) => {
        if (transform) return void rewriteAnswer(answer, res, transform);
        if (fault === 'reset-after') {
          answer.resume();
          return void req.socket.destroy(); // the hub stored it; the terminal never hears so
        }
        if (fault === 'truncate') {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.once('data', (chunk: Buffer) => {
            res.write(chunk.subarray(0, Math.max(1, Math.floor(chunk.length / 2))));
            req.socket.destroy();
          });
          return;
        }
        if (fault === 'stall') {
          setTimeout(() => req.socket.destroy(), 2_000).unref();
          return void answer.resume();
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  }
}

function rewriteAnswer(
  answer: IncomingMessage,
  res: ServerResponse,
  transform: (body: string) => string,
): void {
  const chunks: Buffer[] = [];
  answer.on('data', (chunk: Buffer) => chunks.push(chunk));
  answer.on('end', () => {
    const body = Buffer.from(transform(Buffer.concat(chunks).toString('utf8')), 'utf8');
    const headers = { ...answer.headers, 'content-length': String(body.length) };
    delete headers['transfer-encoding'];
    delete headers['etag'];
    res.writeHead(answer.statusCode ?? 502, headers);
    res.end(body);
  });
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
