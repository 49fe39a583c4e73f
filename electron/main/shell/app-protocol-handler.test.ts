import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../log.js';
import { createAppProtocolHandler } from './app-protocol-handler.js';

const csp = "default-src 'self'";
let workDir: string;
let rendererRoot: string;
const warnings: string[] = [];
const errors: string[] = [];
const log: Logger = {
  info: () => undefined,
  warn: (message) => warnings.push(message),
  error: (message) => errors.push(message),
};

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'pop-app-protocol-'));
  rendererRoot = join(workDir, 'renderer');
  await mkdir(join(rendererRoot, 'kiosk'), { recursive: true });
  await mkdir(join(rendererRoot, 'assets'));
  await writeFile(join(rendererRoot, 'kiosk/index.html'), '<!doctype html><title>Kiosk</title>');
  await writeFile(join(rendererRoot, 'assets/app.js'), 'console.log(1)');
  // A file beside the renderer build that traversal would reach.
  await writeFile(join(workDir, 'secret.txt'), 'terminalToken');
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

function handler(readFileImpl: (path: string) => Promise<Uint8Array> = readFile) {
  return createAppProtocolHandler({
    rendererRoot,
    contentSecurityPolicy: csp,
    readFile: readFileImpl,
    shellFiles: new Map([['/_shell/shell.css', { body: 'main{}', mimeType: 'text/css; charset=utf-8' }]]),
    log,
  });
}

describe('app protocol handler', () => {
  it('serves the kiosk page with CSP, type and nosniff', async () => {
    const response = await handler()(new Request('app://kiosk/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html><title>Kiosk</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(csp);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves assets with their type', async () => {
    const response = await handler()(new Request('app://kiosk/assets/app.js'));
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('serves the shell’s own files, also under the CSP', async () => {
    const response = await handler()(new Request('app://kiosk/_shell/shell.css'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('main{}');
    expect(response.headers.get('content-security-policy')).toBe(csp);
  });

  it('answers HEAD without a body', async () => {
    const response = await handler()(new Request('app://kiosk/assets/app.js', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('refuses other methods', async () => {
    const response = await handler()(new Request('app://kiosk/assets/app.js', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });

  it('answers 404 for missing files and folders', async () => {
    expect((await handler()(new Request('app://kiosk/assets/missing.js'))).status).toBe(404);
    expect((await handler()(new Request('app://kiosk/assets'))).status).toBe(404);
  });

  it('never serves the file beside the build', async () => {
    for (const url of [
      'app://kiosk/..%2fsecret.txt',
      'app://kiosk/assets/..%2f..%2fsecret.txt',
      'app://kiosk/..%5csecret.txt',
    ]) {
      const response = await handler()(new Request(url));
      expect(response.status).toBe(400);
      expect(await response.text()).not.toContain('terminalToken');
    }
    expect(warnings.some((line) => line.includes('refused'))).toBe(true);
  });

  it('answers 500 and logs when the disk fails', async () => {
    const failing = () => Promise.reject(Object.assign(new Error('I/O error'), { code: 'EIO' }));
    const response = await handler(failing)(new Request('app://kiosk/assets/app.js'));
    expect(response.status).toBe(500);
    expect(errors.at(-1)).toMatch(/cannot read .*app\.js/);
  });
});
