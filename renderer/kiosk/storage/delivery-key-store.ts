import { DeliveryKeys, type DeliveryKey } from '../../../protocol/routes/delivery.js';
import { readDeviceSetting, writeDeviceSetting } from './device-store.js';
import type { KioskDatabase } from './db.js';

const KEY = 'fit-connect-destination-keys';

/**
 * The FIT-Connect destination keys the hub passed on, kept for offline sealing. Untrusted as
 * stored: finalize checks each one (x5c chain and pin) before it seals anything to it.
 */
export async function saveDeliveryKeys(db: KioskDatabase, keys: readonly DeliveryKey[]): Promise<void> {
  await writeDeviceSetting(db, KEY, { keys });
}

/** The office's destination key, or undefined for an office that uses the hub's inbox. */
export async function deliveryKeyFor(db: KioskDatabase, officeId: string): Promise<DeliveryKey | undefined> {
  const parsed = DeliveryKeys.safeParse(await readDeviceSetting(db, KEY));
  return parsed.success ? parsed.data.keys.find((k) => k.officeId === officeId) : undefined;
}
