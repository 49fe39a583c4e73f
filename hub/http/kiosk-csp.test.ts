import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProviderKey } from '../../kiosk-config/fleet/keys.js';
import { FLEET_API } from '../../protocol/fleet.js';
import { ensureProviderToken } from '../fleet/provider-auth.js';
import { exampleFleet, signedRelease } from '../testing/fleet.js';
import { startTestHub, type TestHub } from '../testing/test-hub.js';
import { CONTENT_SECURITY_POLICY } from './security-headers.js';

const PROVIDER = 'provider-token-for-csp-tests-0123456789';
const staticDir = mkdtempSync(join(tmpdir(), 'pop-hub-csp-'));
for (const file of ['kiosk/index.html', 'clerk/index.html']) {
  mkdirSync(join(staticDir, file, '..'), { recursive: true });
  writeFileSync(join(staticDir, file), '<!doctype html><title>page</title>');
}

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ staticDir });
  await ensureProviderToken(hub.db, PROVIDER, 'tests', new Date());
});
afterAll(async () => {
  await hub.close();
  rmSync(staticDir, { recursive: true, force: true });
});

const connectSrc = async (url: string) => {
  const response = await hub.app.inject({ method: 'GET', url });
  expect(response.statusCode).toBe(200);
  const csp = String(response.headers['content-security-policy']);
  return /connect-src ([^;]*)/.exec(csp)?.[1]?.split(' ') ?? [];
};

describe('the kiosk page may connect to the hubs that published releases name, and nowhere else', () => {
  it('starts with itself only, and widens connect-src alone after a release that moves terminals', async () => {
    expect(await connectSrc('/kiosk/')).toEqual(["'self'"]);

    const file = exampleFleet(1);
    file.defaults.hubUrl = 'https://hub-neu.example.org:8443/pop';
    file.terminals['t-00'] = { site: 'dorfladen', settings: { hubUrl: 'http://10.0.0.7:8080' } };
    const release = await signedRelease(file, await generateProviderKey('csp-2026'), 1);
    const publish = await hub.app.inject({
      method: 'POST',
      url: FLEET_API.releases,
      headers: { authorization: `Bearer ${PROVIDER}` },
      payload: { release, rollout: { percent: 0, terminals: ['t-00'] } },
    });
    expect(publish.statusCode).toBe(201);

    expect(await connectSrc('/kiosk/')).toEqual([
      "'self'",
      'http://10.0.0.7:8080',
      'https://hub-neu.example.org:8443',
      'ws://10.0.0.7:8080',
      'wss://hub-neu.example.org:8443',
    ]);
    // Everything else about the policy stays as locked as before.
    const kiosk = await hub.app.inject({ method: 'GET', url: '/kiosk/' });
    const rest = (csp: string) => csp.split('; ').filter((d) => !d.startsWith('connect-src'));
    expect(rest(String(kiosk.headers['content-security-policy']))).toEqual(rest(CONTENT_SECURITY_POLICY));
    // The clerk console does not talk to terminals' hubs.
    expect(await connectSrc('/clerk/')).toEqual(["'self'"]);
  });

  it('is refused a publish that is not the provider’s, so nobody else can widen it', async () => {
    const release = await signedRelease(exampleFleet(0), await generateProviderKey('csp-2026'), 2);
    const publish = await hub.app.inject({
      method: 'POST',
      url: FLEET_API.releases,
      payload: { release, rollout: { percent: 100 } },
    });
    expect(publish.statusCode).toBe(401);
    expect(await connectSrc('/kiosk/')).not.toContain('http://127.0.0.1:8080');
  });
});
