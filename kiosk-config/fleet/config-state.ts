import type { ConfigPayload, ProviderKey } from './signed.js';
import { nextKeyring } from './keyring.js';
import { verifySignedConfig, type RefusalCode } from './verify.js';

export interface AppliedConfig {
  /** The signed envelope exactly as received, so it can be verified again after a restart. */
  signed: string;
  payload: ConfigPayload;
}

/**
 * What a terminal knows about its signed configs. `lastGood` null means the installation's own
 * (bootstrap) config, which is always good to fall back to.
 */
export interface FleetConfigState {
  keyring: ProviderKey[];
  active: AppliedConfig | null;
  lastGood: AppliedConfig | null;
  /** Set while a newly applied config has not yet proven itself. */
  trial: { version: number; since: string; boots: string[]; unreachableSince: string | null } | null;
  /**
   * Highest version ever applied, reverted or refused with a verified signature: nothing at or
   * below it is taken again. Only a signature this terminal verified moves it.
   */
  floorVersion: number;
  /**
   * The hub's assignment whose config was refused without a verified version, so the same
   * config is not fetched every heartbeat. A hub's number never becomes the floor: any other
   * assignment is fetched and judged again. Absent in records written before it existed.
   */
  refusedAssignment?: number | null;
}

export type FleetEvent =
  | { kind: 'config_applied'; version: number; message: string }
  | { kind: 'config_refused'; version: number | null; code: RefusalCode; message: string }
  | { kind: 'config_healthy'; version: number; message: string }
  | { kind: 'config_reverted'; version: number; message: string };

export const initialFleetState = (keyring: ProviderKey[]): FleetConfigState => ({
  keyring,
  active: null,
  lastGood: null,
  trial: null,
  floorVersion: 0,
});

const TEN_MINUTES = 10 * 60_000;

/** Judges a config from the hub. A refusal leaves the state exactly as it was. */
export async function considerConfig(
  state: FleetConfigState,
  raw: string,
  terminalId: string,
  now: Date,
): Promise<{ state: FleetConfigState; event: FleetEvent }> {
  const verdict = await verifySignedConfig(raw, {
    keyring: state.keyring,
    terminalId,
    now,
    currentVersion: state.floorVersion,
  });
  if (!verdict.ok) {
    return {
      state,
      event: {
        kind: 'config_refused',
        version: verdict.signedVersion ?? null,
        code: verdict.code,
        message: verdict.reason,
      },
    };
  }
  const { payload } = verdict;
  return {
    // One new state object: the caller stores it in one write, so the switch is atomic.
    state: {
      keyring: nextKeyring(state.keyring, payload),
      active: { signed: raw, payload },
      // A config still on trial never becomes the fallback.
      lastGood: state.trial ? state.lastGood : state.active,
      trial: { version: payload.version, since: now.toISOString(), boots: [], unreachableSince: null },
      floorVersion: payload.version,
    },
    event: {
      kind: 'config_applied',
      version: payload.version,
      message: `Config version ${payload.version} applied.`,
    },
  };
}

/** A boot of the page while a config is on trial; too many in ten minutes is a crash loop. */
export function recordBoot(
  state: FleetConfigState,
  now: Date,
): { state: FleetConfigState; event?: FleetEvent } {
  const { trial, active } = state;
  if (!trial || !active) return { state };
  const boots = [...trial.boots, now.toISOString()].filter(
    (t) => now.getTime() - Date.parse(t) < TEN_MINUTES,
  );
  const limit = active.payload.settings.revert.crashesWithin10Minutes;
  if (boots.length > limit)
    return revert(
      state,
      `The terminal restarted ${boots.length} times in ten minutes with config ${trial.version}.`,
    );
  return { state: { ...state, trial: { ...trial, boots } } };
}

/**
 * The outcome of one attempt to reach the hub. A config on trial that keeps the hub away longer
 * than its own limit is reverted; one that reaches it for its whole observation time is kept.
 */
export function recordReachability(
  state: FleetConfigState,
  reachable: boolean,
  now: Date,
): { state: FleetConfigState; event?: FleetEvent } {
  const { trial, active } = state;
  if (!trial || !active) return { state };
  const limitMs = active.payload.settings.revert.hubUnreachableSeconds * 1000;
  if (!reachable) {
    const since = trial.unreachableSince ?? now.toISOString();
    if (now.getTime() - Date.parse(since) >= limitMs)
      return revert(
        state,
        `The hub was unreachable for ${Math.round((now.getTime() - Date.parse(since)) / 1000)} s with config ${trial.version}.`,
      );
    return { state: { ...state, trial: { ...trial, unreachableSince: since } } };
  }
  if (now.getTime() - Date.parse(trial.since) >= limitMs) {
    return {
      state: { ...state, lastGood: active, trial: null },
      event: {
        kind: 'config_healthy',
        version: trial.version,
        message: `Config version ${trial.version} proved healthy.`,
      },
    };
  }
  return { state: { ...state, trial: { ...trial, unreachableSince: null } } };
}

function revert(state: FleetConfigState, why: string): { state: FleetConfigState; event: FleetEvent } {
  const version = state.trial?.version ?? state.active?.payload.version ?? 0;
  const back = state.lastGood ? `version ${state.lastGood.payload.version}` : 'the installation config';
  return {
    state: { ...state, active: state.lastGood, trial: null },
    event: { kind: 'config_reverted', version, message: `${why} Reverted to ${back}.` },
  };
}

/**
 * Whether the config the hub assigns is worth fetching: newer than the floor, and not the
 * assignment whose config was just refused.
 */
export const wantsAssignment = (state: FleetConfigState, assigned: number | null): assigned is number =>
  assigned !== null && assigned > state.floorVersion && assigned !== state.refusedAssignment;

/**
 * The state after a refusal of the config assigned as `assigned`. The floor rises only to a
 * version whose signature verified (event.version); the hub's number is only remembered as the
 * refused assignment, so an unsigned blob claiming version 900000000000000
 * cannot freeze the terminal: the next genuine release is fetched and taken.
 */
export function afterRefusal(
  state: FleetConfigState,
  event: Extract<FleetEvent, { kind: 'config_refused' }>,
  assigned: number,
): FleetConfigState {
  const floorVersion =
    event.version === null ? state.floorVersion : Math.max(state.floorVersion, event.version);
  return { ...state, floorVersion, refusedAssignment: assigned };
}
