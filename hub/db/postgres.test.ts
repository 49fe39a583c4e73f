import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api.js';
import { ContentSnapshot } from '../../protocol/content.js';
import { SubmissionDetail, SubmissionList } from '../../protocol/clerk.js';
import { buildHub } from '../server.js';
import { seedIfEmpty } from '../seed/seed.js';
import { loginCookie, submissionBody, terminalHeaders, testSeed } from '../testing/test-hub.js';
import { listDiscards, listStuck, replaceQuarantine, requestDiscard } from '../quarantine/store.js';
import { MIGRATIONS, migrateToLatest } from './migrate.js';
import { openDatabase, type OpenDatabase } from './open.js';

/**
 * The same migrations and queries against a real PostgreSQL. CI sets POP_TEST_POSTGRES_URL;
 * without it these tests are skipped, and say so. Each run works in its own schema.
 */
const baseUrl = process.env['POP_TEST_POSTGRES_URL'];
if (!baseUrl) console.log('PostgreSQL tests skipped: set POP_TEST_POSTGRES_URL=postgres://... to run them.');

const schema = `pop_test_${randomBytes(6).toString('hex')}`;

function urlWithSchema(url: string): string {
  const withSchema = new URL(url);
  withSchema.searchParams.set('options', `-c search_path=${schema}`);
  return withSchema.toString();
}

describe.skipIf(!baseUrl)('PostgreSQL', () => {
  let database: OpenDatabase;
  let admin: pg.Client;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    database = openDatabase({ dataDir: '/nonexistent-unused', databaseUrl: urlWithSchema(baseUrl ?? '') });
  });

  afterAll(async () => {
    await database?.db.destroy();
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.end();
  });

  it('runs the migrations, and a second run changes nothing', async () => {
    expect(database.dialect).toBe('postgres');
    expect(await migrateToLatest(database.db)).toEqual(Object.keys(MIGRATIONS));
    expect(await migrateToLatest(database.db)).toEqual([]);
    const tables = await admin.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1',
      [schema],
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['submissions', 'forms', 'clerks']),
    );
  });

  it('seeds once, serves content, and takes a submission exactly once', async () => {
    expect(await seedIfEmpty(database.db, testSeed)).toBe(true);
    expect(await seedIfEmpty(database.db, testSeed)).toBe(false);
    const app = buildHub({ db: database.db, staticDir: '/nonexistent-unused' });
    try {
      const content = await app.inject({ method: 'GET', url: API.content, headers: terminalHeaders });
      expect(content.statusCode).toBe(200);
      expect(ContentSnapshot.parse(content.json()).forms.length).toBeGreaterThan(0);
      const notModified = await app.inject({
        method: 'GET',
        url: API.content,
        headers: { ...terminalHeaders, 'if-none-match': content.headers['etag'] ?? '' },
      });
      expect(notModified.statusCode).toBe(304);

      const body = submissionBody();
      const submit = (payload: object) =>
        app.inject({ method: 'POST', url: API.submissions, headers: terminalHeaders, payload });
      // Parallel on a connection pool: the unique index, not luck, keeps it to one row.
      const results = await Promise.all([submit(body), submit(body), submit(body), submit(body)]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 201]);
      expect(new Set(results.map((r) => r.body)).size).toBe(1);
      const conflict = await submit({ ...body, locale: 'en' });
      expect(conflict.statusCode).toBe(409);
      const taken = await submit(submissionBody({ trackingCode: body.trackingCode }));
      expect(taken.json()).toMatchObject({ error: 'tracking_code_taken' });
      const rows = await database.db.selectFrom('submissions').select('id').execute();
      expect(rows.map((r) => r.id)).toEqual([body.id]);

      const cookie = await loginCookie(app);
      const list = SubmissionList.parse(
        (await app.inject({ method: 'GET', url: API.clerkSubmissions, headers: { cookie } })).json(),
      );
      expect(list.submissions.map((s) => s.id)).toEqual([body.id]);
      const detail = SubmissionDetail.parse(
        (await app.inject({ method: 'GET', url: API.clerkSubmission(body.id), headers: { cookie } })).json(),
      );
      expect(detail).toMatchObject({ keyId: body.keyId, data: body.data, metadata: body.metadata });
    } finally {
      await app.close();
    }
  });

  it('records a discarded quarantine item once and confirms it when the terminal no longer holds it', async () => {
    const item = {
      submissionId: '7a1f0a3e-1b2c-4d5e-8f90-123456789abc',
      formId: 'gone-form',
      formVersion: 1,
      serviceId: 'gone-service',
      officeId: 'buergerbuero',
      reason: 'unknown key',
      quarantinedAt: '2026-11-21T09:00:00.000Z',
    };
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 21, 10, minute));
    await replaceQuarantine(database.db, 'pg-terminal', [item], at(0));
    const ask = { officeIds: ['buergerbuero'], terminalId: 'pg-terminal', submissionId: item.submissionId };
    const request = { ...ask, reason: 'Key lost; applied again in person.', clerk: 'clerk' };
    expect(await requestDiscard(database.db, request, at(1))).toBe('requested');
    expect(await requestDiscard(database.db, request, at(2))).toBe('already_requested');
    expect(await requestDiscard(database.db, { ...request, officeIds: ['standesamt'] }, at(2))).toBe(
      'not_found',
    );
    expect((await listStuck(database.db))[0]).toMatchObject({ discardRequestedAt: at(1).toISOString() });
    expect(await replaceQuarantine(database.db, 'pg-terminal', [item], at(3))).toEqual({
      retry: [],
      discard: [item.submissionId],
    });
    await replaceQuarantine(database.db, 'pg-terminal', [], at(4));
    expect(await listDiscards(database.db)).toMatchObject([
      { submissionId: item.submissionId, requestedAt: at(1).toISOString(), confirmedAt: at(4).toISOString() },
    ]);
  });
});
