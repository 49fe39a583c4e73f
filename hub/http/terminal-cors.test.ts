import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api.js';
import { FLEET_API } from '../../protocol/fleet.js';
import { startTestHub, type TestHub } from '../testing/test-hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ kioskOrigins: ['app://kiosk', 'http://old-hub.example:8080'] });
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

describe('CORS for terminals whose page comes from another origin (Electron, a moved Chromium kiosk)', () => {
  it('answers every terminal route, the fleet ones included, for an allowed origin', async () => {
    for (const url of [
      API.contentChanges,
      FLEET_API.heartbeat,
      FLEET_API.terminalConfig,
      FLEET_API.terminalToken,
      FLEET_API.enroll,
      FLEET_API.commandResult('c-1'),
      API.trackingStatus('ABCD-EFGH-JKLM'),
    ]) {
      for (const origin of ['app://kiosk', 'http://old-hub.example:8080']) {
        const response = await preflight(url, origin);
        expect(response.statusCode, `${url} from ${origin}`).toBe(204);
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

  it('refuses other origins, and never opens the clerk or provider API', async () => {
    expect((await preflight(FLEET_API.heartbeat, 'https://evil.example')).statusCode).toBe(403);
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
