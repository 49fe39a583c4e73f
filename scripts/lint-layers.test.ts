import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: resolve(import.meta.dirname, '..') });

async function restrictedImports(filePath: string, source: string): Promise<number> {
  const [result] = await eslint.lintText(source, { filePath });
  const layerRules = ['no-restricted-imports', 'no-restricted-syntax'];
  return (result?.messages ?? []).filter((m) => layerRules.includes(m.ruleId ?? '')).length;
}

/** How often the rule that keeps the three renderer pages apart reports `source` in `filePath`. */
async function crossPageImports(filePath: string, source: string): Promise<number> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/renderer-apps').length;
}

/** The layering rule must actually bite: each forbidden import below is reported. */
describe('lint keeps the layers apart', () => {
  it.each([
    ['renderer/kiosk/x.ts', "import { app } from 'electron';"],
    ['renderer/kiosk/x.ts', "import { readFileSync } from 'node:fs';"],
    ['renderer/kiosk/x.ts', "import Dexie from 'dexie';"],
    ['renderer/kiosk/call/x.ts', "import SimplePeer from 'simple-peer';"],
    ['renderer/clerk/x.ts', "import { buildHub } from '../../hub/server.js';"],
    ['protocol/x.ts', "import { createHash } from 'node:crypto';"],
    ['protocol/x.ts', "import { KioskApp } from '../renderer/kiosk/App.js';"],
    ['protocol/x.ts', "import { buildHub } from '../hub/server.js';"],
    ['hub/x.ts', "import { getBridge } from '../renderer/shared/bridge.js';"],
    ['electron/main/x.ts', "import { buildHub } from '../../hub/server.js';"],
    // The demo stays out of the product: no product layer imports demo/.
    ['hub/x.ts', "import { demoContent } from '../demo/demo-content.js';"],
    ['hub/seed/x.ts', "import { loadDemo } from '../../demo/hub-entry.js';"],
    ['hub/x.ts', "const demo = await import('../demo/hub-entry.js');"],
    ['renderer/kiosk/x.ts', "import { demoContent } from '../../demo/demo-content.js';"],
    ['protocol/x.ts', "import { demoContent } from '../demo/demo-content.js';"],
    ['kiosk-config/x.ts', "import demo from '../demo/kiosk-config.json';"],
    ['electron/main/x.ts', "import { DEMO_KEY_DIR } from '../../demo/demo-keys.js';"],
    ['provider-cli/x.ts', "import { DEMO_PROVIDER_TOKEN } from '../demo/demo-credentials.js';"],
    ['demo/x.ts', "import { KioskApp } from '../renderer/kiosk/App.js';"],
  ])('%s may not %s', async (file, source) => {
    expect(await restrictedImports(file, source)).toBe(1);
  });

  it.each([
    ['renderer/kiosk/storage/x.ts', "import Dexie from 'dexie';"],
    ['renderer/shared/call/peer.ts', "import SimplePeer from 'simple-peer';"],
    ['renderer/kiosk/x.ts', "import { localize } from '../../protocol/i18n.js';"],
    ['hub/x.ts', "import { readFileSync } from 'node:fs';"],
    // Tests and the demo itself may use demo material; the hub reaches it only by URL at runtime.
    ['hub/testing/x.ts', "import { demoOfficeKeys } from '../../demo/demo-keys.js';"],
    ['renderer/kiosk/x.test.ts', "import { demoContent } from '../../demo/demo-content.js';"],
    ['hub/x.ts', "const entry = new URL('../demo/hub-entry.js', import.meta.url);"],
    ['demo/x.ts', "import { seedIfEmpty } from '../hub/seed/seed.js';"],
  ])('%s may %s', async (file, source) => {
    expect(await restrictedImports(file, source)).toBe(0);
  });
});

describe('lint keeps the renderer pages apart', () => {
  it.each([
    ['renderer/kiosk/x.ts', "import { ClerkApp } from '../clerk/App.js';"],
    ['renderer/kiosk/session/x.tsx', "import { FleetConsole } from '../../fleet/FleetConsole.js';"],
    ['renderer/kiosk/x.test.tsx', "import { clerkTexts } from '../clerk/texts.js';"],
    ['renderer/clerk/components/x.tsx', "import { TEXTS } from '../../kiosk/i18n/texts.js';"],
    ['renderer/clerk/x.ts', "export { FleetApi } from '../fleet/api.js';"],
    ['renderer/fleet/x.ts', "import { KioskApp } from '../kiosk/App.js';"],
    ['renderer/fleet/x.ts', "const page = () => import('../clerk/Console.js');"],
    ['renderer/fleet/hooks/x.ts', "import { x } from '../../shared/../kiosk/x.js';"],
  ])('%s may not %s', async (file, source) => {
    expect(await crossPageImports(file, source)).toBe(1);
  });

  it.each([
    ['renderer/kiosk/session/x.ts', "import { videoOffered } from '../fleet/terminal-policy.js';"],
    ['renderer/kiosk/x.ts', "import { ValueStore } from '../shared/observable.js';"],
    ['renderer/clerk/x.ts', "import { getBridge } from '../shared/bridge.js';"],
    ['renderer/fleet/components/x.tsx', "import { AlertDialog } from '../../shared/ui/AlertDialog.js';"],
    ['renderer/shared/x.ts', "import { localize } from '../../protocol/i18n.js';"],
  ])('%s may %s', async (file, source) => {
    expect(await crossPageImports(file, source)).toBe(0);
  });
});
