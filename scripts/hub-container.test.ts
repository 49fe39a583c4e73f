import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listeningUrl, stopHub, type HubChild } from '../hub/testing/hub-cli.js';
import { assembleHubPackage } from './hub-package.js';

/**
 * build/hub/Containerfile built and run with Debian's podman, without any registry: the base
 * image is this machine's own Node.js and the libraries it links, imported as a tarball (the
 * image's NODE_IMAGE argument). The hub runs read-only, as its unprivileged user, and answers
 * /readyz. docs/operations/deployment.md says why runc and the explicit limits.
 */
const repoRoot = join(import.meta.dirname, '..');
const tag = randomBytes(4).toString('hex');
const baseImage = `localhost/pop-test-node:${tag}`;
const hubImage = `localhost/pop-test-hub:${tag}`;
/** crun refuses this machine's hybrid cgroups, and neither runtime may raise RLIMIT_NPROC here. */
const RUN_FLAGS = ['--runtime', 'runc', '--ulimit', 'nofile=1024:1024', '--ulimit', 'nproc=1000:1000'];
const work = mkdtempSync(join(tmpdir(), 'pop-hub-container-'));

function podman(...args: string[]) {
  const run = spawnSync('podman', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw new Error('podman is missing: apt-get install podman runc', { cause: run.error });
  if (run.status !== 0) throw new Error(`podman ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

/** The shared libraries a binary links, from ldd. */
function linkedLibraries(binary: string): string[] {
  const run = spawnSync('ldd', [binary], { encoding: 'utf8' });
  return [...run.stdout.matchAll(/(\/\S+)/g)].map((m) => m[1] ?? '').filter((path) => path !== binary);
}

function nativeAddons(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.node'))
    .map((name) => join(dir, name));
}

/** A root file system holding node and what it and the hub's native addons link. */
function importBaseImage(pkg: string): void {
  const rootfs = join(work, 'rootfs');
  const files = new Set([process.execPath, ...linkedLibraries(process.execPath)]);
  for (const addon of nativeAddons(join(pkg, 'node_modules')))
    for (const lib of linkedLibraries(addon)) files.add(lib);
  for (const file of files) {
    const target = join(rootfs, file === process.execPath ? '/usr/local/bin/node' : file);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
  const tar = spawnSync('tar', ['-C', rootfs, '-cf', join(work, 'rootfs.tar'), '.']);
  expect(tar.status).toBe(0);
  podman('image', 'import', '--change', 'ENV PATH=/usr/local/bin', join(work, 'rootfs.tar'), baseImage);
}

describe('build/hub/Containerfile with podman', () => {
  let child: HubChild | undefined;
  beforeAll(() => {
    const pkg = join(work, 'package');
    assembleHubPackage(repoRoot, pkg);
    importBaseImage(pkg);
    podman(
      'build',
      // No intermediate images left behind on a shared machine.
      '--layers=false',
      '--build-arg',
      `NODE_IMAGE=${baseImage}`,
      ...RUN_FLAGS,
      '-f',
      join(repoRoot, 'build/hub/Containerfile'),
      '-t',
      hubImage,
      pkg,
    );
  }, 300_000);
  afterAll(async () => {
    if (child) await stopHub(child);
    spawnSync('podman', ['rmi', '-f', hubImage, baseImage]);
    rmSync(work, { recursive: true, force: true });
  }, 60_000);

  it('runs as an unprivileged user', () => {
    const user = podman('image', 'inspect', '--format', '{{.Config.User}}', hubImage).trim();
    expect(user).toBe('10001:10001');
  });

  it('starts on a read-only root file system and answers /readyz', async () => {
    child = spawn(
      'podman',
      ['run', '--rm', ...RUN_FLAGS, '--read-only', '--tmpfs', '/tmp', '--network', 'host']
        .concat(['--cap-drop', 'ALL', '--security-opt', 'no-new-privileges'])
        .concat(['-e', 'POP_HOST=127.0.0.1', '-e', 'POP_PORT=0', hubImage]),
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const url = await listeningUrl(child);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
  }, 120_000);
});
