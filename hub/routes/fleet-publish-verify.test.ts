import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProviderKey, publicHalf, type ProviderKeyPair } from '../../kiosk-config/fleet/keys.js';
import type { Release } from '../../kiosk-config/fleet/release.js';
import type { ProviderKey } from '../../kiosk-config/fleet/signed.js';
import { canonicalJson } from '../../protocol/encoding.js';
import { FLEET_API } from '../../protocol/fleet.js';
import { ensureProviderToken } from '../fleet/provider-auth.js';
import { exampleFleet, insertTerminals, signedRelease } from '../testing/fleet.js';
import { startTestHub, type TestHub } from '../testing/test-hub.js';

const PROVIDER = 'provider-token-for-tests-0123456789';
const POISON_VERSION = 900_000_000_000_000;
let hub: TestHub;
let key: ProviderKeyPair;
let pinned: ProviderKey[] = [];

beforeAll(async () => {
  key = await generateProviderKey('provider-2026');
  pinned = [publicHalf(key)];
  hub = await startTestHub({ providerKeys: () => Promise.resolve(pinned) });
  await ensureProviderToken(hub.db, PROVIDER, 'tests', new Date());
  await insertTerminals(hub.db, ['t-00', 't-01']);
});
afterAll(() => hub.close());

const publish = (release: unknown) =>
  hub.app.inject({
    method: 'POST',
    url: FLEET_API.releases,
    headers: { authorization: `Bearer ${PROVIDER}` },
    payload: { release, rollout: { percent: 100 } },
  });

async function nothingStored(): Promise<void> {
  expect(await hub.db.selectFrom('config_releases').selectAll().execute()).toEqual([]);
  expect(await hub.db.selectFrom('config_documents').selectAll().execute()).toEqual([]);
}

/** The blob of the attack: a provider token, a huge version, and no signature worth the name. */
const poison = (): Release => ({
  format: 'pop-release/1',
  issuer: 'kdn-demo',
  version: POISON_VERSION,
  createdAt: '2026-11-21T10:00:00.000Z',
  configs: {
    't-00': {
      payload: canonicalJson({
        format: 'pop-config/1',
        version: POISON_VERSION,
        audience: { terminal: 't-00' },
      }),
      keyId: 'provider-2026',
      signature: 'A'.repeat(86),
    },
  },
});

describe('publishing checks every signature against the provider keys the hub was given', () => {
  it('refuses the unsigned poison blob with a clear 422 and stores nothing', async () => {
    const response = await publish(poison());
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ error: 'release_not_verified' });
    expect(response.json().message).toMatch(/"t-00" does not verify .*signature/);
    await nothingStored();
  });

  it('refuses a config changed after signing, one signed by a stranger under a known key id, and a revoked key', async () => {
    const tampered = await signedRelease(exampleFleet(2), key, 1);
    const config = tampered.configs['t-01'];
    if (!config) throw new Error('no config for t-01');
    config.payload = config.payload.replace('"idleTimeoutSeconds":', '"idleTimeoutSeconds":1');
    expect((await publish(tampered)).json().message).toMatch(/"t-01" .*changed after signing/);

    const stranger = await generateProviderKey('provider-2026');
    const forged = await publish(await signedRelease(exampleFleet(2), stranger, 1));
    expect(forged.statusCode).toBe(422);

    pinned = [{ ...publicHalf(key), revoked: true }];
    const revoked = await publish(await signedRelease(exampleFleet(2), key, 1));
    expect(revoked.json().message).toMatch(/revoked/);
    pinned = [publicHalf(key)];
    await nothingStored();
  });

  it('tells the operator when it knows no provider key at all', async () => {
    pinned = [];
    const response = await publish(await signedRelease(exampleFleet(2), key, 1));
    expect(response.statusCode).toBe(422);
    expect(response.json().message).toMatch(/knows no provider keys.*--provider-keys/);
    pinned = [publicHalf(key)];
    await nothingStored();
  });

  it('still publishes the genuine release afterwards, as version 1', async () => {
    const response = await publish(await signedRelease(exampleFleet(2), key, 1));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ version: 1, terminalCount: 3 });
  });
});
