import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * The launcher's Electron mode, run for real with a stand-in AppImage (a script that prints what
 * it was started with): the self-updating layout of docs/operations/kiosk-updates.md.
 */
const launcher = fileURLToPath(new URL('../build/linux/pop-kiosk-launch', import.meta.url));
let dir: string;
let app: string;
let seed: string;

const fakeAppImage = (name: string) => `#!/bin/sh\necho "${name} $*"\n`;

function launch() {
  const run = spawnSync('sh', [launcher], {
    encoding: 'utf8',
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: dir,
      POP_ENV_FILE: join(dir, 'no-kiosk.env'),
      POP_KIOSK_MODE: 'electron',
      POP_KIOSK_CONFIG: join(dir, 'kiosk-config.json'),
      POP_ELECTRON_APP: app,
      POP_ELECTRON_SEED: seed,
      POP_DISPLAY_WAIT_SECONDS: '0',
    },
  });
  return { status: run.status, stdout: run.stdout.trim(), stderr: run.stderr };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pop-kiosk-launch-'));
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'kiosk-config.json'), '{}');
  app = join(dir, 'home', 'app', 'Point-of-Public.AppImage');
  seed = join(dir, 'usr-lib', 'Point-of-Public.AppImage');
  mkdirSync(join(dir, 'usr-lib'), { mode: 0o755 });
  writeFileSync(seed, fakeAppImage('seed'), { mode: 0o755 });
  mkdirSync(join(dir, 'home'), { mode: 0o755 });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('pop-kiosk-launch, electron mode', () => {
  it('installs the AppImage into the kiosk user’s folder from the root copy, then runs it', () => {
    const run = launch();
    expect(run.stderr).toContain(`installed ${app} from ${seed}`);
    expect(run.stdout).toBe(`seed --config ${join(dir, 'kiosk-config.json')} --ozone-platform-hint=auto`);
    expect(readFileSync(app, 'utf8')).toBe(fakeAppImage('seed'));
  });

  it('runs the AppImage the shell updated itself, not the older root copy', () => {
    mkdirSync(join(dir, 'home', 'app'), { mode: 0o755 });
    writeFileSync(app, fakeAppImage('updated'), { mode: 0o755 });
    const run = launch();
    expect(run.stdout).toMatch(/^updated --config /);
    expect(run.stderr).not.toContain('installed');
  });

  it('refuses an AppImage that group or others could have replaced', () => {
    mkdirSync(join(dir, 'home', 'app'), { mode: 0o755 });
    writeFileSync(app, fakeAppImage('planted'), { mode: 0o755 });
    chmodSync(join(dir, 'home', 'app'), 0o777);
    const run = launch();
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${join(dir, 'home', 'app')} is writable by group or others`);
    chmodSync(join(dir, 'home', 'app'), 0o755);
    chmodSync(app, 0o775);
    expect(launch().stderr).toContain(`${app} is writable by group or others`);
  });

  it('says so when there is neither an AppImage nor a copy to install', () => {
    rmSync(seed);
    const run = launch();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`POP_ELECTRON_APP (${app}) is not an executable`);
  });
});
