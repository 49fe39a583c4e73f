import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = resolve(import.meta.dirname, 'renderer');

/**
 * simple-peer (video calls, renderer/shared/call/peer.ts) and its stream library were written
 * for Node and browserify: they use the free globals `process` and `global`, and require
 * `events` and `buffer`. Rather than defining those for the whole bundle, only the files of
 * these packages get them, from the browser packages `process`, `events` and `buffer`.
 */
const NODE_SHIMMED_PACKAGES = /[\\/]node_modules[\\/](simple-peer|readable-stream|randombytes)[\\/].*\.js$/;

export function nodeShimsForSimplePeer(): Plugin {
  return {
    name: 'pop:node-shims-for-simple-peer',
    enforce: 'pre',
    transform(code, id) {
      if (!NODE_SHIMMED_PACKAGES.test(id.split('?')[0] ?? '')) return null;
      const needsProcess = /\bprocess\b/.test(code);
      const needsGlobal = /\bglobal\b/.test(code);
      if (!needsProcess && !needsGlobal) return null;
      const shim =
        (needsProcess ? "var process = require('process/browser.js');" : '') +
        (needsGlobal ? 'var global = globalThis;' : '');
      // After a 'use strict' directive, which must stay first to keep the file strict.
      const directive = /^(\s*(?:\/\*[\s\S]*?\*\/\s*|\/\/[^\n]*\n\s*)*['"]use strict['"];?)/.exec(code);
      const at = directive ? directive[0].length : 0;
      return { code: `${code.slice(0, at)}\n${shim}${code.slice(at)}`, map: null };
    },
  };
}

/** Entries sharing UI parts: the citizen kiosk, the clerk console and the provider's fleet console. */
export default defineConfig({
  root,
  base: '/',
  plugins: [react(), nodeShimsForSimplePeer()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      input: {
        kiosk: resolve(root, 'kiosk/index.html'),
        kioskPreview: resolve(root, 'kiosk/preview.html'),
        clerk: resolve(root, 'clerk/index.html'),
        fleet: resolve(root, 'fleet/index.html'),
        admin: resolve(root, 'admin/index.html'),
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
