import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { Keyring, ProviderKey } from '../../kiosk-config/fleet/signed.js';
import { openSignedConfig } from '../../kiosk-config/fleet/verify.js';
import type { Release } from '../../kiosk-config/fleet/release.js';
import { HttpError } from '../http/errors.js';

/**
 * The provider keys the hub checks releases against: the public halves the operator gave it
 * (`--provider-keys`), never keys sent over the API, so a provider token alone cannot publish.
 */
export type ProviderKeySource = () => Promise<readonly ProviderKey[]>;

export const PROVIDER_KEYS_ENV = 'POP_PROVIDER_KEYS';

/** A key file as `pop-provider keygen` writes it (*.pub.json), or a list of them. */
const KeyFile = z.union([ProviderKey.transform((key) => [key]), Keyring]);

export async function readProviderKeys(path: string): Promise<ProviderKey[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`The provider key file ${path} cannot be read as JSON: ${String(error)}`, {
      cause: error,
    });
  }
  const parsed = KeyFile.safeParse(json);
  if (!parsed.success)
    throw new Error(
      `The provider key file ${path} holds neither a public key ({ keyId, publicKey }) nor a list of them.`,
    );
  return parsed.data;
}

/** Read at every publish, so the operator can add a rotated key without a restart. */
export const providerKeysFromFile =
  (path: string | undefined): ProviderKeySource =>
  () =>
    path === undefined ? Promise.resolve([]) : readProviderKeys(path);

/**
 * Refuses a release unless every config in it verifies against the hub's provider keys and is
 * the release's version for the terminal it is filed under. Nothing is stored before this passes.
 */
export async function verifyRelease(release: Release, keys: ProviderKeySource): Promise<void> {
  let keyring: readonly ProviderKey[];
  try {
    keyring = await keys();
  } catch (error) {
    throw new HttpError(503, {
      error: 'provider_keys_unavailable',
      message: error instanceof Error ? error.message : String(error),
    });
  }
  if (keyring.length === 0)
    throw new HttpError(422, {
      error: 'release_not_verified',
      message: `This hub knows no provider keys, so it publishes no release: start it with --provider-keys <file> (${PROVIDER_KEYS_ENV}) naming the provider's public key.`,
    });
  for (const [terminalId, signed] of Object.entries(release.configs)) {
    const opened = await openSignedConfig(JSON.stringify(signed), keyring);
    if (!opened.ok)
      throw new HttpError(422, {
        error: 'release_not_verified',
        message: `The config for "${terminalId}" does not verify against the provider keys this hub knows: ${opened.reason}`,
      });
    if (opened.payload.version !== release.version || opened.payload.audience.terminal !== terminalId)
      throw new HttpError(422, {
        error: 'release_mismatch',
        message: `The config for "${terminalId}" is not version ${release.version} for that terminal.`,
      });
  }
}
