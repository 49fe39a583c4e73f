import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import pg from 'pg';
import { findRepoRoot } from '../repo-root.js';

/** The hub from its sources (hub/main.ts), as a process, with exactly the options a test gives. */
export type HubChild = ChildProcessByStdio<null, Readable, Readable>;

/** The test decides every option; nothing leaks in from the developer's shell. */
export function withoutHubVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('POP_')));
}

export function spawnHub(args: string[], env: NodeJS.ProcessEnv = {}): HubChild {
  return spawn(process.execPath, ['--import', 'tsx', 'hub/main.ts', ...args], {
    cwd: findRepoRoot(),
    // No drain period unless a test asks for one: a stop is at once.
    env: { ...withoutHubVariables(process.env), POP_DRAIN_SECONDS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Resolves with the url of the "hub listening" line; rejects with the output if the hub ends first. */
export function listeningUrl(child: HubChild): Promise<string> {
  return new Promise((resolve, reject) => {
    const seen: string[] = [];
    child.stderr.on('data', (chunk: Buffer) => seen.push(chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      seen.push(line);
      try {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'hub listening' && entry.url) resolve(entry.url);
      } catch {
        // not a log line
      }
    });
    child.once('exit', (code) => reject(new Error(`hub exited with ${code}:\n${seen.join('\n')}`)));
  });
}

/** Exit code and everything the hub wrote to stderr, once it has ended. */
export function exitWithStderr(child: HubChild): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.resume();
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stderr })));
}

export async function stopHub(child: HubChild): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const closed = new Promise((resolve) => child.once('close', resolve));
  child.kill('SIGTERM');
  await closed;
}

/** A fresh PostgreSQL schema for one test, as a database URL; drop() removes it. */
export async function postgresSchema(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `pop_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}
