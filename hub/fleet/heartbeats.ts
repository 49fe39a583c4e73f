import { randomUUID } from 'node:crypto';
import { sql, SqliteAdapter } from 'kysely';
import type { z } from 'zod';
import type { Heartbeat } from '../../protocol/fleet.js';
import type { HubKysely } from '../db/schema.js';

type ParsedHeartbeat = z.output<typeof Heartbeat>;

/**
 * Heartbeats are many and individually worthless: the hub keeps the latest per terminal in
 * memory and writes them in one transaction a second. 10,000 terminals every 30 s are ~333
 * heartbeats/s but one database commit/s; a crash loses at most a second of telemetry.
 */
export class HeartbeatBuffer {
  private status = new Map<string, { heartbeat: ParsedHeartbeat; at: Date }>();
  private daily = new Map<string, { terminalId: string; day: string; sessions: number; online: number }>();
  private events: { terminalId: string; event: ParsedHeartbeat['events'][number] }[] = [];
  private readonly lastSeen = new Map<string, number>();
  private flushing: Promise<void> = Promise.resolve();
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly db: HubKysely,
    flushEveryMs = 1_000,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    this.timer = setInterval(() => void this.flush().catch(this.onError), flushEveryMs);
    this.timer.unref();
  }

  record(terminalId: string, heartbeat: ParsedHeartbeat, at: Date): void {
    this.status.set(terminalId, { heartbeat, at });
    const day = at.toISOString().slice(0, 10);
    const key = `${terminalId}\n${day}`;
    const entry = this.daily.get(key) ?? { terminalId, day, sessions: 0, online: 0 };
    entry.sessions += heartbeat.sessions;
    // Online time is the gap between two heartbeats that came close enough to count as "up".
    const previous = this.lastSeen.get(terminalId);
    const gap = previous === undefined ? 0 : (at.getTime() - previous) / 1000;
    if (gap > 0 && gap <= heartbeat.heartbeatSeconds * 2.5) entry.online += Math.round(gap);
    this.lastSeen.set(terminalId, at.getTime());
    this.daily.set(key, entry);
    for (const event of heartbeat.events) this.events.push({ terminalId, event });
  }

  /** Writes what is buffered; concurrent calls queue behind each other. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private async write(): Promise<void> {
    if (this.status.size === 0 && this.daily.size === 0 && this.events.length === 0) return;
    const status = [...this.status.entries()];
    const daily = [...this.daily.values()];
    const events = this.events;
    this.status = new Map();
    this.daily = new Map();
    this.events = [];
    // Telemetry need not wait for the disk: better-sqlite3 commits on the event loop, and an
    // fsync there would stall every request in flight. Submissions keep synchronous=FULL.
    const sqlite = this.db.getExecutor().adapter instanceof SqliteAdapter;
    // One reserved connection: no submission can commit between the two pragmas.
    await this.db.connection().execute(async (connection) => {
      if (sqlite) await sql`PRAGMA synchronous = NORMAL`.execute(connection);
      try {
        await this.writeBatch(connection, status, daily, events, sqlite);
      } finally {
        if (sqlite) await sql`PRAGMA synchronous = FULL`.execute(connection);
      }
    });
  }

  private async writeBatch(
    db: HubKysely,
    status: [string, { heartbeat: ParsedHeartbeat; at: Date }][],
    daily: { terminalId: string; day: string; sessions: number; online: number }[],
    events: { terminalId: string; event: ParsedHeartbeat['events'][number] }[],
    sqlite: boolean,
  ): Promise<void> {
    await db.transaction().execute(async (trx) => {
      if (!sqlite) await sql`SET LOCAL synchronous_commit TO OFF`.execute(trx);
      // Multi-row upserts: a flush of thousands of heartbeats is a handful of statements.
      const statusRows = status.map(([terminalId, { heartbeat: h, at }]) => ({
        terminal_id: terminalId,
        last_seen_at: at.toISOString(),
        app_version: h.appVersion,
        config_version: h.configVersion,
        last_sync_at: h.lastSyncAt,
        outbox_depth: h.outboxDepth,
        quarantined: h.quarantined,
        storage_bytes: h.storageBytes,
        uptime_seconds: h.uptimeSeconds,
        last_error: h.lastError,
        heartbeat_seconds: h.heartbeatSeconds,
      }));
      for (const rows of chunks(statusRows)) {
        await trx
          .insertInto('terminal_status')
          .values(rows)
          .onConflict((oc) =>
            oc.column('terminal_id').doUpdateSet((eb) => ({
              last_seen_at: eb.ref('excluded.last_seen_at'),
              app_version: eb.ref('excluded.app_version'),
              config_version: eb.ref('excluded.config_version'),
              last_sync_at: eb.ref('excluded.last_sync_at'),
              outbox_depth: eb.ref('excluded.outbox_depth'),
              quarantined: eb.ref('excluded.quarantined'),
              storage_bytes: eb.ref('excluded.storage_bytes'),
              uptime_seconds: eb.ref('excluded.uptime_seconds'),
              last_error: eb.ref('excluded.last_error'),
              heartbeat_seconds: eb.ref('excluded.heartbeat_seconds'),
            })),
          )
          .execute();
      }
      const dailyRows = daily.map((d) => ({
        terminal_id: d.terminalId,
        day: d.day,
        sessions: d.sessions,
        online_seconds: d.online,
      }));
      for (const rows of chunks(dailyRows)) {
        await trx
          .insertInto('terminal_daily')
          .values(rows)
          .onConflict((oc) =>
            oc.columns(['terminal_id', 'day']).doUpdateSet((eb) => ({
              sessions: eb('terminal_daily.sessions', '+', eb.ref('excluded.sessions')),
              online_seconds: eb('terminal_daily.online_seconds', '+', eb.ref('excluded.online_seconds')),
            })),
          )
          .execute();
      }
      if (events.length > 0)
        await trx
          .insertInto('fleet_events')
          .values(
            events.map(({ terminalId, event }) => ({
              id: randomUUID(),
              terminal_id: terminalId,
              at: event.at,
              kind: event.kind,
              version: event.version,
              message: event.message,
            })),
          )
          .execute();
    });
  }
}

/** SQLite allows 32,766 bound values per statement; 11 columns x 500 rows stays far below. */
function chunks<T>(rows: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
