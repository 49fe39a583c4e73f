import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateFleetFile, type FleetFile } from './fleet-file.js';
import { generateProviderKey, importSigningKey, publicHalf, type ProviderKeyPair } from './keys.js';
import { canonicalJson, toBase64Url } from '../../protocol/encoding.js';
import { utf8 } from './runtime.js';
import {
  CONFIG_FORMAT,
  signConfig,
  type ConfigPayload,
  type ProviderKey,
  type SignedConfig,
} from './signed.js';
import type { TerminalSettings } from '../terminal-settings.js';
import {
  considerConfig,
  initialFleetState,
  recordBoot,
  recordReachability,
  type FleetConfigState,
} from './config-state.js';

const NOW = new Date('2026-11-21T10:00:00.000Z');
const TERMINAL = 'demo-terminal-1';
const example = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fleet-example.json'), 'utf8'),
) as FleetFile;
const validated = validateFleetFile(example);
if (!validated.ok) throw new Error('the example fleet file is invalid');
const [firstTerminal] = validated.terminals;
if (!firstTerminal) throw new Error('the example fleet file has no terminal');
const goodSettings = firstTerminal.settings;

let key: ProviderKeyPair;
let otherKey: ProviderKeyPair;
let revokedKey: ProviderKeyPair;
let keyring: ProviderKey[];

beforeAll(async () => {
  key = await generateProviderKey('provider-2026');
  otherKey = await generateProviderKey('stranger');
  revokedKey = await generateProviderKey('provider-2025');
  keyring = [publicHalf(key), { ...publicHalf(revokedKey), revoked: true }];
});

function payload(version: number, overrides: Partial<ConfigPayload> = {}): ConfigPayload {
  return {
    format: CONFIG_FORMAT,
    issuer: 'kdn-demo',
    version,
    issuedAt: '2026-11-21T09:00:00.000Z',
    expiresAt: '2026-12-21T09:00:00.000Z',
    audience: { municipality: 'lindenau', site: 'dorfladen', terminal: TERMINAL },
    settings: goodSettings,
    ...overrides,
  };
}

/** Signs anything, valid or not, the way a provider with the right key would. */
async function signRaw(body: unknown, with_: ProviderKeyPair = key): Promise<string> {
  const text = typeof body === 'string' ? body : canonicalJson(body);
  const signature = await globalThis.crypto.subtle.sign(
    'Ed25519',
    (await importSigningKey(with_)) as CryptoKey,
    utf8(text) as BufferSource,
  );
  return JSON.stringify({
    payload: text,
    keyId: with_.keyId,
    signature: toBase64Url(new Uint8Array(signature)),
  });
}
const sign = async (p: ConfigPayload, with_: ProviderKeyPair = key) =>
  JSON.stringify(await signConfig(p, with_.keyId, await importSigningKey(with_)));
const withSettings = (patch: Record<string, unknown>) =>
  payload(3, { settings: { ...goodSettings, ...patch } as TerminalSettings });

/** A terminal that runs version 2 as its proven last good config. */
async function runningOnVersion2(): Promise<FleetConfigState> {
  const first = await considerConfig(initialFleetState(keyring), await sign(payload(2)), TERMINAL, NOW);
  if (first.event.kind !== 'config_applied') throw new Error(first.event.message);
  const later = new Date(NOW.getTime() + 301_000);
  return recordReachability(first.state, true, later).state;
}

