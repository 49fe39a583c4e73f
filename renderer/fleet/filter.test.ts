import { describe, expect, it } from 'vitest';
import type { FleetTerminal } from '../../protocol/fleet.js';
import { filterTerminals, NO_FILTER } from './filter.js';

const terminal = (id: string, name: string, state: FleetTerminal['state']): FleetTerminal => ({
  id,
  name,
  state,
  enrolled: false,
  lastSeenAt: null,
  appVersion: null,
  configVersion: null,
  assignedVersion: null,
  lastSyncAt: null,
  outboxDepth: null,
  quarantined: null,
  storageBytes: null,
  uptimeSeconds: null,
  lastError: null,
});
const all = [
  terminal('t-1', 'Dorfladen', 'online'),
  terminal('t-2', 'Bahnhof', 'silent'),
  terminal('t-3', 'Bibliothek', 'revoked'),
];
const alerts = [{ terminalId: 't-2', kind: 'silent' as const, message: 'x', at: '2026-11-21T10:00:00.000Z' }];

describe('filterTerminals', () => {
  it('filters by state, by alert and by text in id or name', () => {
    expect(filterTerminals(all, alerts, NO_FILTER)).toHaveLength(3);
    expect(filterTerminals(all, alerts, { ...NO_FILTER, state: 'silent' }).map((t) => t.id)).toEqual(['t-2']);
    expect(filterTerminals(all, alerts, { ...NO_FILTER, alertsOnly: true }).map((t) => t.id)).toEqual([
      't-2',
    ]);
    expect(filterTerminals(all, alerts, { ...NO_FILTER, search: 'BIB' }).map((t) => t.id)).toEqual(['t-3']);
    expect(filterTerminals(all, alerts, { ...NO_FILTER, search: 't-1', state: 'silent' })).toEqual([]);
  });
});
