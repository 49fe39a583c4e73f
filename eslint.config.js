// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { rendererApps } from './scripts/lint-rules/renderer-apps.js';

/**
 * Layering, enforced rather than remembered:
 * - protocol/ and kiosk-config/ are shared by every runtime: no app code, no node:*, no electron;
 * - renderer/ runs in a sandboxed page: no electron, no node:*, no hub or shell code;
 * - renderer/kiosk, renderer/clerk and renderer/fleet are three pages: they share only renderer/shared;
 * - hub/ never imports renderer or electron code; electron/ never imports hub or renderer code;
 * - demo/ is the demo municipality: no product code imports it (a hub loads it only behind
 *   --demo, by URL at runtime: hub/demo-switch.ts); tests, benchmarks and scripts may.
 */
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url'];
const layer = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', '.tsbuild/', 'test-results/', 'playwright-report/', '.data/'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['protocol/**/*.ts', 'kiosk-config/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: layer(
      [
        ...nodeBuiltins,
        'electron',
        '**/hub/**',
        '**/renderer/**',
        '**/electron/**',
        '**/demo/**',
        'react',
        'dexie',
      ],
      'protocol/ and kiosk-config/ are shared by all runtimes: they import no app code, no demo and no runtime APIs.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layer(
        [...nodeBuiltins, 'electron', '**/hub/**', '**/electron/**', '**/demo/**', 'dexie', 'simple-peer'],
        'The renderer runs in a sandboxed page: it reaches the shell only through renderer/shared/bridge, IndexedDB only through renderer/kiosk/storage, and WebRTC only through renderer/shared/call/peer.ts; it gets its content from the hub, never from demo/.',
      ),
    },
  },
  {
    // Tests included: a page's test that needs another page's code says the code belongs in shared/.
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { layers: { rules: { 'renderer-apps': rendererApps } } },
    rules: { 'layers/renderer-apps': 'error' },
  },
  {
    // The storage module is the one owner of the kiosk's database.
    files: ['renderer/kiosk/storage/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: layer(
      [...nodeBuiltins, 'electron', '**/hub/**', '**/electron/**', '**/demo/**'],
      'The renderer runs in a sandboxed page: it reaches the shell only through renderer/shared/bridge.',
    ),
  },
  {
    files: ['provider-cli/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: layer(
      ['electron', '**/hub/**', '**/renderer/**', '**/electron/**', '**/demo/**'],
      'The provider CLI talks to the hub over HTTP only; it shares protocol/ and kiosk-config/.',
    ),
  },
  {
    // The one file that knows the WebRTC library, so it can be swapped here alone.
    files: ['renderer/shared/call/peer.ts'],
    rules: layer(
      [...nodeBuiltins, 'electron', '**/hub/**', '**/electron/**', '**/demo/**', 'dexie'],
      'The renderer runs in a sandboxed page: it reaches the shell only through renderer/shared/bridge.',
    ),
  },
  {
    files: ['hub/**/*.ts'],
    // Tests play the terminal, so they may use the terminal's encryption code.
    ignores: ['**/*.test.ts', 'hub/testing/**'],
    rules: layer(
      ['electron', '**/renderer/**', '**/electron/**', '**/demo/**'],
      'The hub is a server: no shell or page code, and no demo code (hub/demo-switch.ts loads the demo by URL, only behind --demo).',
    ),
  },
  {
    // A dynamic import() of demo code is an import too (no-restricted-imports sees only static ones).
    files: ['{hub,renderer,protocol,kiosk-config,electron,provider-cli}/**/*.{ts,tsx,cts}'],
    ignores: ['**/*.test.{ts,tsx}', 'hub/testing/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression[source.value=/(^|\\/)demo\\//]',
          message: 'Product code does not import demo/; hub/demo-switch.ts loads it by URL behind --demo.',
        },
      ],
    },
  },
  {
    files: ['demo/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: layer(
      ['electron', '**/renderer/**', '**/electron/**'],
      'The demo is data and seeding for the hub: no shell or page code.',
    ),
  },
  {
    files: ['electron/**/*.{ts,cts}'],
    rules: layer(
      ['**/hub/**', '**/renderer/**', '**/demo/**'],
      'The shell loads the renderer as a page; it never imports its code, nor the demo.',
    ),
  },
);
