import { describe, expect, it } from 'vitest';
import type { Heartbeat } from '../fleet.js';
import { ApiClient, HttpError } from './client.js';
import { contract } from './index.js';

const heartbeat = (): Heartbeat => ({
  appVersion: '0.1.0',
  configVersion: 0,
  lastSyncAt: null,
  outboxDepth: 0,
  quarantined: 0,
  storageBytes: 1000,
  uptimeSeconds: 60,
  lastError: null,
  sessions: 0,
  heartbeatSeconds: 30,
});

/** A hub that knows one good token; every request is recorded with the token it carried. */
function fakeHub(good: () => string) {
  const seen: string[] = [];
  const fetchImpl = (_url: string | URL | Request, init?: RequestInit) => {
    const auth = new Headers(init?.headers).get('authorization') ?? '';
    seen.push(auth.replace(/^Bearer /, ''));
    const ok = auth === `Bearer ${good()}`;
    return Promise.resolve(
      ok
        ? Response.json({ configVersion: null, commands: [] })
        : Response.json(
            { error: 'unauthenticated', message: 'The terminal token is unknown.' },
            { status: 401 },
          ),
    );
  };
  return { seen, fetch: fetchImpl as typeof fetch };
}

describe('ApiClient on a refused terminal token', () => {
  it('renews the token at once and sends the request again with the new one', async () => {
    let token = 'old';
    const hub = fakeHub(() => 'new');
    const renewed: string[] = [];
    const api = new ApiClient({
      token: () => token,
      fetch: hub.fetch,
      renewToken: (refused) => {
        renewed.push(refused);
        token = 'new';
        return Promise.resolve(true);
      },
    });
    const answer = await api.json(contract.fleetTerminal.heartbeat, { body: heartbeat() });
    expect(answer).toEqual({ configVersion: null, commands: [] });
    expect(renewed).toEqual(['old']);
    expect(hub.seen).toEqual(['old', 'new']);
  });

  it('gives up after one renewal, and reports the 401 when no new token comes', async () => {
    const hub = fakeHub(() => 'never');
    let renewals = 0;
    const api = new ApiClient({
      token: () => `t${renewals}`,
      fetch: hub.fetch,
      renewToken: () => Promise.resolve(++renewals < 5),
    });
    await expect(api.json(contract.fleetTerminal.heartbeat, { body: heartbeat() })).rejects.toBeInstanceOf(
      HttpError,
    );
    expect(hub.seen).toEqual(['t0', 't1']);
    const without = new ApiClient({
      token: () => 'x',
      fetch: hub.fetch,
      renewToken: () => Promise.resolve(false),
    });
    await expect(without.json(contract.fleetTerminal.heartbeat, { body: heartbeat() })).rejects.toMatchObject(
      {
        status: 401,
      },
    );
  });
});
