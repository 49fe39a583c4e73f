import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, PREVIEW_CONTENT_SECURITY_POLICY } from '../http/security-headers.js';
import { startTestHub, type TestHub } from '../testing/test-hub.js';
import { cacheControlFor } from './static.js';

const staticDir = mkdtempSync(join(tmpdir(), 'pop-hub-static-'));
const page = (title: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body></body></html>`;
for (const [file, text] of [
  ['kiosk/index.html', page('Kiosk')],
  ['kiosk/preview.html', page('Vorschau')],
  ['kiosk/sw.js', 'self.addEventListener("fetch", () => {});'],
  ['clerk/index.html', page('Clerk')],
  ['assets/kiosk-3f2a9c.js', 'console.log(1);'],
] as const) {
  mkdirSync(join(staticDir, file, '..'), { recursive: true });
  writeFileSync(join(staticDir, file), text);
}

let hub: TestHub;
let unbuilt: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ staticDir });
  unbuilt = await startTestHub();
});
afterAll(async () => {
  await hub.close();
  await unbuilt.close();
  rmSync(staticDir, { recursive: true, force: true });
});

const get = (url: string, app = hub.app) => app.inject({ method: 'GET', url });

describe('static files', () => {
  it('answers /favicon.ico with the product mark, built or not', async () => {
    for (const app of [hub.app, unbuilt.app]) {
      const response = await get('/favicon.ico', app);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('image/svg+xml');
      expect(response.body).toContain('<svg');
    }
  });

  it('sends / to the kiosk', async () => {
    const response = await get('/');
    expect(response.statusCode).toBe(302);
    expect(response.headers['location']).toBe('/kiosk/');
  });

  it('serves the kiosk and the clerk console pages with the CSP, revalidated on every load', async () => {
    for (const [url, title] of [
      ['/kiosk/', 'Kiosk'],
      ['/clerk/', 'Clerk'],
    ] as const) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain(`<title>${title}</title>`);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers['cache-control']).toBe('no-cache');
    }
    const redirect = await get('/kiosk');
    expect(redirect.statusCode).toBe(301);
    expect(redirect.headers['location']).toBe('/kiosk/');
  });

  it('lets only pages of its own origin frame the kiosk preview, and no other page', async () => {
    const preview = await get('/kiosk/preview.html');
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-security-policy']).toBe(PREVIEW_CONTENT_SECURITY_POLICY);
    expect(PREVIEW_CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'self'");
    for (const url of ['/kiosk/', '/clerk/'])
      expect(String((await get(url)).headers['content-security-policy']), url).toContain(
        "frame-ancestors 'none'",
      );
  });

  it('lets browsers keep hashed assets forever, but not the service worker', async () => {
    const asset = await get('/assets/kiosk-3f2a9c.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-security-policy']).toBeUndefined();
    const worker = await get('/kiosk/sw.js');
    expect(worker.statusCode).toBe(200);
    expect(worker.headers['cache-control']).toBe('no-cache');
  });

  it('answers unknown paths with 404, never 500, and never leaves the static dir', async () => {
    for (const url of [
      '/nope.html',
      '/kiosk/missing.js',
      '/../package.json',
      '/%2e%2e/package.json',
      '/%00',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, url).toBeLessThan(500);
      expect(response.body, url).not.toContain('point-of-public');
    }
    const api = await get('/api/v1/nothing-here');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: 'not_found' });
  });

  it('says to run the build when there is none', async () => {
    const response = await get('/', unbuilt.app);
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body).toContain('npm run build');
  });
});

describe('cacheControlFor', () => {
  it('marks only files under assets/ immutable', () => {
    expect(cacheControlFor('/srv/r', '/srv/r/assets/a-1.js')).toMatch(/immutable/);
    expect(cacheControlFor('/srv/r', '/srv/r/kiosk/assets.html')).toBe('no-cache');
  });
});
