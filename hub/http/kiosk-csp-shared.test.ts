import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProviderKey } from '../../kiosk-config/fleet/keys.js';
import { FLEET_API } from '../../protocol/fleet.js';
import { ensureProviderToken } from '../fleet/provider-auth.js';
import { buildHub } from '../server.js';
import { exampleFleet, signedRelease, testProviderKeys } from '../testing/fleet.js';
import { startTestHub, type TestHub } from '../testing/test-hub.js';

const PROVIDER = 'provider-token-for-csp-tests-0123456789';
const staticDir = mkdtempSync(join(tmpdir(), 'pop-hub-csp-shared-'));
mkdirSync(join(staticDir, 'kiosk'), { recursive: true });
writeFileSync(join(staticDir, 'kiosk/index.html'), '<!doctype html><title>page</title>');

let a: TestHub;
let b: FastifyInstance;
beforeAll(async () => {
  a = await startTestHub({ staticDir });
  b = buildHub({ db: a.db, staticDir, checkAnswers: true, providerKeys: testProviderKeys });
  await b.ready();
  await ensureProviderToken(a.db, PROVIDER, 'tests', new Date());
});
afterAll(async () => {
  await b.close();
  await a.close();
  rmSync(staticDir, { recursive: true, force: true });
});

describe('the kiosk page’s hub origins on a second hub instance', () => {
  it('widens at the instance that did not take the publish, too', async () => {
    const connectSrc = async () => {
      const response = await b.inject({ method: 'GET', url: '/kiosk/' });
      return /connect-src ([^;]*)/.exec(String(response.headers['content-security-policy']))?.[1]?.split(' ');
    };
    expect(await connectSrc()).toEqual(["'self'"]);
    const file = exampleFleet(1);
    file.terminals['t-00'] = { site: 'dorfladen', settings: { hubUrl: 'http://10.0.0.7:8080' } };
    const release = await signedRelease(file, await generateProviderKey('csp-shared'), 1);
    const publish = await a.app.inject({
      method: 'POST',
      url: FLEET_API.releases,
      headers: { authorization: `Bearer ${PROVIDER}` },
      payload: { release, rollout: { percent: 0, terminals: ['t-00'] } },
    });
    expect(publish.statusCode).toBe(201);
    expect(await connectSrc()).toContain('http://10.0.0.7:8080');
  });
});
