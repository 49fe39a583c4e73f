import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProviderKey, publicHalf, type ProviderKeyPair } from '../../kiosk-config/fleet/keys.js';
import { verifySignedConfig } from '../../kiosk-config/fleet/verify.js';
import { FLEET_API, FleetOverview, HeartbeatAnswer, type Heartbeat } from '../../protocol/fleet.js';
import { ensureProviderToken } from '../fleet/provider-auth.js';
import { bucketOf } from '../fleet/rollout.js';
import {
  exampleFleet,
  heartbeat,
  insertTerminals,
  signedRelease,
  terminalName,
  tokenOf,
} from '../testing/fleet.js';
import { loginCookie, startTestHub, type TestHub } from '../testing/test-hub.js';

const PROVIDER = 'provider-token-for-tests-0123456789';
const provider = { authorization: `Bearer ${PROVIDER}` };
const ids = Array.from({ length: 40 }, (_, i) => terminalName(i));
let hub: TestHub;
let key: ProviderKeyPair;
let clock = new Date('2026-11-21T10:00:00.000Z');

beforeAll(async () => {
  hub = await startTestHub({ now: () => clock });
  await ensureProviderToken(hub.db, PROVIDER, 'tests', clock);
  await insertTerminals(hub.db, ids);
  key = await generateProviderKey('provider-2026');
});
afterAll(() => hub.close());

async function beat(id: string, body: Heartbeat = heartbeat()) {
  const response = await hub.app.inject({
    method: 'POST',
    url: FLEET_API.heartbeat,
    headers: { authorization: `Bearer ${tokenOf(id)}` },
    payload: body,
  });
  expect(response.statusCode).toBe(200);
  return HeartbeatAnswer.parse(response.json());
}

async function reached(version: number): Promise<string[]> {
  const got: string[] = [];
  for (const id of ids) if ((await beat(id)).configVersion === version) got.push(id);
  return got;
}

