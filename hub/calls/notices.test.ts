import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/migrate.js';
import { openCallStateDatabase, openDatabase } from '../db/open.js';
import type { HubKysely } from '../db/schema.js';
import { postgresSchema } from '../testing/hub-cli.js';
import { endCallRow } from './live-store.js';
import { PostgresNotices, type CallNotice } from './notices.js';

const pgUrl = process.env['POP_TEST_POSTGRES_URL'];
if (!pgUrl) console.log('Call notice tests skipped: set POP_TEST_POSTGRES_URL to run them.');

describe.skipIf(!pgUrl)('call notices over PostgreSQL LISTEN/NOTIFY', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function schemaDb(): Promise<{ db: HubKysely; url: string }> {
    const schema = await postgresSchema(pgUrl ?? '');
    const { db } = openDatabase({ dataDir: '/nonexistent-unused', databaseUrl: schema.url });
    cleanup.push(
      () => schema.drop(),
      () => db.destroy(),
    );
    return { db, url: schema.url };
  }

  function listener(url: string, db: HubKysely) {
    const got: CallNotice[] = [];
    let resyncs = 0;
    const waiters: (() => void)[] = [];
    const notices = new PostgresNotices(url, db, () => undefined);
    cleanup.push(() => notices.close());
    const wake = () => waiters.splice(0).forEach((w) => w());
    const started = notices.start({
      notice: (n) => (got.push(n), wake()),
      resync: () => (resyncs++, wake()),
    });
    const until = async (check: () => boolean) => {
      while (!check()) await new Promise<void>((resolve) => waiters.push(resolve));
    };
    return { notices, got, started, until, resyncs: () => resyncs };
  }

  it('reaches every instance on the same schema and none on another', async () => {
    const one = await schemaDb();
    const other = await schemaDb();
    const a = listener(one.url, one.db);
    const b = listener(one.url, one.db);
    const elsewhere = listener(other.url, other.db);
    await Promise.all([a.started, b.started, elsewhere.started]);
    await a.notices.publish({ t: 'connect', call: 'call-1' });
    await b.until(() => b.got.length === 1);
    await a.until(() => a.got.length === 1);
    expect(b.got).toEqual([{ t: 'connect', call: 'call-1' }]);
    await elsewhere.notices.publish({ t: 'changed' });
    await elsewhere.until(() => elsewhere.got.length === 1);
    expect(a.got).toHaveLength(1);
  });

  it('delivers notices published together in their order', async () => {
    const one = await schemaDb();
    const a = listener(one.url, one.db);
    const b = listener(one.url, one.db);
    await Promise.all([a.started, b.started]);
    const sent: CallNotice[] = [
      { t: 'attached', kind: 'terminal', who: 't1', conn: 'c1' },
      { t: 'attached', kind: 'terminal', who: 't2', conn: 'c2' },
      { t: 'changed' },
    ];
    await a.notices.publishAll(sent);
    await b.until(() => b.got.length === 3);
    expect(b.got).toEqual(sent);
  });

  it('commits call state without waiting for the WAL flush, on the schema of the URL', async () => {
    const one = await schemaDb();
    const callDb = openCallStateDatabase(one.url);
    cleanup.push(() => callDb.destroy());
    const settings = (db: HubKysely) =>
      db
        .selectNoFrom((eb) => [
          eb.fn<string>('current_setting', [eb.val('synchronous_commit')]).as('commit'),
          eb.fn<string>('current_schema', []).as('schema'),
        ])
        .executeTakeFirst();
    const own = await settings(callDb);
    expect(own).toEqual({ commit: 'off', schema: (await settings(one.db))?.schema });
  });

  it('waits for the WAL flush where a call is logged as it ends', async () => {
    const one = await schemaDb();
    await migrateToLatest(one.db);
    const callDb = openCallStateDatabase(one.url);
    cleanup.push(() => callDb.destroy());
    await callDb
      .insertInto('live_calls')
      .values({
        id: 'call-1',
        terminal_id: 'terminal-1',
        terminal_name: 'Dorfladen',
        office_id: 'buergerbuero',
        service_id: null,
        locale: 'de',
        queued_at: '2026-11-01T08:00:00.000Z',
        waiting_since: '2026-11-01T08:00:00.000Z',
        state: 'active',
        front: 0,
        clerk: 'clerk',
        last_clerk: 'clerk',
        offered_to: null,
        transferred_by: null,
        accepted_at: '2026-11-01T08:01:00.000Z',
        transfers: 0,
        queue_deadline: null,
        offer_deadline: null,
        terminal_gone_at: null,
        clerk_gone_at: null,
      })
      .execute();
    const commit = (db: Pick<HubKysely, 'selectNoFrom'>) =>
      db
        .selectNoFrom((eb) => eb.fn<string>('current_setting', [eb.val('synchronous_commit')]).as('commit'))
        .executeTakeFirstOrThrow();
    const inside = await callDb.transaction().execute(async (trx) => {
      const ended = await endCallRow(trx, 'call-1', 'hangup', '2026-11-01T08:05:00.000Z', 'postgres');
      return { ended: ended?.entry.callId, ...(await commit(trx)) };
    });
    expect(inside).toEqual({ ended: 'call-1', commit: 'on' });
    // Only that transaction: the session goes on without waiting.
    expect(await commit(callDb)).toEqual({ commit: 'off' });
    expect(await one.db.selectFrom('call_log').select('call_id').execute()).toEqual([{ call_id: 'call-1' }]);
  });

  it('listens again after its connection is cut, and asks for a full re-read', async () => {
    const { db, url } = await schemaDb();
    const a = listener(url, db);
    await a.started;
    // The server ends the listening session, as a failover of the database or a network cut would.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const { rows } = await admin.query<{ pid: number }>(
      `select pid from pg_stat_activity where query = 'LISTEN ' || $1`,
      [a.notices.channelName],
    );
    expect(rows).toHaveLength(1);
    await admin.query('select pg_terminate_backend($1)', [rows[0]?.pid]);
    await admin.end();
    await a.until(() => a.resyncs() === 1);
    await a.notices.publish({ t: 'changed' });
    await a.until(() => a.got.length === 1);
    expect(a.got).toEqual([{ t: 'changed' }]);
  });
});
