import type { ClearStorageDataOptions } from 'electron';

/**
 * What ending a citizen's session wipes from the kiosk partition.
 *
 * Cookies, Cache Storage and the shader cache go: they may hold traces of what the citizen looked
 * at or signed in to. IndexedDB and localStorage stay, deliberately: they hold the synced service
 * catalogue and forms, the outbox of submissions not yet acknowledged by the hub, and the
 * terminal's own state. Wiping them would lose citizens' submissions made while offline; the
 * renderer, which owns that storage, deletes the citizen's draft itself. sessionStorage is beyond
 * clearStorageData's reach, so the preload clears it before asking for this wipe. The HTTP cache
 * and HTTP auth cache are cleared separately, see shell/citizen-session.ts.
 */
export const CITIZEN_STORAGES = ['cookies', 'shadercache', 'cachestorage'] as const satisfies NonNullable<
  ClearStorageDataOptions['storages']
>;
