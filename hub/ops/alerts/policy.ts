/**
 * When the hub tells the provider about an alert: a pure function of what it told before, what
 * holds now and the time. Each alert key gets a notice when its condition starts (again when its
 * count grows), and a recovery notice when it clears; never more than one notice per key per
 * `repeatMs`, so a flapping condition costs one notice per period, not one per flap.
 */

export const ALERT_KINDS = ['terminal_silent', 'quarantine', 'delivery_failed', 'release_reverted'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** Whom an alert is about: ids only, never a person or anything a citizen typed. */
export interface AlertSubject {
  terminal?: string;
  office?: string;
  release?: number;
  /** For delivery failures: which fact, e.g. "unfetched" or "upload_stalled". */
  source?: string;
}

/** A condition that holds now, as the facts say. */
export interface AlertCondition {
  key: string;
  kind: AlertKind;
  subject: AlertSubject;
  /** What is counted (applications in quarantine, terminals that reverted, minutes silent ...). */
  count: number;
}

export type Told = 'none' | 'firing' | 'recovered';

export interface AlertState {
  key: string;
  kind: AlertKind;
  subject: AlertSubject;
  /** Whether the condition held at the last evaluation. */
  active: boolean;
  count: number;
  /** When the condition last started (ISO time). */
  since: string;
  /** What the last notice said about this key. */
  told: Told;
  /** The count the last firing notice carried. */
  toldCount: number;
  lastNoticeAt: string | null;
}

export interface AlertNotice {
  key: string;
  kind: AlertKind;
  status: 'firing' | 'recovered';
  subject: AlertSubject;
  count: number;
  since: string;
  at: string;
}

export interface AlertPolicy {
  /** Least time between two notices of one key. */
  repeatMs: number;
  /**
   * Kinds whose firing alert is told again (rate-limited) when its count grows: a growing
   * quarantine is news, a terminal silent for longer is not.
   */
  escalating: readonly AlertKind[];
}

export const DEFAULT_ESCALATING: readonly AlertKind[] = ['quarantine', 'delivery_failed', 'release_reverted'];

export interface PolicyResult {
  notices: AlertNotice[];
  next: AlertState[];
}

export function evaluateAlerts(
  previous: readonly AlertState[],
  conditions: readonly AlertCondition[],
  now: Date,
  policy: AlertPolicy,
): PolicyResult {
  const at = now.toISOString();
  const holding = new Map(conditions.map((c) => [c.key, c]));
  const before = new Map(previous.map((s) => [s.key, s]));
  const mayTell = (s: AlertState) =>
    s.lastNoticeAt === null || now.getTime() - Date.parse(s.lastNoticeAt) >= policy.repeatMs;
  const notices: AlertNotice[] = [];
  const next: AlertState[] = [];
  const keys = [...new Set([...before.keys(), ...holding.keys()])].sort();

  for (const key of keys) {
    const condition = holding.get(key);
    const old = before.get(key);
    let state: AlertState;
    if (condition) {
      const starts = !old?.active;
      state = {
        key,
        kind: condition.kind,
        subject: condition.subject,
        active: true,
        count: condition.count,
        since: starts || !old ? at : old.since,
        told: old?.told ?? 'none',
        toldCount: old?.toldCount ?? 0,
        lastNoticeAt: old?.lastNoticeAt ?? null,
      };
      const grew = policy.escalating.includes(state.kind) && state.count > state.toldCount;
      if ((state.told !== 'firing' || grew) && mayTell(state)) {
        notices.push(notice(state, 'firing', at));
        state = { ...state, told: 'firing', toldCount: state.count, lastNoticeAt: at };
      }
    } else {
      if (!old) continue;
      state = { ...old, active: false };
      if (state.told === 'firing' && mayTell(state)) {
        notices.push(notice(state, 'recovered', at));
        state = { ...state, told: 'recovered', lastNoticeAt: at };
      }
      // Kept while a recovery is owed or the last notice still rate-limits the key.
      if (state.told !== 'firing' && mayTell(state)) continue;
    }
    next.push(state);
  }
  return { notices, next };
}

function notice(state: AlertState, status: AlertNotice['status'], at: string): AlertNotice {
  return {
    key: state.key,
    kind: state.kind,
    status,
    subject: state.subject,
    count: state.count,
    since: state.since,
    at,
  };
}
