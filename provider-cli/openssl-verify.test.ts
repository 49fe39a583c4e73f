import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';

/**
 * docs/security/signed-config.md promises that a release can be checked with openssl alone.
 * This runs the commands of that page, as written there, on a release the provider CLI signed.
 */
const run = promisify(execFile);
const DOC = join(import.meta.dirname, '../docs/security/signed-config.md');
let dir: string;

async function docCommands(): Promise<string> {
  const text = await readFile(DOC, 'utf8');
  const block = /<!-- verify-commands[^>]*-->\s*```sh\n([\s\S]*?)```/.exec(text)?.[1];
  if (!block) throw new Error(`${DOC} has no verify-commands block`);
  return block;
}

async function verify(): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run('bash', ['-e', '-c', await docCommands()], { cwd: dir });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, out: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

const cli = (...argv: string[]) =>
  runCli(
    argv,
    { out: () => undefined, err: () => undefined },
    { POP_PROVIDER_KEY_PASSPHRASE: 'lange geheime Passphrase' },
  );

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pop-openssl-'));
  expect(await cli('keygen', '--id', 'kdn-2026', '--out', dir)).toBe(0);
  const fleet = join(import.meta.dirname, '../kiosk-config/fleet-example.json');
  expect(
    await cli(
      'sign',
      fleet,
      '--key',
      join(dir, 'kdn-2026.key.json'),
      '--version',
      '7',
      '--out',
      join(dir, 'release.json'),
    ),
  ).toBe(0);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the openssl commands of docs/security/signed-config.md', () => {
  it('verify a release signed by the provider CLI', async () => {
    const result = await verify();
    expect(result.out).toContain('Signature Verified Successfully');
    expect(result.code).toBe(0);
    const pem = await readFile(join(dir, 'pubkey.pem'), 'utf8');
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
  });

  it('fail for a payload changed after signing', async () => {
    const path = join(dir, 'release.json');
    const release = JSON.parse(await readFile(path, 'utf8')) as {
      configs: Record<string, { payload: string }>;
    };
    const config = release.configs['demo-terminal-1'];
    if (!config) throw new Error('the release has no config for demo-terminal-1');
    const genuine = config.payload;
    config.payload = genuine.replace('"version":7', '"version":8');
    expect(config.payload).not.toBe(genuine);
    await writeFile(path, JSON.stringify(release));
    const result = await verify();
    expect(result.out).toContain('Signature Verification Failure');
    expect(result.code).not.toBe(0);
  });
});
