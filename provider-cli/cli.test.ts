import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetFile } from '../kiosk-config/fleet/fleet-file.js';
import { ProviderKey } from '../kiosk-config/fleet/signed.js';
import { verifySignedConfig } from '../kiosk-config/fleet/verify.js';
import { jwkThumbprint, type RsaPublicJwk } from '../kiosk-config/fleet/office-keys.js';
import { Release } from '../kiosk-config/fleet/release.js';
import { DEMO_KEY_DIR } from '../demo/demo-keys.js';
import { ATTACHMENT_DEFAULTS } from '../protocol/attachments.js';
import { FLEET_API, HeartbeatAnswer } from '../protocol/fleet.js';
import { ensureProviderToken } from '../hub/fleet/provider-auth.js';
import { providerKeysFromFile } from '../hub/fleet/provider-keys.js';
import { exampleFleet, heartbeat, insertTerminals, tokenOf } from '../hub/testing/fleet.js';
import { startTestHub, type TestHub } from '../hub/testing/test-hub.js';
import { runCli } from './cli.js';

const TOKEN = 'provider-token-for-cli-tests-0123456';
let dir: string;
let hub: TestHub;
let hubUrl: string;

/** The signing key's passphrase, as an operator's script would pass it. */
const PASSPHRASE = 'lange geheime Passphrase';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    { POP_HUB_URL: hubUrl, POP_PROVIDER_TOKEN: TOKEN, POP_PROVIDER_KEY_PASSPHRASE: PASSPHRASE },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pop-provider-'));
  // The hub checks releases against the key `keygen` writes below, as an operator pins it.
  hub = await startTestHub({ providerKeys: providerKeysFromFile(join(dir, 'kdn-2026.pub.json')) });
  await ensureProviderToken(hub.db, TOKEN, 'cli', new Date());
  await insertTerminals(hub.db, ['t-00', 't-01', 't-02']);
  hubUrl = await hub.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await hub.close();
  await rm(dir, { recursive: true, force: true });
});