type Case = [name: string, code: string, make: () => Promise<string> | string];
const BAD: Case[] = [
  ['empty text', 'not_json', () => ''],
  ['truncated file', 'not_json', async () => (await sign(payload(3))).slice(0, 200)],
  ['not JSON at all', 'not_json', () => 'version=3'],
  ['a JSON number', 'unsigned', () => '3'],
  ['null', 'unsigned', () => 'null'],
  ['unsigned payload only', 'unsigned', () => canonicalJson(payload(3))],
  [
    'envelope without signature',
    'unsigned',
    () => JSON.stringify({ payload: canonicalJson(payload(3)), keyId: 'provider-2026' }),
  ],
  [
    'envelope with a non-string payload',
    'unsigned',
    async () => {
      const signed = JSON.parse(await sign(payload(3))) as Record<string, unknown>;
      return JSON.stringify({ ...signed, payload: payload(3) });
    },
  ],
  [
    'huge file',
    'too_large',
    () => JSON.stringify({ payload: 'x'.repeat(300_000), keyId: 'provider-2026', signature: 'AA' }),
  ],
  [
    'signature of the wrong length',
    'bad_signature',
    async () => {
      const signed = JSON.parse(await sign(payload(3))) as SignedConfig;
      return JSON.stringify({ ...signed, signature: signed.signature.slice(0, 40) });
    },
  ],
  [
    'signature not base64url',
    'unsigned',
    async () => {
      const signed = JSON.parse(await sign(payload(3))) as SignedConfig;
      return JSON.stringify({ ...signed, signature: `${signed.signature.slice(2)}+/` });
    },
  ],
  [
    'tampered payload (idle timeout changed)',
    'bad_signature',
    async () => {
      const signed = JSON.parse(await sign(payload(3))) as SignedConfig;
      return JSON.stringify({
        ...signed,
        payload: signed.payload.replace('"idleTimeoutSeconds":120', '"idleTimeoutSeconds":999'),
      });
    },
  ],
  [
    'tampered payload (hub address changed)',
    'bad_signature',
    async () => {
      const signed = JSON.parse(await sign(payload(3))) as SignedConfig;
      return JSON.stringify({
        ...signed,
        payload: signed.payload.replace('127.0.0.1:8080', 'evil.example:80'),
      });
    },
  ],
  [
    'signature of another config',
    'bad_signature',
    async () => {
      const a = JSON.parse(await sign(payload(3))) as SignedConfig;
      const b = JSON.parse(await sign(payload(4))) as SignedConfig;
      return JSON.stringify({ ...a, signature: b['signature'] });
    },
  ],
  [
    'wrong key under the trusted key id',
    'bad_signature',
    async () => sign(payload(3), { ...otherKey, keyId: 'provider-2026' }),
  ],
  ['unknown key', 'unknown_key', async () => sign(payload(3), otherKey)],
  ['revoked key', 'revoked_key', async () => sign(payload(3), revokedKey)],
  [
    'expired',
    'expired',
    async () =>
      sign(payload(3, { issuedAt: '2026-10-01T00:00:00.000Z', expiresAt: '2026-11-01T00:00:00.000Z' })),
  ],
  [
    'issued in the future',
    'not_yet_valid',
    async () =>
      sign(payload(3, { issuedAt: '2026-11-23T00:00:00.000Z', expiresAt: '2026-12-30T00:00:00.000Z' })),
  ],
  ['downgrade to version 1', 'downgrade', async () => sign(payload(1))],
  ['same version again', 'downgrade', async () => sign(payload(2))],
  [
    'meant for another terminal',
    'foreign',
    async () =>
      sign(
        payload(3, { audience: { municipality: 'lindenau', site: 'dorfladen', terminal: 'other-terminal' } }),
      ),
  ],
  ['signed payload is not JSON', 'invalid_payload', () => signRaw('{"version": 3, ')],
  ['wrong format tag', 'invalid_payload', () => signRaw({ ...payload(3), format: 'pop-config/9' })],
  ['version as a string', 'invalid_payload', () => signRaw({ ...payload(3), version: '3' })],
  ['negative version', 'invalid_payload', () => signRaw({ ...payload(3), version: -3 })],
  [
    'expiry before issue',
    'invalid_payload',
    () => signRaw(payload(3, { expiresAt: '2026-11-20T00:00:00.000Z' })),
  ],
  ['settings missing', 'invalid_payload', () => signRaw({ ...payload(3), settings: undefined })],
  ['unknown setting', 'invalid_payload', () => signRaw(withSettings({ colour: 'red' }))],
  ['idle timeout as text', 'invalid_payload', () => signRaw(withSettings({ idleTimeoutSeconds: '120' }))],
  ['idle timeout of 3 seconds', 'invalid_payload', () => signRaw(withSettings({ idleTimeoutSeconds: 3 }))],
  [
    'warning longer than the timeout',
    'invalid_payload',
    () => signRaw(withSettings({ idleWarningSeconds: 100, idleTimeoutSeconds: 60 })),
  ],
  [
    'default language not offered',
    'invalid_payload',
    () => signRaw(withSettings({ locales: ['en'], defaultLocale: 'de' })),
  ],
  ['unsupported language', 'invalid_payload', () => signRaw(withSettings({ locales: ['de', 'xx'] }))],
  [
    'hub address with javascript:',
    'invalid_payload',
    () => signRaw(withSettings({ hubUrl: 'javascript:alert(1)' })),
  ],
  [
    'script tag in the site name',
    'invalid_payload',
    () => signRaw(withSettings({ siteName: 'Laden<script>alert(1)</script>' })),
  ],
  [
    'event handler in the attract title',
    'invalid_payload',
    () =>
      signRaw(
        withSettings({ attract: { ...goodSettings.attract, title: { de: '<img src=x onerror=alert(1)>' } } }),
      ),
  ],
  [
    'attract title without German',
    'invalid_payload',
    () => signRaw(withSettings({ attract: { ...goodSettings.attract, title: { en: 'Hello' } } })),
  ],
  [
    'wipe after session switched off',
    'invalid_payload',
    () => signRaw(withSettings({ wipe: { afterEverySession: false, fullWipeAt: null } })),
  ],
  [
    'video hours ending before they start',
    'invalid_payload',
    () =>
      signRaw(
        withSettings({
          video: { ...goodSettings.video, hours: [{ days: ['mon'], from: '17:00', to: '08:00' }] },
        }),
      ),
  ],
  [
    'restart time 25:00',
    'invalid_payload',
    () => signRaw(withSettings({ maintenance: { ...goodSettings.maintenance, restartAt: '25:00' } })),
  ],
  ['no office', 'invalid_payload', () => signRaw(withSettings({ offices: [] }))],
  [
    'bitrate far too high',
    'invalid_payload',
    () => signRaw(withSettings({ video: { ...goodSettings.video, maxBitrateKbps: 1_000_000 } })),
  ],
];

