/**
 * Real receivers for alert tests: an SMTP server (Debian's python3-aiosmtpd, started as a child
 * process) and an HTTP server on 127.0.0.1. Both hand each arrival to the test as it happens.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** Debian's interpreter, where python3-aiosmtpd installs (a pyenv python3 first on PATH lacks it). */
const PYTHON = process.env['POP_TEST_PYTHON'] ?? '/usr/bin/python3';
const SINK = fileURLToPath(new URL('./smtp-sink.py', import.meta.url));

export interface SentMail {
  mailFrom: string;
  rcptTos: string[];
  data: string;
}

/** Arrivals in order; next() waits for the one after those already taken. */
class Arrivals<T> {
  private readonly items: T[] = [];
  private readonly waiting: ((item: T) => void)[] = [];
  private taken = 0;

  push(item: T): void {
    this.items.push(item);
    this.waiting.shift()?.(item);
  }

  next(): Promise<T> {
    const index = this.taken++;
    const item = this.items[index];
    if (item !== undefined) return Promise.resolve(item);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  get count(): number {
    return this.items.length;
  }
}

export interface SmtpSink {
  port: number;
  mails: Arrivals<SentMail>;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const check = spawnSync(PYTHON, ['-c', 'import aiosmtpd'], { encoding: 'utf8' });
  if (check.status !== 0)
    throw new Error(
      `The alert mail test needs Debian's python3-aiosmtpd (apt-get install python3-aiosmtpd) under ${PYTHON}; ${check.error?.message ?? check.stderr.trim()}`,
    );
  const folder = await mkdtemp(join(tmpdir(), 'pop-smtp-sink-'));
  const child: ChildProcess = spawn(PYTHON, [SINK, folder], { stdio: ['ignore', 'pipe', 'inherit'] });
  const mails = new Arrivals<SentMail>();
  const lines = createInterface({ input: child.stdout ?? process.stdin });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the SMTP sink exited with ${code} before listening`)));
    lines.on('line', (line) => {
      const [word, rest = ''] = line.split(' ', 2);
      if (word === 'listening') resolve(Number(rest));
      if (word === 'message')
        void readFile(rest, 'utf8').then((text) => mails.push(JSON.parse(text) as SentMail));
    });
  });
  return {
    port,
    mails,
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await rm(folder, { recursive: true, force: true });
    },
  };
}

export interface WebhookRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiver {
  url: string;
  requests: Arrivals<WebhookRequest>;
  /** Status codes for the next requests, then 200. */
  answers: number[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const requests = new Arrivals<WebhookRequest>();
  const answers: number[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      response.statusCode = answers.shift() ?? 200;
      response.end();
      requests.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hooks/pop`,
    requests,
    answers,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
