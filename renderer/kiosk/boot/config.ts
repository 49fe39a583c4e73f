import type { KioskBridge } from '../../../protocol/bridge.js';
import { parseKioskConfig, type KioskConfig } from '../../../kiosk-config/schema.js';
import { readDeviceSetting, writeDeviceSetting, type KioskDatabase } from '../storage/index.js';

export type ConfigResult = { ok: true; config: KioskConfig } | { ok: false; problems: string[] };

/**
 * The shell's config wins; a valid one is remembered so that a restart without the shell's
 * hand-over (a reload in Chromium mode, offline) still knows its hub and identity.
 */
export async function loadKioskConfig(bridge: KioskBridge, db: KioskDatabase): Promise<ConfigResult> {
  const fromShell = await bridge.getKioskConfig();
  if (fromShell !== null && fromShell !== undefined) {
    const parsed = parseKioskConfig(fromShell);
    if (parsed.ok) await writeDeviceSetting(db, 'kioskConfig', parsed.config);
    return parsed;
  }
  const stored = await readDeviceSetting(db, 'kioskConfig');
  if (stored === undefined)
    return { ok: false, problems: ['no configuration has been handed to this terminal'] };
  return parseKioskConfig(stored);
}
