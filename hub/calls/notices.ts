import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import type { CallEndReason } from '../../protocol/calls.js';
import type { HubKysely } from '../db/schema.js';

/**
 * What one hub instance tells the others (and itself) about live calls. Ids only, never content:
 * readers fetch the rows. A signaling message waits in call_signals under its id.
 */
export type CallNotice =
  | { t: 'changed' }
  | { t: 'connect'; call: string }
  | { t: 'ended'; call: string; terminal: string; clerk: string | null; reason: CallEndReason }
  | { t: 'transferred'; call: string; clerk: string }
  | { t: 'signal'; id: string; kind: 'terminal' | 'clerk'; to: string }
  | { t: 'attached'; kind: 'terminal' | 'clerk'; who: string; conn: string };

export interface NoticeHandlers {
  notice(notice: CallNotice): void;
  /** The channel was down for a while: notices may be lost, read everything again. */
  resync(): void;
}

export interface CallNotices {
  start(handlers: NoticeHandlers): Promise<void>;
  publish(notice: CallNotice): Promise<void>;
  /** Several notices in order, in one round trip where the channel allows. */
  publishAll(notices: readonly CallNotice[]): Promise<void>;
  close(): Promise<void>;
}

/** SQLite: one process per data folder, so the notices never leave it. */
export class InProcessNotices implements CallNotices {
  private handlers: NoticeHandlers | null = null;

  start(handlers: NoticeHandlers): Promise<void> {
    this.handlers = handlers;
    return Promise.resolve();
  }

  publish(notice: CallNotice): Promise<void> {
    this.handlers?.notice(notice);
    return Promise.resolve();
  }

  publishAll(notices: readonly CallNotice[]): Promise<void> {
    for (const notice of notices) this.handlers?.notice(notice);
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.handlers = null;
    return Promise.resolve();
  }
}

const RECONNECT_MS = [100, 250, 500, 1000, 2000, 5000];

/**
 * PostgreSQL LISTEN/NOTIFY on a dedicated connection (a pooled one would lose its LISTEN). The
 * channel is named after the schema, so hubs on different schemas of one server stay apart. A
 * dropped listener comes back by itself and asks for a full re-read, since NOTIFY does not keep
 * what was sent while nobody listened.
 */
export class PostgresNotices implements CallNotices {
  private client: pg.Client | null = null;
  private channel = '';
  private closed = false;
  private attempt = 0;
  private retry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly databaseUrl: string,
    private readonly db: HubKysely,
    private readonly onError: (error: unknown) => void,
  ) {}

  async start(handlers: NoticeHandlers): Promise<void> {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(this.db);
    const schema = rows[0]?.schema ?? 'public';
    this.channel = `pop_calls_${createHash('sha256').update(schema).digest('hex').slice(0, 16)}`;
    await this.listen(handlers, false);
  }

  private async listen(handlers: NoticeHandlers, resync: boolean): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    let down = false;
    const lost = (error?: unknown) => {
      if (down) return;
      down = true;
      if (error) this.onError(error);
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      if (this.client === client) this.client = null;
      if (this.closed) return;
      const delay = RECONNECT_MS[Math.min(this.attempt++, RECONNECT_MS.length - 1)] ?? 5000;
      this.retry = setTimeout(() => {
        this.listen(handlers, true).catch((e: unknown) => {
          this.onError(e);
        });
      }, delay);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (message) => {
      if (message.channel !== this.channel || !message.payload) return;
      try {
        handlers.notice(JSON.parse(message.payload) as CallNotice);
      } catch (error) {
        this.onError(error);
      }
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (error) {
      lost(error);
      if (!resync) throw error;
      return;
    }
    this.client = client;
    this.attempt = 0;
    if (resync) handlers.resync();
  }

  /** The channel of this schema (once started). */
  get channelName(): string {
    return this.channel;
  }

  async publish(notice: CallNotice): Promise<void> {
    await sql`select pg_notify(${this.channel}, ${JSON.stringify(notice)})`.execute(this.db);
  }

  async publishAll(notices: readonly CallNotice[]): Promise<void> {
    if (notices.length === 0) return;
    const payloads = notices.map((n) => JSON.stringify(n));
    // unnest yields the array in order, so the notices go out (and arrive) in order.
    await sql`select pg_notify(${this.channel}, payload) from unnest(${payloads}::text[]) as payload`.execute(
      this.db,
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    }
  }
}
