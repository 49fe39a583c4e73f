import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OfficeKey } from '../protocol/catalog.js';
import { findRepoRoot } from '../hub/repo-root.js';

/** The demo offices' key files (see demo-keys/README.md: demo only, the private keys are public). */
export const DEMO_KEY_DIR = join(findRepoRoot(), 'demo/demo-keys');

export function demoPrivateKeyPath(officeId: string): string {
  return join(DEMO_KEY_DIR, `${officeId}.private.jwk.json`);
}

/** The public key of a demo office, as the office data carries it. */
export function demoOfficeKeys(officeId: string): OfficeKey[] {
  const jwk = JSON.parse(readFileSync(join(DEMO_KEY_DIR, `${officeId}.public.jwk.json`), 'utf8')) as {
    kid: string;
  };
  return [OfficeKey.parse({ kid: jwk.kid, status: 'current', jwk })];
}
