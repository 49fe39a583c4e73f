import { fileURLToPath } from 'node:url';
import type { SeedData } from './seed/seed.js';

/** What the demo gives a hub started with --demo. */
export interface DemoSetup {
  /** Fills an empty database: the demo municipality, its terminal and its clerk. */
  seed: SeedData;
  providerToken: string;
}
export type LoadDemo = (repoRoot: string, env: NodeJS.ProcessEnv) => Promise<DemoSetup>;

/**
 * The demo lives in demo/, apart from the product. It is loaded by URL, at runtime and only
 * behind the demo switch, so a hub without --demo never loads a line of it (and the hub's
 * build does not depend on it).
 */
export const DEMO_ENTRY = new URL('../demo/hub-entry.js', import.meta.url);

export async function loadDemoEntry(entry: URL = DEMO_ENTRY): Promise<LoadDemo> {
  let module: { loadDemo?: unknown };
  try {
    module = (await import(entry.href)) as { loadDemo?: unknown };
  } catch (error) {
    throw new Error(`--demo needs the demo build at ${fileURLToPath(entry)} (run npm run build)`, {
      cause: error,
    });
  }
  if (typeof module.loadDemo !== 'function')
    throw new Error(`${fileURLToPath(entry)} does not export loadDemo`);
  return module.loadDemo as LoadDemo;
}
