import type { ConfigPayload, ProviderKey } from './signed.js';

/**
 * The rules of a terminal's provider keyring, one copy for the kiosk page and the Electron
 * shell, so both trust exactly the same keys: the installation's pinned keys, replaced only by
 * the trust list of a verified config, and a key once revoked stays revoked.
 */

/**
 * The keyring after a verified config: its trust list, if any, replaces the pinned one, except
 * that a key once revoked stays revoked (a stolen key cannot sign its own rehabilitation).
 */
export function nextKeyring(pinned: readonly ProviderKey[], payload: ConfigPayload): ProviderKey[] {
  const offered = payload.trust?.keys;
  if (!offered) return [...pinned];
  const revoked = new Set(pinned.filter((k) => k.revoked).map((k) => k.keyId));
  const next = offered.map((k) => (revoked.has(k.keyId) ? { ...k, revoked: true } : k));
  for (const old of pinned) if (old.revoked && !next.some((k) => k.keyId === old.keyId)) next.push(old);
  return next;
}

/** A key pinned by a new installation config joins a stored keyring; a revoked key stays revoked. */
export function withPinnedKeys(
  stored: readonly ProviderKey[],
  pinned: readonly ProviderKey[],
): ProviderKey[] {
  const known = new Set(stored.map((k) => k.keyId));
  const added = pinned.filter((k) => !known.has(k.keyId));
  return added.length === 0 ? [...stored] : [...stored, ...added];
}
