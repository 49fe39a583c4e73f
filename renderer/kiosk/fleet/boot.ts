import { effectiveConfig } from '../../../kiosk-config/fleet/effective.js';
import { officeKeyPinsInForce } from '../../../kiosk-config/fleet/office-keys.js';
import { withPinnedKeys } from '../../../kiosk-config/fleet/keyring.js';
import type { KioskConfig } from '../../../kiosk-config/schema.js';
import type { TerminalEvent } from '../../../protocol/fleet.js';
import { readDeviceSetting, writeDeviceSetting, type KioskDatabase } from '../storage/index.js';
import {
  initialFleetState,
  recordBoot,
  type FleetConfigState,
  type FleetEvent,
} from '../../../kiosk-config/fleet/config-state.js';
import { ensureIdentity, SignedTokens } from './identity.js';

const FLEET_SETTING = 'fleet';

/** Config state and the events not yet reported, stored together so one write switches both. */
export interface FleetRecord {
  state: FleetConfigState;
  events: TerminalEvent[];
}

export async function readFleetRecord(db: KioskDatabase, bootstrap: KioskConfig): Promise<FleetRecord> {
  const pinned = bootstrap.fleet?.providerKeys ?? [];
  const stored = (await readDeviceSetting(db, FLEET_SETTING)) as FleetRecord | undefined;
  if (!stored?.state || !Array.isArray(stored.events))
    return { state: initialFleetState(pinned), events: [] };
  const keyring = withPinnedKeys(stored.state.keyring, pinned);
  return keyring.length === stored.state.keyring.length
    ? stored
    : { ...stored, state: { ...stored.state, keyring } };
}

export function writeFleetRecord(db: KioskDatabase, record: FleetRecord): Promise<void> {
  return writeDeviceSetting(db, FLEET_SETTING, record);
}

export function withEvent(record: FleetRecord, event: FleetEvent | undefined): FleetRecord {
  if (!event) return record;
  // A refusal is logged here for whoever reads the console; the hub gets it with the next heartbeat.
  (event.kind === 'config_refused' || event.kind === 'config_reverted' ? console.warn : console.info)(
    `fleet: ${event.message}`,
  );
  const reported: TerminalEvent = {
    kind: event.kind,
    version: event.version,
    message: event.message,
    at: new Date().toISOString(),
  };
  return { ...record, events: [...record.events, reported].slice(-20) };
}

export interface FleetBoot {
  /** The config to run with: the installation's, with the active signed settings applied. */
  config: KioskConfig;
  /** The token for every hub request: the enrolled terminal's signed token, or the installation's. */
  token: () => string;
  /** After a 401: a fresh signed token at once (enrolled terminals; an installation token cannot renew). */
  renewToken?: (refused: string) => Promise<boolean>;
  record: FleetRecord;
  tokens: SignedTokens | null;
}

/**
 * Runs before the kiosk renders: counts this boot against a config on trial (a crash loop
 * reverts it here, before it can crash again), enrolls when told to, and derives the config.
 */
export async function bootFleet(db: KioskDatabase, bootstrap: KioskConfig): Promise<FleetBoot> {
  const installationToken = () => bootstrap.terminalToken ?? '';
  if (!bootstrap.fleet)
    return {
      config: bootstrap,
      token: installationToken,
      record: { state: initialFleetState([]), events: [] },
      tokens: null,
    };

  let record = await readFleetRecord(db, bootstrap);
  const booted = recordBoot(record.state, new Date());
  record = withEvent({ ...record, state: booted.state }, booted.event);
  await writeFleetRecord(db, record);
  const active = record.state.active?.payload;
  const officeKeys = officeKeyPinsInForce(bootstrap.officeKeys, active?.officeKeys);
  const config = {
    ...effectiveConfig(bootstrap, active?.settings ?? null),
    ...(officeKeys ? { officeKeys } : {}),
  };

  const identity = await ensureIdentity(db, bootstrap.hubUrl, bootstrap.fleet.enrollmentCode);
  if (!identity) return { config, token: installationToken, record, tokens: null };
  const tokens = new SignedTokens(config.hubUrl, identity);
  await tokens.refresh().catch((error: unknown) => console.warn('fleet: no terminal token yet', error));
  tokens.keepFresh();
  return {
    config: { ...config, terminalId: identity.terminalId },
    token: tokens.current,
    renewToken: tokens.renew,
    record,
    tokens,
  };
}
