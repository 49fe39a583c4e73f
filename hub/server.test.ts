import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLEET_API } from '../protocol/fleet.js';
import { API } from '../protocol/api.js';
import { QUARANTINE_API } from '../protocol/quarantine.js';
import { DEFAULT_BODY_LIMIT } from './server.js';
import { startTestHub, terminalHeaders, type TestHub } from './testing/test-hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ kioskOrigins: ['app://kiosk', 'http://localhost:5173'] });
});
afterAll(() => hub.close());

const preflight = (origin: string, url: string = API.submissions) =>
  hub.app.inject({
    method: 'OPTIONS',
    url,
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization',
    },
  });

describe('CORS for the terminal API', () => {
  it('allows the kiosk origins in a preflight, without credentials', async () => {
    for (const url of [
      API.health,
      API.content,
      API.contentChanges,
      API.submissions,
      API.trackingStatus('ABCD-EFGH-JKMN'),
      QUARANTINE_API.terminal,
      FLEET_API.enroll,
      FLEET_API.terminalToken,
      FLEET_API.heartbeat,
      FLEET_API.terminalConfig,
      FLEET_API.commandResult('cmd-1'),
      API.submissionAttachmentChunks('9b2f4c1e-0000-4000-8000-000000000001', 'att-1'),
    ]) {
      const response = await preflight('app://kiosk', url);
      expect(response.statusCode, url).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe('app://kiosk');
      expect(response.headers['access-control-allow-headers']).toMatch(/authorization/);
      expect(response.headers['access-control-allow-headers']).toMatch(/content-type/);
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    }
    expect((await preflight('http://localhost:5173')).statusCode).toBe(204);
  });

  it('lets the Electron kiosk upload attachment chunks (PUT) and read the Upload-Offset', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    const attachmentId = '00000000-0000-4000-8000-000000000002';
    for (const url of [
      API.submissionAttachment(id, attachmentId),
      API.submissionAttachmentChunks(id, attachmentId),
    ]) {
      const response = await preflight('app://kiosk', url);
      expect(response.statusCode, url).toBe(204);
      expect(response.headers['access-control-allow-methods']).toMatch(/PUT/);
    }
    expect(
      (await preflight('https://evil.example', API.submissionAttachment(id, attachmentId))).statusCode,
    ).toBe(403);
    const state = await hub.app.inject({
      method: 'GET',
      url: API.submissionAttachment(id, attachmentId),
      headers: { ...terminalHeaders, origin: 'app://kiosk' },
    });
    expect(state.statusCode).toBe(404);
    expect(state.headers['access-control-allow-origin']).toBe('app://kiosk');
    expect(state.headers['access-control-expose-headers']).toMatch(/Upload-Offset/i);
  });

  it('refuses other origins: no allow-origin header', async () => {
    const response = await preflight('https://evil.example');
    expect(response.statusCode).toBe(403);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const actual = await hub.app.inject({
      method: 'GET',
      url: API.health,
      headers: { origin: 'https://evil.example' },
    });
    expect(actual.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets the kiosk read answers, errors and the ETag', async () => {
    const content = await hub.app.inject({
      method: 'GET',
      url: API.content,
      headers: { ...terminalHeaders, origin: 'app://kiosk' },
    });
    expect(content.headers['access-control-allow-origin']).toBe('app://kiosk');
    expect(content.headers['access-control-expose-headers']).toMatch(/ETag/i);
    expect(content.headers['access-control-expose-headers']).toMatch(/x-pop-next-checkpoint/i);
    expect(content.headers['vary']).toMatch(/Origin/);
    const denied = await hub.app.inject({
      method: 'GET',
      url: API.content,
      headers: { origin: 'app://kiosk' },
    });
    expect(denied.statusCode).toBe(401);
    expect(denied.headers['access-control-allow-origin']).toBe('app://kiosk');
  });

  it('never opens the clerk API to other origins', async () => {
    const response = await hub.app.inject({
      method: 'OPTIONS',
      url: API.clerkLogin,
      headers: { origin: 'app://kiosk', 'access-control-request-method': 'POST' },
    });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.statusCode).toBe(404);
  });
});

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
