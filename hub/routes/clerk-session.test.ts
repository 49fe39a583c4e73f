import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, CLERK_SESSION_COOKIE } from '../../protocol/api.js';
import { ClerkProfile } from '../../protocol/clerk.js';
import { CLERK_SESSION_SECONDS } from '../auth/clerk-sessions.js';
import { loginCookie, startTestHub, TEST_CLERK, type TestHub } from '../testing/test-hub.js';

let hub: TestHub;
let clock = new Date('2026-11-02T08:00:00.000Z');
beforeAll(async () => {
  hub = await startTestHub({ now: () => clock });
});
afterAll(() => hub.close());

const me = (cookie?: string) =>
  hub.app.inject({ method: 'GET', url: API.clerkMe, headers: cookie ? { cookie } : {} });

describe('POST /api/v1/clerk/login', () => {
  it('is 401 with one and the same answer for a wrong password and an unknown user', async () => {
    const expected = { error: 'invalid_credentials', message: 'Username or password is wrong.' };
    for (const payload of [
      { username: TEST_CLERK.username, password: 'wrong' },
      { username: 'nobody', password: TEST_CLERK.password },
    ]) {
      const response = await hub.app.inject({ method: 'POST', url: API.clerkLogin, payload });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual(expected);
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('answers the profile and sets an HttpOnly, SameSite=Strict cookie for the clerk API only', async () => {
    const response = await hub.app.inject({
      method: 'POST',
      url: API.clerkLogin,
      payload: { username: TEST_CLERK.username, password: TEST_CLERK.password },
    });
    expect(response.statusCode).toBe(200);
    expect(ClerkProfile.parse(response.json())).toEqual({
      username: TEST_CLERK.username,
      displayName: TEST_CLERK.displayName,
      officeIds: ['buergerbuero', 'standesamt'],
    });
    const cookie = response.cookies.find((c) => c.name === CLERK_SESSION_COOKIE);
    expect(cookie).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/api/v1/clerk',
      maxAge: CLERK_SESSION_SECONDS,
    });
    expect(cookie?.value).toMatch(/^[\w-]{43}$/);
    // Plain http here: a Secure cookie would never come back.
    expect(cookie?.secure).toBeUndefined();
    // Only a hash of the token is stored.
    const stored = await hub.db.selectFrom('clerk_sessions').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(cookie?.value);
  });

  it('marks the cookie Secure when a trusted proxy says the request came over https', async () => {
    const proxied = await startTestHub({ trustProxy: '127.0.0.1' });
    try {
      const response = await proxied.app.inject({
        method: 'POST',
        url: API.clerkLogin,
        headers: { 'x-forwarded-proto': 'https' },
        remoteAddress: '127.0.0.1',
        payload: { username: TEST_CLERK.username, password: TEST_CLERK.password },
      });
      expect(response.cookies.find((c) => c.name === CLERK_SESSION_COOKIE)?.secure).toBe(true);
      // The same header from an untrusted client changes nothing.
      const spoofed = await hub.app.inject({
        method: 'POST',
        url: API.clerkLogin,
        headers: { 'x-forwarded-proto': 'https' },
        payload: { username: TEST_CLERK.username, password: TEST_CLERK.password },
      });
      expect(spoofed.cookies.find((c) => c.name === CLERK_SESSION_COOKIE)?.secure).toBeUndefined();
    } finally {
      await proxied.close();
    }
  });

  it('is 400 invalid_request for a body without a password', async () => {
    const response = await hub.app.inject({
      method: 'POST',
      url: API.clerkLogin,
      payload: { username: 'clerk' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'invalid_request', issues: [{ path: 'password' }] });
  });

  it('is 415 for a form post, so another site cannot submit a login form', async () => {
    const response = await hub.app.inject({
      method: 'POST',
      url: API.clerkLogin,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'username=clerk&password=x',
    });
    expect(response.statusCode).toBe(415);
    const plain = await hub.app.inject({
      method: 'POST',
      url: API.clerkLogout,
      headers: { 'content-type': 'text/plain' },
      payload: '{}',
    });
    expect(plain.statusCode).toBe(415);
  });
});

describe('GET /api/v1/clerk/me and logout', () => {
  it('knows the clerk with the cookie, 401 without it', async () => {
    const cookie = await loginCookie(hub.app);
    const response = await me(cookie);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ username: TEST_CLERK.username });
    expect(response.headers['cache-control']).toBe('no-store');

    const anonymous = await me();
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ error: 'unauthenticated' });
    expect((await me(`${CLERK_SESSION_COOKIE}=forged`)).statusCode).toBe(401);
  });

  it('logout ends the session and clears the cookie; logging out again is harmless', async () => {
    const cookie = await loginCookie(hub.app);
    const logout = () =>
      hub.app.inject({
        method: 'POST',
        url: API.clerkLogout,
        headers: { cookie, 'content-type': 'application/json' },
      });
    const response = await logout();
    expect(response.statusCode).toBe(204);
    const cleared = response.cookies.find((c) => c.name === CLERK_SESSION_COOKIE);
    expect(cleared?.value).toBe('');
    expect((await me(cookie)).statusCode).toBe(401);
    expect((await logout()).statusCode).toBe(204);
  });

  it('expires a session after eight hours', async () => {
    const cookie = await loginCookie(hub.app);
    clock = new Date(clock.getTime() + CLERK_SESSION_SECONDS * 1000 - 1000);
    expect((await me(cookie)).statusCode).toBe(200);
    clock = new Date(clock.getTime() + 2000);
    expect((await me(cookie)).statusCode).toBe(401);
  });
});
