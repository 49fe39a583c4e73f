import { afterEach, describe, expect, it } from 'vitest';
import { parseOidcConfig } from '../auth/oidc/config.js';
import { startTestHub, type TestHub } from '../testing/test-hub.js';

// Nothing listens on port 9 of this machine: the provider is unreachable.
const unreachable = parseOidcConfig(
  JSON.stringify({
    issuer: 'http://127.0.0.1:9/realms/rathaus',
    clientId: 'pop-hub',
    clientSecretFile: 'secret',
    redirectUri: 'http://127.0.0.1:8080/api/v1/clerk/oidc/callback',
    offices: { 'grp-buergerbuero': ['buergerbuero'] },
  }),
  () => 'secret',
);

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

describe('clerk sign-in through an OpenID provider, at the hub', () => {
  it('without settings: local accounts only, and the provider routes say so', async () => {
    hub = await startTestHub();
    const options = await hub.app.inject({ method: 'GET', url: '/api/v1/clerk/login-options' });
    expect(options.json()).toEqual({ oidc: null });
    const start = await hub.app.inject({ method: 'GET', url: '/api/v1/clerk/oidc/start' });
    expect(start.statusCode).toBe(404);
    expect(start.json()).toMatchObject({ error: 'not_configured' });
  });

  it('an unreachable provider is a 503 with a sentence, and no sign-in is stored', async () => {
    hub = await startTestHub({ oidc: unreachable });
    expect((await hub.app.inject({ method: 'GET', url: '/api/v1/clerk/login-options' })).json()).toEqual({
      oidc: { label: 'Mit dem Konto der Gemeinde anmelden' },
    });
    const start = await hub.app.inject({ method: 'GET', url: '/api/v1/clerk/oidc/start' });
    expect(start.statusCode).toBe(503);
    expect(start.json()).toMatchObject({ error: 'provider_unreachable' });
    expect(await hub.db.selectFrom('oidc_logins').selectAll().execute()).toEqual([]);
  });

  it('a callback with an unknown state or an error goes back to the console without a session', async () => {
    hub = await startTestHub({ oidc: unreachable });
    for (const query of ['code=abc&state=never-started', 'error=access_denied', '']) {
      const answer = await hub.app.inject({ method: 'GET', url: `/api/v1/clerk/oidc/callback?${query}` });
      expect(answer.statusCode).toBe(302);
      expect(answer.headers['location']).toBe('/clerk/?signin=expired');
      expect(answer.headers['set-cookie']).not.toEqual(expect.stringContaining('pop_clerk_session='));
    }
  });

  it('counts starts against the address before any provider is asked', async () => {
    hub = await startTestHub({ oidc: unreachable, loginLimits: { perAddress: 2 } });
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await hub.app.inject({ method: 'GET', url: '/api/v1/clerk/oidc/start' })).statusCode);
    expect(statuses).toEqual([503, 503, 429]);
  });
});
