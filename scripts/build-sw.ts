/**
 * Generates the kiosk's service worker after `vite build`: it precaches the kiosk's app shell
 * (HTML, JS, CSS) so that a reload or a restart with the network cut still opens the kiosk in
 * Chromium mode. Hub API calls are never cached: content and the outbox live in IndexedDB.
 */
import { generateSW } from 'workbox-build';
import { resolve } from 'node:path';
import { KIOSK_PAGE_CACHE } from '../renderer/kiosk/session/app-shell.js';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, 'dist/renderer');

const { count, size, warnings } = await generateSW({
  globDirectory: outDir,
  globPatterns: ['kiosk/index.html', 'assets/**/*.{js,css,svg,png,woff2}'],
  globIgnores: ['**/*.map', 'assets/clerk-*', 'assets/kioskPreview-*'],
  modifyURLPrefix: { '': '/' },
  swDest: resolve(outDir, 'kiosk/sw.js'),
  // The page itself is fetched from the hub first, so its CSP (which the hub widens when a signed
  // config moves terminals to another hub, hub/fleet/hub-origins.ts) is the current one; offline,
  // the last page fetched, and before any, the precached copy.
  directoryIndex: null,
  runtimeCaching: [
    {
      urlPattern: ({ request, url }) => request.mode === 'navigate' && url.pathname.startsWith('/kiosk/'),
      handler: 'NetworkFirst',
      options: {
        cacheName: KIOSK_PAGE_CACHE,
        networkTimeoutSeconds: 4,
        expiration: { maxEntries: 2 },
        precacheFallback: { fallbackURL: '/kiosk/index.html' },
      },
    },
  ],
  // Vite's file names carry a content hash; the HTML does not and is revisioned by Workbox.
  dontCacheBustURLsMatching: /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.(js|css)$/,
  inlineWorkboxRuntime: true,
  skipWaiting: true,
  clientsClaim: true,
  cleanupOutdatedCaches: true,
  sourcemap: false,
  mode: 'production',
  maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
});

for (const warning of warnings) console.warn(`service worker: ${warning}`);
console.log(
  `service worker: precaches ${count} files, ${(size / 1024).toFixed(0)} KiB -> dist/renderer/kiosk/sw.js`,
);
