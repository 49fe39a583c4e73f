/** The service worker's cache of the kiosk page itself (scripts/build-sw.ts): part of the app shell. */
export const KIOSK_PAGE_CACHE = 'kiosk-app-shell-page';
