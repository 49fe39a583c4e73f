import type { KioskBridge } from '../../../protocol/bridge.js';
import { wipeCitizenData, type DraftStore, type KioskDatabase } from '../storage/index.js';
import { KIOSK_PAGE_CACHE } from './app-shell.js';
import { releaseAllMedia } from './media.js';

/**
 * Caches the kiosk itself needs: Workbox's precache of the app shell and the last kiosk page
 * fetched (scripts/build-sw.ts), which let the terminal start without network. Every other cache may hold something a citizen looked
 * at, and goes.
 */
export function isAppShellCache(name: string): boolean {
  return name.startsWith('workbox-precache') || name === KIOSK_PAGE_CACHE;
}

export interface CitizenWipeDeps {
  db: KioskDatabase;
  drafts: DraftStore;
  bridge: KioskBridge;
}

/**
 * Forgets the citizen who just left: camera and microphone, the draft and every citizen table,
 * web storage, caches other than the app shell, the selection and focus, and whatever the shell
 * holds (its partition, the clipboard, the call). React state goes with the remount in App.tsx.
 * Synced content and the outbox stay. Every step runs even if one fails; the failures are
 * reported together, so a broken step never hides the others.
 */
export async function wipeCitizen(deps: CitizenWipeDeps): Promise<void> {
  releaseAllMedia();
  document.getSelection()?.removeAllRanges();
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  const steps: Promise<unknown>[] = [
    deps.drafts.discard().then(() => wipeCitizenData(deps.db)),
    Promise.resolve().then(() => {
      localStorage.clear();
      sessionStorage.clear();
    }),
    deleteCitizenCaches(),
    deps.bridge.endCall(),
    deps.bridge.endCitizenSession(),
  ];
  const failures = (await Promise.allSettled(steps)).filter((r) => r.status === 'rejected');
  if (failures.length > 0) {
    throw new AggregateError(
      failures.map((f) => f.reason as unknown),
      `${failures.length} step(s) of the citizen wipe failed`,
    );
  }
}

/**
 * At start, after a power cut or a crash, no wipe may have run: web storage and caches of the
 * last citizen go. The draft stays: CitizenSession restores it only while it is fresh, for a
 * citizen still standing at the terminal, and discards it otherwise.
 */
export async function forgetLeftoversAtStart(): Promise<void> {
  localStorage.clear();
  sessionStorage.clear();
  await deleteCitizenCaches();
}

async function deleteCitizenCaches(): Promise<void> {
  // Cache Storage exists only on secure origins (and not on app:// in Electron, where the shell
  // clears it instead).
  if (typeof caches === 'undefined') return;
  const names = await caches.keys();
  await Promise.all(names.filter((name) => !isAppShellCache(name)).map((name) => caches.delete(name)));
}
