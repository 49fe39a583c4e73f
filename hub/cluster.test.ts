import { webcrypto } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProviderKey, publicHalf, type ProviderKeyPair } from '../kiosk-config/fleet/keys.js';
import { API } from '../protocol/api.js';
import { FLEET_API, HeartbeatAnswer, tokenChallenge } from '../protocol/fleet.js';
import { freePort, startBalancer, type Balancer } from '../tests/support/balancer.js';
import { migrateToLatest } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { ensureProviderToken } from './fleet/provider-auth.js';
import { seedIfEmpty } from './seed/seed.js';
import { exitCodeOf, post, startTraffic, withRetries } from './testing/cluster-traffic.js';
import { exampleFleet, heartbeat, signedRelease, terminalName } from './testing/fleet.js';
import { listeningUrl, postgresSchema, spawnHub, type HubChild } from './testing/hub-cli.js';
import { submissionBody, TEST_CLERK, terminalHeaders, testSeed } from './testing/test-hub.js';

/**
 * Three hub processes on one PostgreSQL behind Debian's nginx: any instance serves any request,
 * and every instance can be restarted in turn while terminals keep working. Small counts here;
 * POP_CLUSTER_SOAK=1 runs the rolling restart with more traffic.
 */
const pgUrl = process.env['POP_TEST_POSTGRES_URL'];
if (!pgUrl) console.log('Cluster tests skipped: set POP_TEST_POSTGRES_URL=postgres://... to run them.');
const SOAK = process.env['POP_CLUSTER_SOAK'] === '1';
const PROVIDER_TOKEN = 'provider-token-for-cluster-tests-0123456789';
const provider = { authorization: `Bearer ${PROVIDER_TOKEN}`, 'content-type': 'application/json' };

interface Instance {
  port: number;
  url: string;
  child: HubChild;
  dataDir: string;
}

const root = mkdtempSync(join(tmpdir(), 'pop-hub-cluster-'));
let schema: { url: string; drop(): Promise<void> };
let keyFile: string;
let providerKey: ProviderKeyPair;
const instances: Instance[] = [];
let balancer: Balancer;
/** The enrolled terminal of the second test, heartbeating through the rolling restart. */
const cluster: { auth?: Record<string, string> } = {};

async function startInstance(port: number, dataDir: string): Promise<Instance> {
  // --demo: the test fixture's content is sealed to the demo office keys, which only a demo hub holds.
  const child = spawnHub(
    ['--demo', '--no-migrate', '--port', String(port), '--database-url', schema.url, '--data-dir', dataDir],
    { POP_DRAIN_SECONDS: '1', POP_PROVIDER_KEYS: keyFile },
  );
  return { port, url: await listeningUrl(child), child, dataDir };
}

