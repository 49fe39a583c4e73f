import type { FleetConfigOutcome } from '../../../protocol/bridge.js';
import { MAX_BRIDGE_SIGNED_CONFIG_CHARS } from '../../../protocol/bridge.js';
import type { ProviderKey } from '../../../kiosk-config/fleet/signed.js';
import { verifySignedConfig } from '../../../kiosk-config/fleet/verify.js';
import { fleetShellSettings, type FleetShellSettings } from '../policy/fleet-shell.js';
import type { Logger } from '../log.js';

export interface FleetConfigDeps {
  /** The provider keys pinned in the installation config; none: the shell takes no signed config. */
  keyring: readonly ProviderKey[];
  /** The installation's terminal id; null when the terminal enrolls (its identity lives in the page). */
  terminalId: string | null;
  apply: (settings: FleetShellSettings | null) => void;
  log: Logger;
}

/**
 * Takes the signed config the page runs with and verifies it again here, against the keys pinned
 * in the installation: the shell never changes its printer, restart window or CSP on the page's
 * word. Expiry and downgrade are the page's judgement (it refuses them before running a config);
 * the shell checks who signed it and for which terminal. A config signed by a key that only a
 * later config rotated in is refused here, and the shell keeps the installation's settings.
 */
export function createFleetConfigApplier(deps: FleetConfigDeps) {
  return async (signed: unknown): Promise<FleetConfigOutcome> => {
    if (signed === null) {
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
    const claimed = audienceOf(signed);
    const verdict = await verifySignedConfig(signed, {
      keyring: deps.keyring,
      terminalId: deps.terminalId ?? claimed ?? '',
      now: new Date(issuedAtOf(signed) ?? Date.now()),
      currentVersion: 0,
    });
    if (!verdict.ok) {
      deps.log.warn(`refused a fleet config: ${verdict.reason}`);
      return 'refused';
    }
    deps.apply(fleetShellSettings(verdict.payload.settings));
    deps.log.info(`fleet config version ${verdict.payload.version} applied to the shell`);
    return 'applied';
  };
}

/** Read before verification only to pick what to verify against; the signature decides. */
function payloadOf(signed: string): Record<string, unknown> | null {
  try {
    const envelope = JSON.parse(signed) as { payload?: unknown };
    return typeof envelope.payload === 'string'
      ? (JSON.parse(envelope.payload) as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function audienceOf(signed: string): string | null {
  const audience = payloadOf(signed)?.['audience'] as { terminal?: unknown } | undefined;
  return typeof audience?.terminal === 'string' ? audience.terminal : null;
}

function issuedAtOf(signed: string): number | null {
  const issuedAt = payloadOf(signed)?.['issuedAt'];
  const time = typeof issuedAt === 'string' ? Date.parse(issuedAt) : NaN;
  return Number.isNaN(time) ? null : time;
}