async function assignedTo(id: string): Promise<number | null> {
  const response = await fetch(hubUrl + FLEET_API.heartbeat, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokenOf(id)}`, 'content-type': 'application/json' },
    body: JSON.stringify(heartbeat()),
  });
  return HeartbeatAnswer.parse(await response.json()).configVersion;
}

describe('pop-provider', () => {
  it('walks the README: keys, a site config, one terminal first, all, rollback', async () => {
    const keygen = await cli('keygen', '--id', 'kdn-2026', '--out', dir);
    expect(keygen.code).toBe(0);
    const keyPath = join(dir, 'kdn-2026.key.json');
    expect(ProviderKey.parse(JSON.parse(await readFile(join(dir, 'kdn-2026.pub.json'), 'utf8'))).keyId).toBe(
      'kdn-2026',
    );

    const fleet: FleetFile = exampleFleet(3);
    fleet.sites['bahnhof'] = {
      name: 'Bahnhof',
      municipality: 'lindenau',
      settings: { siteName: 'Bahnhof Lindenau' },
    };
    fleet.terminals['t-02'] = { site: 'bahnhof' };
    const v1Path = join(dir, 'fleet-v1.json');
    await writeFile(v1Path, JSON.stringify(fleet));
    expect((await cli('validate', v1Path)).out).toMatch(/valid: 4 terminals/);
    const shown = await cli('show', v1Path, '--terminal', 't-02');
    expect(shown.out).toMatch(/"siteName": "Bahnhof Lindenau"/);
    expect(shown.out).toMatch(/siteName\s+site:bahnhof/);

    expect(
      (await cli('sign', v1Path, '--key', keyPath, '--version', '1', '--out', join(dir, 'r1.json'))).code,
    ).toBe(0);
    expect((await cli('publish', join(dir, 'r1.json'), '--percent', '100')).code).toBe(0);
    expect(await assignedTo('t-01')).toBe(1);

    fleet.sites['bahnhof'].settings = { siteName: 'Bahnhof Lindenau', idleTimeoutSeconds: 60 };
    const v2Path = join(dir, 'fleet-v2.json');
    await writeFile(v2Path, JSON.stringify(fleet));
    expect((await cli('diff', v1Path, v2Path)).out).toBe('~ t-02: idleTimeoutSeconds: 120 -> 60');
    await cli('sign', v2Path, '--key', keyPath, '--version', '2', '--out', join(dir, 'r2.json'));
    expect((await cli('publish', join(dir, 'r2.json'), '--terminals', 't-02')).out).toMatch(/terminals t-02/);
    expect([await assignedTo('t-00'), await assignedTo('t-01'), await assignedTo('t-02')]).toEqual([1, 1, 2]);

    expect((await cli('promote', '2', '--percent', '100')).code).toBe(0);
    expect(await assignedTo('t-01')).toBe(2);
    expect((await cli('releases')).out).toMatch(/version 2 .* 100 % of the fleet/);

    const back = await cli('rollback', '--to', '1', '--key', keyPath);
    expect(back.out).toMatch(/version 1 are now version 3/);
    expect(await assignedTo('t-02')).toBe(3);
    const config = await fetch(hubUrl + FLEET_API.terminalConfig, {
      headers: { authorization: `Bearer ${tokenOf('t-02')}` },
    });
    const pub = ProviderKey.parse(JSON.parse(await readFile(join(dir, 'kdn-2026.pub.json'), 'utf8')));
    const verdict = await verifySignedConfig(await config.text(), {
      keyring: [pub],
      terminalId: 't-02',
      now: new Date(),
      currentVersion: 2,
    });
    expect(verdict.ok && verdict.payload.settings.idleTimeoutSeconds).toBe(120);
    expect((await cli('status')).out).toMatch(/t-02\s+online\s+0 \(3\)/);
  });

  it('prints each problem of a bad fleet file with its path and fails', async () => {
    const bad = join(dir, 'bad.json');
    const fleet = exampleFleet(0) as unknown as { defaults: Record<string, unknown> };
    fleet.defaults['idleTimeoutSeconds'] = -1;
    fleet.defaults['hubUrl'] = 'ftp://x';
    await writeFile(bad, JSON.stringify(fleet));
    const result = await cli('validate', bad);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/defaults\.hubUrl: Must be an http\(s\) URL\./);
    expect(result.out).toMatch(/defaults\.idleTimeoutSeconds: Too small/);
    expect(result.err).toMatch(/has 2 problems/);
  });

  it('validates a terminal that takes fewer files than the default, with a warning', async () => {
    const small = join(dir, 'small.json');
    const fleet = exampleFleet(2);
    fleet.terminals['t-01'] = {
      site: 'dorfladen',
      settings: { attachments: { ...ATTACHMENT_DEFAULTS, maxCount: 2 } },
    };
    await writeFile(small, JSON.stringify(fleet));
    const result = await cli('validate', small);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/valid: 3 terminals/);
    expect(result.out.split('\n').filter((line) => line.includes('warning:'))).toEqual([
      expect.stringMatching(/terminals\.t-01 \(merged\)\.attachments\.maxCount: Is 2, below the default 5/),
    ]);
  });

  it('pins office keys from their public JWK files into every signed config', async () => {
    expect((await cli('keygen', '--id', 'kdn-pins', '--out', dir)).code).toBe(0);
    const fleetPath = join(dir, 'fleet-pins.json');
    await writeFile(fleetPath, JSON.stringify(exampleFleet(1)));
    const keyFile = (office: string, kind = 'public') => join(DEMO_KEY_DIR, `${office}.${kind}.jwk.json`);
    const printed = await cli('thumbprint', keyFile('ordnungsamt'));
    expect(printed.code).toBe(0);
    const ordnungsamt = JSON.parse(await readFile(keyFile('ordnungsamt'), 'utf8')) as RsaPublicJwk;
    expect(printed.out).toBe(await jwkThumbprint(ordnungsamt));

    const out = join(dir, 'r-pins.json');
    const signed = await cli(
      'sign',
      fleetPath,
      '--key',
      join(dir, 'kdn-pins.key.json'),
      '--version',
      '50',
      '--out',
      out,
      '--office-key',
      `ordnungsamt=${keyFile('ordnungsamt')}`,
      '--office-key',
      `ordnungsamt=${keyFile('steueramt')}`,
      '--office-key',
      `buergerbuero=${keyFile('buergerbuero')}`,
    );
    expect(signed.code, signed.err).toBe(0);
    const release = Release.parse(JSON.parse(await readFile(out, 'utf8')));
    const pub = ProviderKey.parse(JSON.parse(await readFile(join(dir, 'kdn-pins.pub.json'), 'utf8')));
    const verdict = await verifySignedConfig(JSON.stringify(release.configs['t-00']), {
      keyring: [pub],
      terminalId: 't-00',
      now: new Date(),
      currentVersion: 0,
    });
    const steueramt = JSON.parse(await readFile(keyFile('steueramt'), 'utf8')) as RsaPublicJwk;
    const buergerbuero = JSON.parse(await readFile(keyFile('buergerbuero'), 'utf8')) as RsaPublicJwk;
    expect(verdict.ok && verdict.payload.officeKeys).toEqual({
      ordnungsamt: [await jwkThumbprint(ordnungsamt), await jwkThumbprint(steueramt)],
      buergerbuero: [await jwkThumbprint(buergerbuero)],
    });

    const privateKey = await cli('thumbprint', keyFile('ordnungsamt', 'private'));
    expect(privateKey.code).toBe(1);
    expect(privateKey.err).toMatch(/is a private key/);
    const weakPath = join(dir, 'weak.public.jwk.json');
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await writeFile(
      weakPath,
      JSON.stringify({ ...publicKey.export({ format: 'jwk' }), alg: 'RSA-OAEP-256' }),
    );
    expect((await cli('thumbprint', weakPath)).err).toMatch(/2048 bits; at least 4096/);
    const keyArgs = ['--key', join(dir, 'kdn-pins.key.json'), '--version', '51', '--out', out];
    expect((await cli('sign', fleetPath, ...keyArgs, '--office-key', 'x')).err).toMatch(
      /--office-key must look like/,
    );
  });

  it('explains usage mistakes and hub refusals', async () => {
    expect((await cli('publish', join(dir, 'r1.json'))).err).toMatch(/needs --percent <n> or --terminals/);
    const again = await cli('publish', join(dir, 'r1.json'), '--percent', '10');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/not newer than the published version 3/);
    expect((await cli('frobnicate')).code).toBe(2);
  });
});
