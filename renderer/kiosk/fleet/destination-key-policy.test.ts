import { generateKeyPairSync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { jwkThumbprint } from '../../../kiosk-config/fleet/office-keys.js';
import type { DeliveryKey } from '../../../protocol/routes/delivery.js';
import { makeTestPki, type TestPki } from '../../../tests/support/fitconnect-standin/pki.js';
import { parseCertificate } from '../../shared/encryption/x5c.js';
import { judgeDestinationKey } from './destination-key-policy.js';

const KID = 'enc-destination-1';
let pki: TestPki;
let key: DeliveryKey;
let pins: Record<string, string[]>;
/** A day into the certificates' validity, whenever the test runs. */
let now: Date;

beforeAll(async () => {
  pki = makeTestPki(KID);
  const leaf = parseCertificate(Buffer.from(pki.x5c[0] ?? '', 'base64'));
  now = new Date(leaf.notBefore.getTime() + 86_400_000);
  key = {
    officeId: 'buergerbuero',
    destinationId: '879ee109-a690-4db8-ab32-424284184d7d',
    kid: KID,
    jwk: pki.jwk as unknown as DeliveryKey['jwk'],
    fetchedAt: now.toISOString(),
  };
  pins = { buergerbuero: [await jwkThumbprint(pki.jwk as { kty: string; n: string; e: string })] };
}, 60_000);

describe('judgeDestinationKey', () => {
  it('takes a key whose x5c chain leads to the configured root and whose thumbprint is pinned', async () => {
    const verdict = await judgeDestinationKey(key, [pki.rootDer], pins, now);
    expect(verdict.ok ? verdict.kid : verdict.message).toBe(KID);
  });

  it.each([
    ['no root configured', () => ({ roots: [] as string[] }), /no trusted root/],
    ['another root', () => ({ roots: [pki.strangerRootDer] }), /does not lead to a configured root/],
    ['the intermediate left out', () => ({ x5c: [pki.x5c[0] ?? ''] }), /does not lead to a configured root/],
    ['no chain at all', () => ({ x5c: [] as string[] }), /no x5c/],
    ['not pinned for the office', () => ({ pins: { buergerbuero: ['A'.repeat(43)] } }), /not pinned/],
    [
      'checked after the certificates expired',
      () => ({ now: new Date(now.getTime() + 400 * 86_400_000) }),
      /not valid at/,
    ],
    ['before they were issued', () => ({ now: new Date(now.getTime() - 2 * 86_400_000) }), /not valid at/],
  ])('refuses the key with %s', async (_name, change, reason) => {
    const c: { roots?: string[]; x5c?: string[]; pins?: Record<string, string[]>; now?: Date } = change();
    const k = c.x5c ? { ...key, jwk: { ...key.jwk, x5c: c.x5c } } : key;
    const verdict = await judgeDestinationKey(k, c.roots ?? [pki.rootDer], c.pins ?? pins, c.now ?? now);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.message).toMatch(reason);
  });

  it('refuses a swapped key under a genuine chain', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 4096 }).publicKey.export({ format: 'jwk' });
    const swapped = { ...key, jwk: { ...key.jwk, n: other.n ?? '' } };
    const pinnedSwap = { buergerbuero: [await jwkThumbprint({ kty: 'RSA', n: other.n ?? '', e: 'AQAB' })] };
    const verdict = await judgeDestinationKey(swapped, [pki.rootDer], pinnedSwap, now);
    expect(verdict).toMatchObject({ ok: false });
    if (!verdict.ok) expect(verdict.message).toMatch(/certifies another key/);
  });

  it('refuses a chain whose certificate was altered', async () => {
    const leaf = Buffer.from(pki.x5c[0] ?? '', 'base64');
    const at = leaf.length - 300; // inside the signed part, away from the length headers
    leaf[at] = (leaf[at] ?? 0) ^ 0x01;
    const tampered = { ...key, jwk: { ...key.jwk, x5c: [leaf.toString('base64'), pki.x5c[1] ?? ''] } };
    const verdict = await judgeDestinationKey(tampered, [pki.rootDer], pins, now);
    expect(verdict.ok).toBe(false);
  });
});