describe.skipIf(!pgUrl)('three hub instances on one PostgreSQL behind nginx', () => {
  beforeAll(async () => {
    schema = await postgresSchema(pgUrl ?? '');
    const { db } = openDatabase({ dataDir: root, databaseUrl: schema.url });
    await migrateToLatest(db);
    await seedIfEmpty(db, testSeed);
    await ensureProviderToken(db, PROVIDER_TOKEN, 'tests', new Date());
    await db.destroy();
    providerKey = await generateProviderKey('cluster');
    keyFile = join(root, 'provider-keys.pub.json');
    writeFileSync(keyFile, JSON.stringify([publicHalf(providerKey)]));
    const ports = [await freePort(), await freePort(), await freePort()];
    instances.push(
      ...(await Promise.all(ports.map((port, i) => startInstance(port, join(root, `instance-${i}`))))),
    );
    balancer = await startBalancer(
      instances.map((i) => i.url),
      join(root, 'nginx'),
    );
  }, 120_000);

  afterAll(async () => {
    await balancer?.stop();
    for (const instance of instances) if (instance.child.exitCode === null) instance.child.kill('SIGKILL');
    await schema?.drop();
    rmSync(root, { recursive: true, force: true });
  });

  it('takes a submission through the balancer once; the clerk reads it at every instance', async () => {
    const body = submissionBody();
    const first = await withRetries(() => post(balancer.url, API.submissions, body, terminalHeaders));
    const again = await withRetries(() => post(balancer.url, API.submissions, body, terminalHeaders));
    expect([first.status, again.status].sort()).toEqual(
      [200, 201].filter((s) => [first.status, again.status].includes(s)).sort(),
    );
    expect(await again.json()).toEqual(await first.json());
    const login = await post(
      balancer.url,
      API.clerkLogin,
      { username: TEST_CLERK.username, password: TEST_CLERK.password },
      {},
    );
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    for (const instance of instances) {
      const read = await fetch(`${instance.url}${API.clerkSubmission(body.id)}`, { headers: { cookie } });
      expect(read.status, instance.url).toBe(200);
    }
  });

  it('enrolls a terminal at one instance; the others accept its token, commands and releases', async () => {
    const [a, b, c] = instances as [Instance, Instance, Instance];
    const terminalId = terminalName(0);
    const pair = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
      'verify',
    ]);
    const jwk = await webcrypto.subtle.exportKey('jwk', pair.publicKey);
    const code = await post(
      a.url,
      FLEET_API.enrollmentCodes,
      { terminalId, name: 'Dorfladen', ttlMinutes: 10 },
      provider,
    );
    expect(code.status).toBe(201);
    const enrolled = await post(
      a.url,
      FLEET_API.enroll,
      {
        code: ((await code.json()) as { code: string }).code,
        publicKey: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y },
      },
      {},
    );
    expect(enrolled.status).toBe(201);
    const signedAt = new Date().toISOString();
    const signature = await webcrypto.subtle.sign(
      { name: 'ECDSA', hash: 'SHA-256' },
      pair.privateKey,
      Buffer.from(tokenChallenge(terminalId, signedAt)),
    );
    const issued = await post(
      a.url,
      FLEET_API.terminalToken,
      { terminalId, signedAt, signature: Buffer.from(signature).toString('base64url') },
      {},
    );
    expect(issued.status).toBe(200);
    const auth = { authorization: `Bearer ${((await issued.json()) as { token: string }).token}` };
    const beat = async (instance: Instance) => {
      const response = await post(instance.url, FLEET_API.heartbeat, heartbeat(), auth);
      expect(response.status, instance.url).toBe(200);
      return HeartbeatAnswer.parse(await response.json());
    };
    expect((await beat(b)).commands).toEqual([]);
    expect((await beat(c)).configVersion).toBeNull();

    const queued = await post(a.url, FLEET_API.terminalCommands(terminalId), { kind: 'reload' }, provider);
    expect(queued.status).toBe(201);
    expect((await beat(b)).commands.map((command) => command.kind)).toEqual(['reload']);
    expect((await beat(c)).commands).toEqual([]);

    const release = await signedRelease(exampleFleet(1), providerKey, 1);
    const published = await post(
      a.url,
      FLEET_API.releases,
      { release, rollout: { terminals: [terminalId] } },
      provider,
    );
    expect(published.status).toBe(201);
    expect((await beat(b)).configVersion).toBe(1);
    expect((await fetch(`${b.url}${FLEET_API.terminalConfig}`, { headers: auth })).status).toBe(200);
    cluster.auth = auth;
  });

  it('keeps terminals working through a rolling restart of every instance, each exiting 0', async () => {
    const auth = cluster.auth ?? terminalHeaders;
    const traffic = startTraffic(balancer.url, auth, SOAK ? 8 : 2);
    const exitCodes: (number | null)[] = [];
    for (const [index, instance] of instances.entries()) {
      const exited = exitCodeOf(instance.child);
      instance.child.kill('SIGTERM');
      exitCodes.push(await exited);
      instances[index] = await startInstance(instance.port, instance.dataDir);
    }
    const { sent, failed } = await traffic.stop();
    expect(exitCodes).toEqual([0, 0, 0]);
    expect(failed).toBe(0);
    expect(sent.length).toBeGreaterThan(0);
    const { db } = openDatabase({ dataDir: root, databaseUrl: schema.url });
    try {
      const rows = await db.selectFrom('submissions').select('id').where('id', 'in', sent).execute();
      expect(rows.length).toBe(new Set(sent).size);
    } finally {
      await db.destroy();
    }
  }, 180_000);
});
