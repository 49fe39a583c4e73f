import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listeningUrl, stopHub, withoutHubVariables, type HubChild } from '../hub/testing/hub-cli.js';
import { assembleHubPackage, installedPackageJson, productionPackages } from './hub-package.js';

const repoRoot = join(import.meta.dirname, '..');

describe('productionPackages', () => {
  it('takes what runs, outermost folders only, and leaves development tools out', () => {
    expect(
      productionPackages({
        packages: {
          '': {},
          'node_modules/fastify': {},
          'node_modules/fastify/node_modules/semver': {},
          'node_modules/vitest': { dev: true },
          'node_modules/fsevents': { devOptional: true },
          'node_modules/pg': {},
        },
      }),
    ).toEqual(['node_modules/fastify', 'node_modules/pg']);
  });

  it('writes a package.json without scripts or development dependencies', () => {
    const installed = installedPackageJson(
      JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>,
    );
    expect(Object.keys(installed)).not.toContain('scripts');
    expect(Object.keys(installed)).not.toContain('devDependencies');
    expect(installed['type']).toBe('module');
  });
});

describe('the hub installed without a checkout', () => {
  // Outside the repository: nothing above it is the checkout.
  const root = mkdtempSync(join(tmpdir(), 'pop-hub-installed-'));
  const install = join(root, 'usr-lib-point-of-public');
  let child: HubChild | undefined;
  beforeAll(() => {
    if (!existsSync(join(repoRoot, 'dist', 'hub', 'pop-hub.js')))
      throw new Error('dist/hub is missing: run npm run build (npm test does) before this test');
    assembleHubPackage(repoRoot, install);
  }, 120_000);
  afterAll(async () => {
    if (child) await stopHub(child);
    rmSync(root, { recursive: true, force: true });
  }, 60_000);

  it('holds no sources, tests or demo', () => {
    expect(relative(repoRoot, install).startsWith('..')).toBe(true);
    expect(existsSync(join(install, 'dist', 'hub', 'pop-hub.js'))).toBe(true);
    expect(existsSync(join(install, 'dist', 'hub', 'main.ts'))).toBe(false);
    expect(existsSync(join(install, 'dist', 'demo'))).toBe(false);
    expect(existsSync(join(install, 'dist', 'hub', 'testing'))).toBe(false);
    expect(existsSync(join(install, 'node_modules', 'vitest'))).toBe(false);
    expect(existsSync(join(install, 'node_modules', 'fastify'))).toBe(true);
  });

  it('is the context build/hub/Containerfile copies from', () => {
    const containerfile = readFileSync(join(repoRoot, 'build', 'hub', 'Containerfile'), 'utf8');
    const sources = [...containerfile.matchAll(/^COPY (?!--from)(.+)$/gm)].flatMap((m) =>
      (m[1] ?? '').split(/\s+/).slice(0, -1),
    );
    expect(sources).toEqual(['package.json', 'node_modules', 'dist']);
    for (const source of sources) expect(existsSync(join(install, source)), source).toBe(true);
  });

  it('starts from there and answers /readyz', async () => {
    child = spawn(process.execPath, [join(install, 'dist', 'hub', 'pop-hub.js'), 'serve', '--port', '0'], {
      cwd: root,
      env: { ...withoutHubVariables(process.env), POP_DATA_DIR: join(root, 'state') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await listeningUrl(child);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(existsSync(join(root, 'state', 'hub.sqlite'))).toBe(true);
  }, 60_000);
});
