import type { ClearStorageDataOptions } from 'electron';

/**
 * What ending a citizen's session wipes from the kiosk partition.
 *
 * Cookies, localStorage, Cache Storage and the shader cache go: they may hold traces of what the
 * citizen looked at or signed in to (the kiosk keeps nothing of its own in localStorage). IndexedDB
 * stays, deliberately: it holds the synced service catalogue and forms, the outbox of submissions
 * not yet acknowledged by the hub, and the terminal's own state. Wiping it would lose citizens'
 * submissions made while offline; the renderer, which owns that storage, deletes the citizen's
 * tables itself (renderer/kiosk/storage/citizen-data.ts). sessionStorage is beyond
 * clearStorageData's reach, so the preload clears it before asking for this wipe. The HTTP cache
 * and HTTP auth cache are cleared separately, see shell/citizen-session.ts.
 */
export const CITIZEN_STORAGES = [
  'cookies',
  'localstorage',
  'shadercache',
  'cachestorage',
] as const satisfies NonNullable<ClearStorageDataOptions['storages']>;
