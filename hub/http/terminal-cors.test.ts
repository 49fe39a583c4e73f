import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api.js';
import { CALL_API } from '../../protocol/calls.js';
import { FLEET_API } from '../../protocol/fleet.js';
import { QUARANTINE_API } from '../../protocol/quarantine.js';
import { startTestHub, terminalHeaders, type TestHub } from '../testing/test-hub.js';

/** The Electron shell, the Vite dev server, and a kiosk page still served by a hub it moved away from. */
const KIOSK_ORIGINS = ['app://kiosk', 'http://localhost:5173', 'http://old-hub.example:8080'];

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ kioskOrigins: KIOSK_ORIGINS });
});
afterAll(() => hub.close());

const preflight = (url: string, origin: string) =>
  hub.app.inject({
    method: 'OPTIONS',
    url,
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization',
    },
  });

const submissionId = '00000000-0000-4000-8000-000000000001';
const attachmentId = '00000000-0000-4000-8000-000000000002';

/** Every route a terminal calls, written out here rather than read from terminal-cors.ts, so a route it forgets fails. */
const TERMINAL_ROUTES = [
  API.health,
  API.content,
  API.contentChanges,
  API.submissions,
  API.trackingStatus('ABCD-EFGH-JKMN'),
  QUARANTINE_API.terminal,
  CALL_API.requests,
  FLEET_API.enroll,
  FLEET_API.terminalToken,
  FLEET_API.heartbeat,
  FLEET_API.terminalConfig,
  FLEET_API.commandResult('cmd-1'),
  API.submissionAttachment(submissionId, attachmentId),
  API.submissionAttachmentChunks(submissionId, attachmentId),
];

describe('CORS for terminals whose page comes from another origin (Electron, a moved Chromium kiosk)', () => {
  it('answers a preflight on every terminal route, the fleet ones included, for each allowed origin, without credentials', async () => {
    for (const url of TERMINAL_ROUTES) {
      for (const origin of KIOSK_ORIGINS) {
        const response = await preflight(url, origin);
        expect(response.statusCode, `${url} from ${origin}`).toBe(204);
        expect(response.headers['access-control-allow-origin'], url).toBe(origin);
        expect(response.headers['access-control-allow-methods'], url).toMatch(/PUT/);
        expect(response.headers['access-control-allow-headers'], url).toMatch(/authorization/);
        expect(response.headers['access-control-allow-headers'], url).toMatch(/content-type/);
        expect(response.headers['access-control-allow-credentials'], url).toBeUndefined();
      }
    }
    const beat = await hub.app.inject({
      method: 'POST',
      url: FLEET_API.heartbeat,
      headers: { origin: 'app://kiosk' },
      payload: {},
    });
    expect(beat.headers['access-control-allow-origin']).toBe('app://kiosk');
  });

  it('lets the Electron kiosk read the Upload-Offset of an attachment upload', async () => {
    const state = await hub.app.inject({
      method: 'GET',
      url: API.submissionAttachment(submissionId, attachmentId),
      headers: { ...terminalHeaders, origin: 'app://kiosk' },
    });
    expect(state.statusCode).toBe(404);
    expect(state.headers['access-control-allow-origin']).toBe('app://kiosk');
    expect(state.headers['access-control-expose-headers']).toMatch(/Upload-Offset/i);
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

  it('refuses other origins: a 403 preflight and no allow-origin header', async () => {
    for (const url of [
      API.submissions,
      FLEET_API.heartbeat,
      API.submissionAttachment(submissionId, attachmentId),
    ]) {
      const response = await preflight(url, 'https://evil.example');
      expect(response.statusCode, url).toBe(403);
      expect(response.headers['access-control-allow-origin'], url).toBeUndefined();
    }
    const actual = await hub.app.inject({
      method: 'GET',
      url: API.health,
      headers: { origin: 'https://evil.example' },
    });
    expect(actual.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('never opens the clerk or provider API to other origins', async () => {
    const login = await hub.app.inject({
      method: 'OPTIONS',
      url: API.clerkLogin,
      headers: { origin: 'app://kiosk', 'access-control-request-method': 'POST' },
    });
    expect(login.headers['access-control-allow-origin']).toBeUndefined();
    expect(login.statusCode).toBe(404);
    const clerk = await hub.app.inject({
      method: 'GET',
      url: API.clerkSubmissions,
      headers: { origin: 'app://kiosk' },
    });
    expect(clerk.headers['access-control-allow-origin']).toBeUndefined();
    const provider = await hub.app.inject({
      method: 'GET',
      url: FLEET_API.terminals,
      headers: { origin: 'app://kiosk' },
    });
    expect(provider.headers['access-control-allow-origin']).toBeUndefined();
  });
});
