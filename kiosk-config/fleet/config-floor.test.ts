import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateFleetFile, type FleetFile } from './fleet-file.js';
import { generateProviderKey, importSigningKey, publicHalf, type ProviderKeyPair } from './keys.js';
import { CONFIG_FORMAT, signConfig, type ConfigPayload } from './signed.js';
import { canonicalJson } from '../../protocol/encoding.js';
import {
  afterRefusal,
  considerConfig,
  initialFleetState,
  wantsAssignment,
  type FleetConfigState,
} from './config-state.js';

const NOW = new Date('2026-11-21T10:00:00.000Z');
const TERMINAL = 'demo-terminal-1';
const example = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fleet-example.json'), 'utf8'),
) as FleetFile;
const validated = validateFleetFile(example);
if (!validated.ok) throw new Error('the example fleet file is invalid');
const settings = validated.terminals[0]?.settings;
if (!settings) throw new Error('the example fleet file has no terminal');

let key: ProviderKeyPair;
beforeAll(async () => {
  key = await generateProviderKey('provider-2026');
});

const payload = (version: number, overrides: Partial<ConfigPayload> = {}): ConfigPayload => ({
  format: CONFIG_FORMAT,
  issuer: 'kdn-demo',
  version,
  issuedAt: '2026-11-21T09:00:00.000Z',
  expiresAt: '2026-12-21T09:00:00.000Z',
  audience: { municipality: 'lindenau', site: 'dorfladen', terminal: TERMINAL },
  settings,
  ...overrides,
});
const sign = async (p: ConfigPayload) =>
  JSON.stringify(await signConfig(p, key.keyId, await importSigningKey(key)));

/** What the attack sent: no signature worth the name, and an absurd version in plain text. */
const poison = () =>
  JSON.stringify({
    payload: canonicalJson({ ...payload(900_000_000_000_000), settings: {} }),
    keyId: key.keyId,
    signature: 'A'.repeat(86),
  });

/** One heartbeat round as the agent runs it: fetch if wanted, judge, store. */
async function round(state: FleetConfigState, assigned: number, raw: string): Promise<FleetConfigState> {
  if (!wantsAssignment(state, assigned)) return state;
  const outcome = await considerConfig(state, raw, TERMINAL, NOW);
  if (outcome.event.kind === 'config_refused') return afterRefusal(state, outcome.event, assigned);
  return outcome.state;
}

describe('the version floor rises only from verified signatures', () => {
  it('does not move for an unsigned blob claiming version 900000000000000; the next genuine release is taken', async () => {
    let state = await round(initialFleetState([publicHalf(key)]), 1, await sign(payload(1)));
    expect(state.floorVersion).toBe(1);

    const refused = await considerConfig(state, poison(), TERMINAL, NOW);
    expect(refused.event).toMatchObject({ kind: 'config_refused', code: 'bad_signature', version: null });
    state = await round(state, 2, poison());
    expect(state.floorVersion).toBe(1);
    // The same assignment is not fetched again every heartbeat...
    expect(wantsAssignment(state, 2)).toBe(false);
    // ...and the state survives a reload as stored (IndexedDB keeps plain data).
    state = structuredClone(state);

    state = await round(state, 3, await sign(payload(3)));
    expect(state.active?.payload.version).toBe(3);
    expect(state.floorVersion).toBe(3);
  });

  it('ignores a version smuggled into a payload signed with a wrong key, or without a key at all', async () => {
    const stranger = await generateProviderKey('provider-2026');
    const forged = JSON.stringify(
      await signConfig(payload(900_000_000_000_000), key.keyId, await importSigningKey(stranger)),
    );
    let state = initialFleetState([publicHalf(key)]);
    for (const raw of [forged, canonicalJson(payload(900_000_000_000_000)), '{"version": 900000000000000}'])
      state = await round(state, 7, raw).then((s) => ({ ...s, refusedAssignment: null }));
    expect(state.floorVersion).toBe(0);
    expect((await round(state, 8, await sign(payload(8)))).active?.payload.version).toBe(8);
  });

  it('rises to a version the provider did sign, though refused (expired), so it is not fetched again', async () => {
    const expired = payload(5, {
      issuedAt: '2026-10-01T00:00:00.000Z',
      expiresAt: '2026-11-01T00:00:00.000Z',
    });
    const state = await round(initialFleetState([publicHalf(key)]), 5, await sign(expired));
    expect(state.floorVersion).toBe(5);
    expect(state.active).toBeNull();
    expect(wantsAssignment(state, 5)).toBe(false);
    expect(wantsAssignment(state, 6)).toBe(true);
  });
});
