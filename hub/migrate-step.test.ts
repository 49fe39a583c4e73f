import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findRepoRoot } from './repo-root.js';
import { exitWithStderr, listeningUrl, spawnHub, stopHub, withoutHubVariables } from './testing/hub-cli.js';

const root = mkdtempSync(join(tmpdir(), 'pop-hub-migrate-step-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** `pop-hub <args>` from the sources: exit code and output. */
function popHub(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'hub/pop-hub.ts', ...args], {
    cwd: findRepoRoot(),
    env: withoutHubVariables(process.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

describe('migrations as a step of their own', () => {
  it('refuses to start with --no-migrate on an old schema, starts after `pop-hub migrate`', async () => {
    const dataDir = join(root, 'data');
    const refused = await exitWithStderr(spawnHub(['--no-migrate', '--port', '0', '--data-dir', dataDir]));
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^hub: the database schema is behind this build \(missing 0001_initial, .*pop-hub migrate/,
      ),
    ]);

    const migrated = await popHub(['migrate', '--data-dir', dataDir]);
    expect(migrated).toMatchObject({ code: 0, stderr: '' });
    expect(migrated.stdout).toMatch(
      /^pop-hub: migrated \(applied 0001_initial, .*0019_token_secrets, .*\)\n$/,
    );
    expect((await popHub(['migrate', '--data-dir', dataDir])).stdout).toBe(
      'pop-hub: migrated (already up to date)\n',
    );

    const hub = spawnHub(['--port', '0', '--data-dir', dataDir], { POP_MIGRATE: 'off' });
    const url = await listeningUrl(hub);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    await stopHub(hub);
    expect(hub.exitCode).toBe(0);
  }, 90_000);

  it('rotates and retires terminal-token secrets with `pop-hub token-secrets`', async () => {
    const dataDir = join(root, 'secrets');
    await popHub(['migrate', '--data-dir', dataDir]);
    const first =
      (await popHub(['token-secrets', 'list', '--data-dir', dataDir])).stdout.split('\t')[0] ?? '';
    const rotated = await popHub(['token-secrets', 'rotate', '--data-dir', dataDir]);
    expect(rotated).toMatchObject({ code: 0, stdout: expect.stringMatching(/signs new tokens/) });
    expect(await popHub(['token-secrets', 'retire', first, '--data-dir', dataDir])).toMatchObject({
      code: 0,
      stdout: `pop-hub: token secret ${first} retired; its tokens are refused from now on\n`,
    });
    const list = (await popHub(['token-secrets', 'list', '--data-dir', dataDir])).stdout.trim().split('\n');
    expect(list).toEqual([
      expect.stringMatching(/\tcurrent$/),
      expect.stringMatching(new RegExp(`^${first}\t.*\tretired `)),
    ]);
    const bad = await popHub(['token-secrets', 'retire', 'nope', '--data-dir', dataDir]);
    expect(bad).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^pop-hub: token-secrets failed: There is no token secret "nope"/),
    });
  }, 90_000);
});
