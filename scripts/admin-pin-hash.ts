/**
 * `npm run kiosk:pin-hash`: reads an admin PIN (4 to 12 digits) from standard input and prints
 * the scrypt hash that goes into the kiosk config as shell.adminPinHash. The PIN itself is never
 * written anywhere.
 *
 *   printf '%s' 482913 | npm run --silent kiosk:pin-hash
 */
import { hashAdminPin } from '../electron/main/policy/admin-pin.js';

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const pin = Buffer.concat(chunks).toString('utf8').trim();
try {
  console.log(await hashAdminPin(pin));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