describe('a terminal refuses bad configurations and keeps its last good one', () => {
  it(`has at least 30 cases (${BAD.length})`, () => expect(BAD.length).toBeGreaterThanOrEqual(30));

  it.each(BAD)('refuses %s (%s)', async (_name, code, make) => {
    const before = await runningOnVersion2();
    const { state, event } = await considerConfig(before, await make(), TERMINAL, NOW);
    expect(event).toMatchObject({ kind: 'config_refused', code });
    if (event.kind === 'config_refused') expect(event.message.length).toBeGreaterThan(20);
    expect(state).toBe(before);
    expect(state.active?.payload.version).toBe(2);
    expect(state.lastGood?.payload.version).toBe(2);
  });

  it('names the path of a schema error in the reason', async () => {
    const { event } = await considerConfig(
      await runningOnVersion2(),
      await signRaw(withSettings({ idleTimeoutSeconds: '120' })),
      TERMINAL,
      NOW,
    );
    expect(event.message).toMatch(/settings\.idleTimeoutSeconds: Expected number/);
  });
});

describe('applying, proving and reverting', () => {
  it('applies a newer config on trial and keeps the previous one as fallback', async () => {
    const { state, event } = await considerConfig(
      await runningOnVersion2(),
      await sign(payload(3)),
      TERMINAL,
      NOW,
    );
    expect(event).toMatchObject({ kind: 'config_applied', version: 3 });
    expect(state.active?.payload.version).toBe(3);
    expect(state.lastGood?.payload.version).toBe(2);
    expect(state.trial?.version).toBe(3);
  });

  it('reverts when the hub stays unreachable longer than the config allows, and never retakes it', async () => {
    let { state } = await considerConfig(await runningOnVersion2(), await sign(payload(3)), TERMINAL, NOW);
    state = recordReachability(state, false, new Date(NOW.getTime() + 1_000)).state;
    const still = recordReachability(state, false, new Date(NOW.getTime() + 200_000));
    expect(still.event).toBeUndefined();
    const reverted = recordReachability(still.state, false, new Date(NOW.getTime() + 302_000));
    expect(reverted.event).toMatchObject({ kind: 'config_reverted', version: 3 });
    expect(reverted.event?.message).toMatch(/unreachable.*Reverted to version 2/);
    expect(reverted.state.active?.payload.version).toBe(2);
    const again = await considerConfig(reverted.state, await sign(payload(3)), TERMINAL, NOW);
    expect(again.event).toMatchObject({ kind: 'config_refused', code: 'downgrade' });
    const fixed = await considerConfig(reverted.state, await sign(payload(4)), TERMINAL, NOW);
    expect(fixed.event).toMatchObject({ kind: 'config_applied', version: 4 });
  });

  it('reverts after a crash loop, to the installation config when nothing proved good before', async () => {
    let { state } = await considerConfig(initialFleetState(keyring), await sign(payload(1)), TERMINAL, NOW);
    for (let i = 0; i < 3; i++) state = recordBoot(state, new Date(NOW.getTime() + i * 60_000)).state;
    expect(state.active?.payload.version).toBe(1);
    const fourth = recordBoot(state, new Date(NOW.getTime() + 4 * 60_000));
    expect(fourth.event).toMatchObject({ kind: 'config_reverted', version: 1 });
    expect(fourth.event?.message).toMatch(/installation config/);
    expect(fourth.state.active).toBeNull();
  });

  it('rotates keys through a signed trust list, and a revocation cannot be undone', async () => {
    const next = await generateProviderKey('provider-2027');
    const rotate = payload(3, {
      trust: { keys: [publicHalf(key), publicHalf(next), publicHalf(revokedKey)] },
    });
    const rotated = await considerConfig(await runningOnVersion2(), await sign(rotate), TERMINAL, NOW);
    expect(rotated.event.kind).toBe('config_applied');
    expect(rotated.state.keyring.find((k) => k.keyId === 'provider-2025')?.revoked).toBe(true);
    const byNext = await considerConfig(rotated.state, await sign(payload(4), next), TERMINAL, NOW);
    expect(byNext.event).toMatchObject({ kind: 'config_applied', version: 4 });
    const byRevoked = await considerConfig(byNext.state, await sign(payload(5), revokedKey), TERMINAL, NOW);
    expect(byRevoked.event).toMatchObject({ kind: 'config_refused', code: 'revoked_key' });
  });
});
