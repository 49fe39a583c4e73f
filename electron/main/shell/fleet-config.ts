import type { FleetConfigOutcome } from '../../../protocol/bridge.js';
import { MAX_BRIDGE_SIGNED_CONFIG_CHARS } from '../../../protocol/bridge.js';
import type { ProviderKey } from '../../../kiosk-config/fleet/signed.js';
import {
  considerForShell,
  restoreShellRecord,
  type ShellConfigRecord,
} from '../../../kiosk-config/fleet/shell-record.js';
import { fleetShellSettings, type FleetShellSettings } from '../policy/fleet-shell.js';
import type { Logger } from '../log.js';

export interface FleetConfigDeps {
  /** The provider keys pinned in the installation config; none: the shell takes no signed config. */
  keyring: readonly ProviderKey[];
  /** The installation's terminal id; null when the terminal enrolls (its identity lives in the page). */
  terminalId: string | null;
  apply: (settings: FleetShellSettings | null) => void;
  log: Logger;
  /** The record kept by the last run (kiosk-config/fleet/shell-record.ts); its config applies at once. */
  restored?: unknown;
  /** Keeps the record for the next start, after every change. */
  save?: (record: ShellConfigRecord) => Promise<void>;
}

/**
 * Takes the signed config the page runs with and verifies it here too: the shell never changes
 * its printer, restart window or CSP on the page's word. Its keyring follows the page's by the
 * same rules (a key rotated in by a verified config is trusted by both), and a config it already
 * runs is not verified again when the page sends it after a reload.
 */
export function createFleetConfigApplier(deps: FleetConfigDeps) {
  let record = restoreShellRecord(deps.restored, deps.keyring);
  if (deps.keyring.length > 0 && record.active) deps.apply(fleetShellSettings(record.active.settings));
  const keep = async (next: ShellConfigRecord) => {
    record = next;
    await deps
      .save?.(next)
      .catch((error: unknown) => deps.log.error('keeping the fleet config failed', error));
  };

  return async (signed: unknown): Promise<FleetConfigOutcome> => {
    if (signed === null) {
      await keep({ ...record, active: null });
      deps.apply(null);
      return 'applied';
    }
    if (typeof signed !== 'string' || signed.length > MAX_BRIDGE_SIGNED_CONFIG_CHARS) {
      deps.log.warn('refused a fleet config from the page: not a string of acceptable size');
      return 'refused';
    }
    if (deps.keyring.length === 0) {
      deps.log.warn('refused a fleet config: the installation pins no provider keys');
      return 'refused';
    }
    const unchanged = record.active?.signed === signed;
    const verdict = await considerForShell(record, signed, deps.terminalId);
    if (!verdict.ok) {
      deps.log.warn(`refused a fleet config: ${verdict.reason}`);
      return 'refused';
    }
    const { active } = verdict.record;
    if (!active) return 'refused';
    if (!unchanged) await keep(verdict.record);
    deps.apply(fleetShellSettings(active.settings));
    if (!unchanged) deps.log.info(`fleet config version ${active.version} applied to the shell`);
    return 'applied';
  };
}
