import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../protocol/api.js';
import { DEFAULT_BODY_LIMIT } from './server.js';
import { startTestHub, terminalHeaders, type TestHub } from './testing/test-hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

describe('security headers', () => {
  it('are on every response, API and error alike', async () => {
    for (const url of [API.health, API.content, '/nothing']) {
      const response = await hub.app.inject({ method: 'GET', url });
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['referrer-policy'], url).toBe('no-referrer');
      expect(response.headers['permissions-policy'], url).toBe(
        'camera=(self), microphone=(self), geolocation=()',
      );
      expect(response.headers['cross-origin-opener-policy'], url).toBe('same-origin');
    }
  });
});

describe('errors', () => {
  it('answers an unknown API path with a JSON 404 and other paths with a plain 404', async () => {
    const api = await hub.app.inject({ method: 'DELETE', url: '/api/v1/content' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({
      error: 'not_found',
      message: 'There is no API route DELETE /api/v1/content.',
    });
    const page = await hub.app.inject({ method: 'GET', url: '/some/page' });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toMatch(/^text\/plain/);
  });

  it('holds every other body to the global limit', async () => {
    const response = await hub.app.inject({
      method: 'POST',
      url: API.clerkLogin,
      payload: { username: 'clerk', password: 'x'.repeat(DEFAULT_BODY_LIMIT) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({
      error: 'payload_too_large',
      message: `The request body is larger than the limit of ${DEFAULT_BODY_LIMIT} bytes.`,
    });
  });

  it('answers a server fault with 500 and a plain message, logging the stack', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const broken = await startTestHub({ logger: { level: 'error', stream } });
    await broken.db.destroy();
    const response = await broken.app.inject({ method: 'GET', url: API.content, headers: terminalHeaders });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: 'internal',
      message: 'The hub failed to handle this request. The fault has been logged.',
    });
    expect(response.body).not.toMatch(/at .*\.ts/);
    const logged = lines.map((line) => JSON.parse(line) as { msg: string; err?: { stack?: string } });
    expect(logged.find((l) => l.msg === 'request failed')?.err?.stack).toMatch(/\n\s+at /);
    await broken.close();
  });
});
