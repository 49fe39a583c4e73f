import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseKioskConfig } from '../kiosk-config/schema.js';
import type { SeedData } from '../hub/seed/seed.js';
import { demoContent } from './demo-content.js';
import { demoClerkPassword, DEMO_CLERK_DISPLAY_NAME, DEMO_CLERK_USERNAME } from './demo-credentials.js';

/** Lindenau is fictional, and so is its ARS (Saxony has no Kreis 999). */
export const DEMO_TENANT = { id: '149990000000', name: 'Gemeinde Lindenau' };

/** The demo terminal's installation config, as `npm start` hands it to the kiosk. */
export function demoKioskConfigPath(repoRoot: string): string {
  return join(repoRoot, 'demo', 'kiosk-config.json');
}

/** The demo municipality, the demo terminal of demo/kiosk-config.json and the demo clerk. */
export async function loadDemoSeed(
  repoRoot: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SeedData> {
  const file = demoKioskConfigPath(repoRoot);
  const parsed = parseKioskConfig(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.ok) throw new Error(`${file} is not a valid kiosk config: ${parsed.problems.join('; ')}`);
  if (!parsed.config.terminalToken) throw new Error(`${file} must give the demo terminal a terminalToken`);
  return {
    tenant: DEMO_TENANT,
    content: demoContent,
    terminal: {
      id: parsed.config.terminalId,
      name: parsed.config.siteName,
      token: parsed.config.terminalToken,
    },
    clerk: {
      username: DEMO_CLERK_USERNAME,
      displayName: DEMO_CLERK_DISPLAY_NAME,
      password: demoClerkPassword(env),
    },
  };
}
