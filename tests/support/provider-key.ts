import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publicHalf, type ProviderKeyPair } from '../../kiosk-config/fleet/keys.js';

/**
 * The provider key of end-to-end tests, fixed so that every hub the tests start can be given its
 * public half (--provider-keys) before any release exists. A test key, worthless elsewhere.
 */
export const E2E_PROVIDER_KEY: ProviderKeyPair = {
  keyId: 'e2e-provider',
  publicKey: 'uAAzOoWKml0mZyPhMPYUpDyS9VtH8zDr5LjuGISsn88',
  privateKey: 'MC4CAQAwBQYDK2VwBCIEINW6iqW4eU1IQNX9y_0In7ZkTDnsqzRBeGUNtsBETKXd',
};

/** Writes the public key file a hub reads at every publish; returns its path. */
export function writeProviderKeyFile(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'provider-keys.pub.json');
  writeFileSync(path, JSON.stringify([publicHalf(E2E_PROVIDER_KEY)]));
  return path;
}
