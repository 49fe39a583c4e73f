import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KioskDatabase } from './db.js';
import { deliveryKeyFor, saveDeliveryKeys } from './delivery-key-store.js';
import { writeDeviceSetting } from './device-store.js';

const key = (officeId: string) => ({
  officeId,
  destinationId: '879ee109-a690-4db8-ab32-424284184d7d',
  kid: `enc-${officeId}`,
  jwk: { kty: 'RSA', kid: `enc-${officeId}`, n: 'n', e: 'AQAB' },
  fetchedAt: '2026-12-01T10:00:00.000Z',
});

let db: KioskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new KioskDatabase(`delivery-keys-${++counter}`);
  await db.open();
});
afterEach(() => db.delete());

describe('delivery key store', () => {
  it('keeps the hub’s list whole: an office left out of the next list uses the inbox again', async () => {
    await saveDeliveryKeys(db, [key('buergerbuero'), key('standesamt')]);
    expect((await deliveryKeyFor(db, 'standesamt'))?.kid).toBe('enc-standesamt');
    await saveDeliveryKeys(db, [key('buergerbuero')]);
    expect(await deliveryKeyFor(db, 'standesamt')).toBeUndefined();
    expect((await deliveryKeyFor(db, 'buergerbuero'))?.kid).toBe('enc-buergerbuero');
  });

  it('treats a damaged record as no key rather than guessing', async () => {
    await writeDeviceSetting(db, 'fit-connect-destination-keys', { keys: [{ officeId: 'buergerbuero' }] });
    expect(await deliveryKeyFor(db, 'buergerbuero')).toBeUndefined();
  });
});