describe('provider routes', () => {
  it('refuse requests without a provider token, with a wrong one, and with a clerk session', async () => {
    const cookie = await loginCookie(hub.app);
    for (const headers of [{}, { authorization: 'Bearer wrong-token-wrong-token-wrong' }, { cookie }]) {
      for (const url of [FLEET_API.releases, FLEET_API.terminals, FLEET_API.stats, FLEET_API.commands]) {
        const response = await hub.app.inject({ method: 'GET', url, headers });
        expect(response.statusCode, url).toBe(401);
      }
    }
    const publish = await hub.app.inject({ method: 'POST', url: FLEET_API.releases, payload: {} });
    expect(publish.statusCode).toBe(401);
  });

  it('log the console in with an httpOnly cookie', async () => {
    const bad = await hub.app.inject({
      method: 'POST',
      url: FLEET_API.providerLogin,
      payload: { token: 'nope' },
    });
    expect(bad.statusCode).toBe(401);
    const login = await hub.app.inject({
      method: 'POST',
      url: FLEET_API.providerLogin,
      payload: { token: PROVIDER },
    });
    expect(login.statusCode).toBe(204);
    const [cookie] = login.cookies;
    if (!cookie) throw new Error('no cookie');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/provider' });
    const list = await hub.app.inject({
      method: 'GET',
      url: FLEET_API.terminals,
      headers: { cookie: `${cookie.name}=${cookie.value}` },
    });
    expect(list.statusCode).toBe(200);
  });

  it('stage a rollout: named terminals first, then exactly the hashed percentage, then all', async () => {
    const release = await signedRelease(exampleFleet(ids.length), key, 1, clock);
    const publish = await hub.app.inject({
      method: 'POST',
      url: FLEET_API.releases,
      headers: provider,
      payload: { release, rollout: { terminals: ['t-07'] } },
    });
    expect(publish.statusCode).toBe(201);
    expect(await reached(1)).toEqual(['t-07']);

    const promote = await hub.app.inject({
      method: 'POST',
      url: FLEET_API.rollout(1),
      headers: provider,
      payload: { percent: 25, terminals: ['t-07'] },
    });
    expect(promote.statusCode).toBe(204);
    const quarter = await reached(1);
    const expected = ids.filter((id) => id === 't-07' || bucketOf(id) < 25);
    expect(quarter).toEqual(expected);
    expect(quarter.length).toBeGreaterThan(3);
    expect(quarter.length).toBeLessThan(20);

    await hub.app.inject({
      method: 'POST',
      url: FLEET_API.rollout(1),
      headers: provider,
      payload: { percent: 100 },
    });
    expect(await reached(1)).toEqual(ids);
  });

  it('hand each terminal only its own config, which verifies for it and for nobody else', async () => {
    const response = await hub.app.inject({
      method: 'GET',
      url: FLEET_API.terminalConfig,
      headers: { authorization: `Bearer ${tokenOf('t-03')}` },
    });
    expect(response.statusCode).toBe(200);
    const context = { keyring: [publicHalf(key)], now: clock, currentVersion: 0 };
    const own = await verifySignedConfig(response.body, { ...context, terminalId: 't-03' });
    expect(own.ok && own.payload.audience.terminal).toBe('t-03');
    const foreign = await verifySignedConfig(response.body, { ...context, terminalId: 't-04' });
    expect(foreign).toMatchObject({ ok: false, code: 'foreign' });
    const etag = response.headers['etag'] as string;
    const again = await hub.app.inject({
      method: 'GET',
      url: FLEET_API.terminalConfig,
      headers: { authorization: `Bearer ${tokenOf('t-03')}`, 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    const none = await hub.app.inject({ method: 'GET', url: FLEET_API.terminalConfig });
    expect(none.statusCode).toBe(401);
  });

  it('refuse a release that is not newer, or whose configs belong to other terminals', async () => {
    const old = await signedRelease(exampleFleet(2), key, 1, clock);
    const same = await hub.app.inject({
      method: 'POST',
      url: FLEET_API.releases,
      headers: provider,
      payload: { release: old, rollout: { percent: 100 } },
    });
    expect(same.statusCode).toBe(409);
    expect(same.json().message).toMatch(/downgrade/);
    const swapped = await signedRelease(exampleFleet(2), key, 2, clock);
    const other = swapped.configs['t-01'];
    if (other) swapped.configs['t-00'] = other;
    const mixed = await hub.app.inject({
      method: 'POST',
      url: FLEET_API.releases,
      headers: provider,
      payload: { release: swapped, rollout: { percent: 100 } },
    });
    expect(mixed.statusCode).toBe(422);
  });

  it('show heartbeat figures, sessions per day, and alert on silent terminals', async () => {
    await beat(
      't-01',
      heartbeat({
        configVersion: 1,
        outboxDepth: 3,
        quarantined: 1,
        sessions: 4,
        lastError: 'printer offline',
      }),
    );
    clock = new Date(clock.getTime() + 30_000);
    await beat('t-01', heartbeat({ configVersion: 1, sessions: 2 }));
    const overview = FleetOverview.parse(
      (await hub.app.inject({ method: 'GET', url: FLEET_API.terminals, headers: provider })).json(),
    );
    const t01 = overview.terminals.find((t) => t.id === 't-01');
    expect(t01).toMatchObject({
      state: 'online',
      configVersion: 1,
      assignedVersion: 1,
      outboxDepth: 0,
      lastError: null,
    });
    const stats = (await hub.app.inject({ method: 'GET', url: FLEET_API.stats, headers: provider })).json();
    expect(stats.sessionsPerDay.at(-1)).toBe(6);
    expect(
      stats.uptimePerTerminal.find((u: { terminalId: string }) => u.terminalId === 't-01').percent,
    ).toBeGreaterThan(0);

    clock = new Date(clock.getTime() + 10 * 60_000);
    const later = FleetOverview.parse(
      (await hub.app.inject({ method: 'GET', url: FLEET_API.terminals, headers: provider })).json(),
    );
    expect(later.terminals.find((t) => t.id === 't-01')?.state).toBe('silent');
    expect(later.alerts).toContainEqual(expect.objectContaining({ terminalId: 't-01', kind: 'silent' }));
    expect(later.terminals.find((t) => t.id === 'test-terminal')?.state).toBe('never_seen');
  });

  it('turn a terminal report of a reverted config into an alert', async () => {
    await beat(
      't-02',
      heartbeat({
        events: [
          {
            kind: 'config_reverted',
            version: 3,
            message: 'Hub unreachable. Reverted.',
            at: clock.toISOString(),
          },
        ],
      }),
    );
    const overview = FleetOverview.parse(
      (await hub.app.inject({ method: 'GET', url: FLEET_API.terminals, headers: provider })).json(),
    );
    expect(overview.alerts).toContainEqual(
      expect.objectContaining({ terminalId: 't-02', kind: 'config_reverted' }),
    );
  });
});
