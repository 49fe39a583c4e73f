import type { FleetAlert, FleetOverview, FleetStats, FleetTerminal } from '../../protocol/fleet.js';
import type { HubKysely } from '../db/schema.js';
import type { RolloutCache } from './rollout.js';

/** A terminal counts as silent after three missed heartbeats (and never before 90 s). */
export const silentAfterMs = (heartbeatSeconds: number) => Math.max(90, heartbeatSeconds * 3) * 1000;

export async function fleetOverview(
  db: HubKysely,
  rollout: RolloutCache,
  now: Date,
  tenantId?: string,
): Promise<FleetOverview> {
  let query = db
    .selectFrom('terminals')
    .leftJoin('terminal_status', 'terminal_status.terminal_id', 'terminals.id')
    .leftJoin('terminal_keys', 'terminal_keys.terminal_id', 'terminals.id')
    .select([
      'terminals.id',
      'terminals.name',
      'terminals.revoked_at',
      'terminal_keys.enrolled_at',
      'terminal_status.last_seen_at',
      'terminal_status.app_version',
      'terminal_status.config_version',
      'terminal_status.last_sync_at',
      'terminal_status.outbox_depth',
      'terminal_status.quarantined',
      'terminal_status.storage_bytes',
      'terminal_status.uptime_seconds',
      'terminal_status.last_error',
      'terminal_status.heartbeat_seconds',
      'terminals.tenant_id',
    ]);
  if (tenantId !== undefined) query = query.where('terminals.tenant_id', '=', tenantId);
  const rows = await query.orderBy('terminals.id').execute();
  const ids = new Set(rows.map((r) => r.id));
  const alerts: FleetAlert[] = [];
  const terminals: FleetTerminal[] = [];
  for (const r of rows) {
    let state: FleetTerminal['state'] = 'never_seen';
    if (r.revoked_at) state = 'revoked';
    else if (r.last_seen_at) {
      const silentFor = now.getTime() - Date.parse(r.last_seen_at);
      state = silentFor > silentAfterMs(r.heartbeat_seconds ?? 30) ? 'silent' : 'online';
      if (state === 'silent')
        alerts.push({
          terminalId: r.id,
          kind: 'silent',
          message: `No heartbeat for ${Math.round(silentFor / 60_000)} min.`,
          at: r.last_seen_at,
        });
    }
    const num = (v: number | string | null) => (v === null ? null : Number(v));
    terminals.push({
      id: r.id,
      name: r.name,
      state,
      enrolled: r.enrolled_at !== null,
      lastSeenAt: r.last_seen_at,
      appVersion: r.app_version,
      configVersion: r.config_version,
      assignedVersion: await rollout.versionFor(r.id, r.tenant_id),
      lastSyncAt: r.last_sync_at,
      outboxDepth: r.outbox_depth,
      quarantined: r.quarantined,
      storageBytes: num(r.storage_bytes),
      uptimeSeconds: num(r.uptime_seconds),
      lastError: r.last_error,
    });
  }
  const since = new Date(now.getTime() - 86_400_000).toISOString();
  const events = await db
    .selectFrom('fleet_events')
    .selectAll()
    .where('at', '>', since)
    .where('kind', 'in', ['config_reverted', 'config_refused', 'office_key_refused'])
    .orderBy('at', 'desc')
    .limit(100)
    .execute();
  for (const e of events)
    if (tenantId === undefined || ids.has(e.terminal_id))
      alerts.push({
        terminalId: e.terminal_id,
        kind: e.kind as FleetAlert['kind'],
        message: e.message,
        at: e.at,
      });
  return { terminals, alerts, now: now.toISOString() };
}

export async function fleetStats(
  db: HubKysely,
  now: Date,
  days = 14,
  tenantId?: string,
): Promise<FleetStats> {
  const dayList = Array.from({ length: days }, (_, i) =>
    new Date(now.getTime() - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10),
  );
  const first = dayList[0] ?? '';
  let query = db.selectFrom('terminal_daily').selectAll().where('day', '>=', first);
  if (tenantId !== undefined)
    query = query.where('terminal_id', 'in', (eb) =>
      eb.selectFrom('terminals').select('id').where('tenant_id', '=', tenantId),
    );
  const rows = await query.execute();
  const sessions = new Map<string, number>();
  const perTerminal = new Map<string, { online: number; firstDay: string }>();
  for (const r of rows) {
    sessions.set(r.day, (sessions.get(r.day) ?? 0) + r.sessions);
    const t = perTerminal.get(r.terminal_id) ?? { online: 0, firstDay: r.day };
    t.online += r.online_seconds;
    if (r.day < t.firstDay) t.firstDay = r.day;
    perTerminal.set(r.terminal_id, t);
  }
  const uptimePerTerminal = [...perTerminal.entries()]
    .map(([terminalId, t]) => {
      // Measured from the first day the terminal reported in the window, up to now.
      const observed = Math.max(1, (now.getTime() - Date.parse(`${t.firstDay}T00:00:00.000Z`)) / 1000);
      return { terminalId, percent: Math.min(100, Math.round((t.online / observed) * 1000) / 10) };
    })
    .sort((a, b) => a.terminalId.localeCompare(b.terminalId));
  return { days: dayList, sessionsPerDay: dayList.map((d) => sessions.get(d) ?? 0), uptimePerTerminal };
}
