import { randomUUID } from 'node:crypto';
import { sql, SqliteAdapter } from 'kysely';
import type { z } from 'zod';
import type { Heartbeat } from '../../protocol/fleet.js';
import type { HubKysely } from '../db/schema.js';
import { countOnline, type Beat } from './online-time.js';

type ParsedHeartbeat = z.output<typeof Heartbeat>;

/**
 * Heartbeats are many and individually worthless: the hub keeps the latest per terminal in
 * memory and writes them in one transaction a second. 10,000 terminals every 30 s are ~333
 * heartbeats/s but one database commit/s; a crash loses at most a second of telemetry.
 */
export class HeartbeatBuffer {
  private status = new Map<string, { heartbeat: ParsedHeartbeat; at: Date }>();
  private sessions = new Map<string, { terminalId: string; day: string; sessions: number }>();
  private beats = new Map<string, Beat[]>();
  private events: { terminalId: string; event: ParsedHeartbeat['events'][number] }[] = [];
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
    const latest = this.status.get(terminalId);
    if (!latest || latest.at <= at) this.status.set(terminalId, { heartbeat, at });
    const day = at.toISOString().slice(0, 10);
    const key = `${terminalId}\n${day}`;
    const entry = this.sessions.get(key) ?? { terminalId, day, sessions: 0 };
    entry.sessions += heartbeat.sessions;
    this.sessions.set(key, entry);
    // Online time is counted at the flush, against the last heartbeat any instance stored.
    const beats = this.beats.get(terminalId) ?? [];
    beats.push({ atMs: at.getTime(), heartbeatSeconds: heartbeat.heartbeatSeconds });
    this.beats.set(terminalId, beats);
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
    if (this.status.size === 0 && this.sessions.size === 0 && this.events.length === 0) return;
    const batch: Batch = {
      status: [...this.status.entries()].sort(([a], [b]) => a.localeCompare(b)),
      sessions: [...this.sessions.values()],
      beats: this.beats,
      events: this.events,
    };
    this.status = new Map();
    this.sessions = new Map();
    this.beats = new Map();
    this.events = [];
    // Telemetry need not wait for the disk: better-sqlite3 commits on the event loop, and an
    // fsync there would stall every request in flight. Submissions keep synchronous=FULL.
    const sqlite = this.db.getExecutor().adapter instanceof SqliteAdapter;
    // One reserved connection: no submission can commit between the two pragmas.
    await this.db.connection().execute(async (connection) => {
      if (sqlite) await sql`PRAGMA synchronous = NORMAL`.execute(connection);
      try {
        await this.writeBatch(connection, batch, sqlite);
      } finally {
        if (sqlite) await sql`PRAGMA synchronous = FULL`.execute(connection);
      }
    });
  }

  private async writeBatch(
    db: HubKysely,
    { status, sessions, beats, events }: Batch,
    sqlite: boolean,
  ): Promise<void> {
    await db.transaction().execute(async (trx) => {
      if (!sqlite) await sql`SET LOCAL synchronous_commit TO OFF`.execute(trx);
      const daily = await onlineAndSessions(trx, beats, sessions, sqlite);
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
            oc
              .column('terminal_id')
              .doUpdateSet((eb) => ({
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
              }))
              // Another instance may have stored a newer heartbeat meanwhile: the status never goes back.
              .whereRef('terminal_status.last_seen_at', '<', 'excluded.last_seen_at'),
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

interface Batch {
  /** The newest heartbeat per terminal, sorted by terminal id (rows are locked in this order). */
  status: [string, { heartbeat: ParsedHeartbeat; at: Date }][];
  sessions: { terminalId: string; day: string; sessions: number }[];
  beats: Map<string, Beat[]>;
  events: { terminalId: string; event: ParsedHeartbeat['events'][number] }[];
}

/**
 * Sessions and online seconds per terminal and day. Online time continues from the last
 * heartbeat stored by any instance; on PostgreSQL those rows stay locked until the transaction
 * ends, so two instances flushing the same terminal count each gap once.
 */
async function onlineAndSessions(
  trx: HubKysely,
  beats: Map<string, Beat[]>,
  sessions: Batch['sessions'],
  sqlite: boolean,
): Promise<{ terminalId: string; day: string; sessions: number; online: number }[]> {
  const ids = [...beats.keys()].sort();
  const stored = new Map<string, number>();
  for (const part of chunks(ids)) {
    let query = trx
      .selectFrom('terminal_status')
      .select(['terminal_id', 'last_seen_at'])
      .where('terminal_id', 'in', part)
      .orderBy('terminal_id');
    if (!sqlite) query = query.forUpdate();
    for (const row of await query.execute()) stored.set(row.terminal_id, Date.parse(row.last_seen_at));
  }
  const daily = new Map<string, { terminalId: string; day: string; sessions: number; online: number }>();
  const entry = (terminalId: string, day: string) => {
    const key = `${terminalId}\n${day}`;
    const found = daily.get(key) ?? { terminalId, day, sessions: 0, online: 0 };
    daily.set(key, found);
    return found;
  };
  for (const s of sessions) entry(s.terminalId, s.day).sessions += s.sessions;
  for (const id of ids) {
    const { byDay } = countOnline(stored.get(id), beats.get(id) ?? []);
    for (const [day, seconds] of byDay) entry(id, day).online += seconds;
  }
  // A fixed order: two instances upserting the same rows never wait on each other in a circle.
  return [...daily.values()].sort(
    (a, b) => a.terminalId.localeCompare(b.terminalId) || a.day.localeCompare(b.day),
  );
}

/** SQLite allows 32,766 bound values per statement; 11 columns x 500 rows stays far below. */
function chunks<T>(rows: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
