import type { KioskDatabase } from './db.js';

/** Settings of the terminal itself (not of a citizen): kept across sessions. */
export async function readDeviceSetting(db: KioskDatabase, key: string): Promise<unknown> {
  return (await db.device.get(key))?.value;
}

export async function writeDeviceSetting(db: KioskDatabase, key: string, value: unknown): Promise<void> {
  await db.device.put({ key, value });
}
