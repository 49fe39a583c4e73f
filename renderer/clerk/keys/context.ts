import { createContext, useContext } from 'react';
import type { Keyring } from './keyring.js';

/** The tab's keyring, created once at start-up (main.tsx) and handed down. */
export const KeyringContext = createContext<Keyring | null>(null);

export function useKeyring(): Keyring {
  const keyring = useContext(KeyringContext);
  if (!keyring) throw new Error('KeyringContext is missing: wrap the console in <KeyringContext value={…}>');
  return keyring;
}
