import type { LoadDemo } from '../hub/demo-switch.js';
import { demoProviderToken } from './demo-credentials.js';
import { loadDemoSeed } from './demo-seed.js';

/** The one module a hub started with --demo loads (hub/demo-switch.ts). */
export const loadDemo: LoadDemo = async (repoRoot, env) => ({
  seed: await loadDemoSeed(repoRoot, env),
  providerToken: demoProviderToken(env),
});
