import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jwkThumbprint } from '../../../kiosk-config/fleet/office-keys.js';
import type { Office, OfficeKey } from '../../../protocol/catalog.js';
import { judgeOfficeKey, trustedSealingKey } from './office-key-policy.js';

const readJwk = (office: string) =>
  JSON.parse(
    readFileSync(resolve(import.meta.dirname, `../../../demo/demo-keys/${office}.public.jwk.json`), 'utf8'),
  ) as OfficeKey['jwk'] & { kid: string };
const genuine = readJwk('ordnungsamt');
const attacker = readJwk('steueramt');
const key = (jwk: OfficeKey['jwk'], status: OfficeKey['status'] = 'current'): OfficeKey => ({
  kid: genuine.kid,
  status,
  jwk: { ...jwk, kid: genuine.kid },
});
const office = (...keys: OfficeKey[]) => ({ id: 'ordnungsamt', encryptionKeys: keys }) as unknown as Office;

describe('which office key a terminal seals to', () => {
  it('takes the current key when its thumbprint is pinned for the office', async () => {
    const pins = { ordnungsamt: ['x'.repeat(43), await jwkThumbprint(genuine)] };
    const verdict = await trustedSealingKey(office(key(genuine)), pins);
    expect(verdict).toEqual({ ok: true, key: key(genuine) });
  });

  it('refuses a swapped key with the same kid, naming office, kid and thumbprint', async () => {
    const pins = { ordnungsamt: [await jwkThumbprint(genuine)] };
    const verdict = await trustedSealingKey(office(key(attacker), key(genuine, 'retired')), pins);
    expect(verdict).toMatchObject({
      ok: false,
      code: 'not_pinned',
      officeId: 'ordnungsamt',
      kid: genuine.kid,
    });
    expect(!verdict.ok && verdict.message).toContain(await jwkThumbprint(attacker));
    expect(!verdict.ok && verdict.message).toContain('not among the 1 pinned');
  });

  it('refuses every key of an office the pins do not name, and every key without any pins', () => {
    const other = { buergerbuero: ['x'.repeat(43)] };
    expect(judgeOfficeKey('ordnungsamt', key(genuine), 't', other)).toMatchObject({
      ok: false,
      code: 'not_pinned',
    });
    expect(judgeOfficeKey('ordnungsamt', key(genuine), 't', undefined)).toMatchObject({
      ok: false,
      code: 'not_pinned',
      message: expect.stringContaining('pins no key of this office') as string,
    });
  });

  it('refuses a weak key even when it is pinned', async () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const weak = { ...publicKey.export({ format: 'jwk' }), alg: 'RSA-OAEP-256' } as OfficeKey['jwk'];
    const pins = { ordnungsamt: [await jwkThumbprint(weak)] };
    const verdict = await trustedSealingKey(office(key(weak)), pins);
    expect(verdict).toMatchObject({ ok: false, code: 'weak_key' });
    expect(!verdict.ok && verdict.message).toContain('2048 bits');
    expect(judgeOfficeKey('ordnungsamt', key({ ...genuine, e: 'Aw' }), 't', pins)).toMatchObject({
      code: 'weak_key',
    });
    expect(judgeOfficeKey('ordnungsamt', key({ ...genuine, use: 'sig' }), 't', pins)).toMatchObject({
      code: 'weak_key',
    });
  });

  it('refuses an office without a current key', () => {
    expect(judgeOfficeKey('ordnungsamt', undefined, null, {})).toMatchObject({
      ok: false,
      code: 'no_current_key',
      kid: null,
    });
  });
});
