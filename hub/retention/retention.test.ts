import { randomBytes, randomFillSync, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api.js';
import { DeletionLog, RetentionRules } from '../../protocol/retention.js';
import type { SubmissionRequest, SubmissionStatus } from '../../protocol/submission.js';
import { makeTrackingCode } from '../../protocol/tracking-code.js';
import { sealApplication } from '../../renderer/shared/encryption/seal.js';
import { demoOfficeKeys } from '../../demo/demo-keys.js';
import { migrateToLatest } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import type { HubKysely } from '../db/schema.js';
import { ensureProviderToken } from '../fleet/provider-auth.js';
import { seedIfEmpty } from '../seed/seed.js';
import { buildHub } from '../server.js';
import { registrationForm } from '../testing/fixture-content.js';
import { DEFAULT_ANSWERS, loginCookie, terminalHeaders, testSeed } from '../testing/test-hub.js';
import { testProviderKeys } from '../testing/fleet.js';
import { DAY_MS } from './policy.js';
import { applyRetention } from './store.js';

/**
 * Retention with a moved clock, on both dialects: applications arrive through the terminal API
 * with a sealed attachment each, clerks give them a status, and the clock is moved past (or not
 * quite to) the period. No test waits for real time.
 */
const PROVIDER = 'provider-token-for-retention-tests-0123';
const provider = { authorization: `Bearer ${PROVIDER}` };
const pgUrl = process.env['POP_TEST_POSTGRES_URL'];
if (!pgUrl) console.log('PostgreSQL retention tests skipped: set POP_TEST_POSTGRES_URL to run them.');

interface Setup {
  db: HubKysely;
  close(): Promise<void>;
}

async function sqliteSetup(): Promise<Setup> {
  const dataDir = await mkdtemp(join(tmpdir(), 'pop-retention-'));
  const { db } = openDatabase({ dataDir });
  return {
    db,
    async close() {
      await db.destroy();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function postgresSetup(): Promise<Setup> {
  const schema = `pop_retention_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(pgUrl ?? '');
  url.searchParams.set('options', `-c search_path=${schema}`);
  const { db } = openDatabase({ dataDir: '/nonexistent-unused', databaseUrl: url.toString() });
  return {
    db,
    async close() {
      await db.destroy();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}

const dialects = [
  { name: 'SQLite', setup: sqliteSetup, skip: false },
  { name: 'PostgreSQL', setup: postgresSetup, skip: !pgUrl },
];

describe.each(dialects)('retention on $name', ({ setup, skip }) => {
  let env: Setup;
  let app: FastifyInstance;
  let clock = new Date('2026-03-01T08:00:00.000Z');
  const at = (iso: string) => (clock = new Date(iso));

  beforeAll(async () => {
    if (skip) return;
    env = await setup();
    await migrateToLatest(env.db);
    await seedIfEmpty(env.db, testSeed);
    await ensureProviderToken(env.db, PROVIDER, 'tests', clock);
    app = buildHub({
      db: env.db,
      staticDir: '/nonexistent-static',
      checkAnswers: true,
      providerKeys: testProviderKeys,
      now: () => clock,
    });
    await app.ready();
  });
  afterAll(async () => {
    if (skip) return;
    await app.close();
    await env.close();
  });

  /** An application with one sealed photo, received through the terminal API. */
  async function receive(): Promise<SubmissionRequest> {
    const { request, attachments } = await sealApplication(
      {
        id: randomUUID(),
        trackingCode: makeTrackingCode((bytes) => randomFillSync(bytes)),
        formId: registrationForm.id,
        formVersion: registrationForm.version,
        serviceId: 'anmelden',
        locale: 'de',
        submittedAt: clock.toISOString(),
      },
      DEFAULT_ANSWERS,
      demoOfficeKeys('buergerbuero'),
      [
        {
          id: randomUUID(),
          name: 'foto.jpg',
          mediaType: 'image/jpeg',
          bytes: new Uint8Array(randomBytes(3000)),
        },
      ],
    );
    for (const attachment of attachments) {
      const put = await app.inject({
        method: 'PUT',
        url: `${API.submissionAttachmentChunks(request.id, attachment.id)}?offset=0&length=${attachment.jwe.length}`,
        headers: { 'content-type': 'application/octet-stream', ...terminalHeaders },
        payload: Buffer.from(attachment.jwe, 'latin1'),
      });
      expect(put.statusCode, put.body).toBe(200);
    }
    const posted = await app.inject({
      method: 'POST',
      url: API.submissions,
      headers: terminalHeaders,
      payload: request,
    });
    expect(posted.statusCode, posted.body).toBe(201);
    return request;
  }

  async function setStatus(id: string, status: SubmissionStatus) {
    // The clock moves by days between calls: a session of the moment, as a clerk would log in.
    const cookie = await loginCookie(app);
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/clerk/submissions/${id}/status`,
      headers: { cookie },
      payload: { status, message: '' },
    });
    expect(response.statusCode, response.body).toBe(204);
  }

  async function setRule(scope: string, targetId: string, days: unknown) {
    return app.inject({
      method: 'PUT',
      url: `/api/v1/provider/retention/rules/${scope}/${targetId}`,
      headers: provider,
      payload: { days },
    });
  }

  async function stored(id: string) {
    const submission = await env.db.selectFrom('submissions').select('id').where('id', '=', id).execute();
    const uploads = await env.db
      .selectFrom('attachment_uploads')
      .select('attachment_id')
      .where('submission_id', '=', id)
      .execute();
    const chunks = await env.db
      .selectFrom('attachment_chunks')
      .select('start')
      .where('submission_id', '=', id)
      .execute();
    return { submission: submission.length, uploads: uploads.length, chunks: chunks.length };
  }

  it.skipIf(skip)('refuses rules for unknown targets or with bad days, naming the field', async () => {
    const unknown = await setRule('office', 'no-such-office', 30);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ message: expect.stringContaining('targetId') });
    const badScope = await setRule('terminal', 'buergerbuero', 30);
    expect(badScope.statusCode).toBe(400);
    expect(badScope.json()).toMatchObject({ message: expect.stringContaining('scope') });
    for (const days of [0, 1.5, 'thirty', 40_000]) {
      const bad = await setRule('office', 'buergerbuero', days);
      expect(bad.statusCode, String(days)).toBe(400);
      expect(bad.json()).toMatchObject({ message: expect.stringContaining('days') });
    }
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/provider/retention/rules' });
    expect(anonymous.statusCode).toBe(401);
    const rules = await app.inject({
      method: 'GET',
      url: '/api/v1/provider/retention/rules',
      headers: provider,
    });
    expect(RetentionRules.parse(rules.json()).rules).toEqual([]);
  });

  it.skipIf(skip)(
    'deletes processed applications and their attachments after the period, never undelivered ones, and logs it without content',
    async () => {
      at('2026-03-01T08:00:00.000Z');
      const completed = await receive();
      const rejected = await receive();
      const waiting = await receive(); // never processed: stays received
      const working = await receive(); // in progress: not done by the office
      await setStatus(working.id, 'in-progress');
      at('2026-03-02T10:00:00.000Z');
      await setStatus(completed.id, 'completed');
      await setStatus(rejected.id, 'rejected');

      // The office keeps processed applications for 30 days; the form's own rule says 10.
      const set = await setRule('office', 'buergerbuero', 30);
      expect(set.statusCode, set.body).toBe(200);
      expect(RetentionRules.parse(set.json()).rules).toEqual([
        { scope: 'office', targetId: 'buergerbuero', days: 30, updatedAt: clock.toISOString() },
      ]);

      // A millisecond before the period ends: nothing goes.
      at(new Date(Date.parse('2026-03-02T10:00:00.000Z') + 30 * DAY_MS - 1).toISOString());
      expect(await applyRetention(env.db, clock)).toEqual([]);
      for (const s of [completed, rejected, waiting, working])
        expect(await stored(s.id)).toEqual({ submission: 1, uploads: 1, chunks: 1 });

      // At the end of the period both processed ones go, with their sealed photos.
      at('2026-04-01T10:00:00.000Z');
      const deleted = await applyRetention(env.db, clock);
      expect(deleted.map((d) => d.submissionId).sort()).toEqual([completed.id, rejected.id].sort());
      for (const s of [completed, rejected])
        expect(await stored(s.id)).toEqual({ submission: 0, uploads: 0, chunks: 0 });
      for (const s of [waiting, working])
        expect(await stored(s.id)).toEqual({ submission: 1, uploads: 1, chunks: 1 });
      // The tracking code no longer answers: the hub holds nothing of it.
      const status = await app.inject({
        method: 'GET',
        url: `/api/v1/status/${completed.trackingCode}`,
        headers: terminalHeaders,
      });
      expect(status.statusCode).toBe(404);

      // Years later the unprocessed ones are still there.
      at('2031-01-01T00:00:00.000Z');
      expect(await applyRetention(env.db, clock)).toEqual([]);
      for (const s of [waiting, working])
        expect(await stored(s.id)).toEqual({ submission: 1, uploads: 1, chunks: 1 });

      // The log: what, when, why; no content, no tracking code.
      const log = await app.inject({
        method: 'GET',
        url: '/api/v1/provider/retention/deletions',
        headers: provider,
      });
      expect(log.statusCode, log.body).toBe(200);
      const { deletions } = DeletionLog.parse(log.json());
      const entry = deletions.find((d) => d.submissionId === completed.id);
      expect(entry).toEqual({
        id: expect.any(String),
        submissionId: completed.id,
        officeId: 'buergerbuero',
        formId: registrationForm.id,
        formVersion: registrationForm.version,
        attachmentCount: 1,
        status: 'completed',
        processedAt: '2026-03-02T10:00:00.000Z',
        deletedAt: '2026-04-01T10:00:00.000Z',
        reason: 'retention',
        rule: { scope: 'office', targetId: 'buergerbuero', days: 30 },
      });
      const raw = JSON.stringify(await env.db.selectFrom('deletion_log').selectAll().execute());
      for (const s of [completed, rejected]) {
        expect(raw).not.toContain(s.trackingCode);
        expect(raw).not.toContain(s.data.slice(0, 40));
        expect(raw).not.toContain(s.metadata.slice(0, 40));
      }
      expect(raw).not.toContain(String(DEFAULT_ANSWERS['familyName']));
    },
  );

  it.skipIf(skip)(
    'a form’s rule wins over its office’s, and the hourly job runs on the hub’s clock',
    async () => {
      at('2031-02-01T08:00:00.000Z');
      const short = await receive();
      await setStatus(short.id, 'completed');
      expect((await setRule('form', registrationForm.id, 2)).statusCode).toBe(200);

      // A hub that starts after the period runs the job at once, on its injected clock.
      let later = new Date('2031-02-03T07:59:59.999Z');
      const restart = async () => {
        const second = buildHub({
          db: env.db,
          staticDir: '/nonexistent-static',
          providerKeys: testProviderKeys,
          now: () => later,
        });
        await second.ready();
        await second.close();
      };
      await restart();
      expect(await stored(short.id)).toEqual({ submission: 1, uploads: 1, chunks: 1 });
      later = new Date('2031-02-03T08:00:00.000Z');
      await restart();
      expect(await stored(short.id)).toEqual({ submission: 0, uploads: 0, chunks: 0 });
      const [entry] = await env.db
        .selectFrom('deletion_log')
        .selectAll()
        .where('submission_id', '=', short.id)
        .execute();
      expect(entry).toMatchObject({ rule_scope: 'form', rule_target_id: registrationForm.id, rule_days: 2 });

      // Removing the rule keeps the office's again.
      const removed = await setRule('form', registrationForm.id, null);
      expect(RetentionRules.parse(removed.json()).rules.map((r) => r.scope)).toEqual(['office']);
    },
  );
  it.skipIf(skip)(
    'an application its FIT-Connect destination took over goes after the period from then on',
    async () => {
      at('2032-01-01T08:00:00.000Z');
      const delivered = await receive();
      const underway = await receive();
      // As the sender records it: one accepted by the specialist system, one still submitted.
      for (const [submission, state] of [
        [delivered, 'accepted'],
        [underway, 'submitted'],
      ] as const) {
        await env.db
          .insertInto('fitconnect_deliveries')
          .values({
            submission_id: submission.id,
            office_id: 'buergerbuero',
            destination_id: '00000000-0000-4000-8000-000000000001',
            state,
            fc_submission_id: randomUUID(),
            fc_case_id: randomUUID(),
            uploaded_attachments: '[]',
            attempts: 0,
            next_attempt_at: clock.toISOString(),
            last_error: null,
            quarantine_reason: null,
            created_at: clock.toISOString(),
            updated_at: '2032-01-02T08:00:00.000Z',
          })
          .execute();
      }
      // The office's rule: 30 days (the form rule was removed above).
      at('2032-02-01T07:59:59.999Z');
      expect(await applyRetention(env.db, clock)).toEqual([]);
      at('2032-02-01T08:00:00.000Z');
      const deleted = await applyRetention(env.db, clock);
      expect(deleted).toMatchObject([
        { submissionId: delivered.id, status: 'received', processedAt: '2032-01-02T08:00:00.000Z' },
      ]);
      expect(await stored(delivered.id)).toEqual({ submission: 0, uploads: 0, chunks: 0 });
      expect(await stored(underway.id)).toEqual({ submission: 1, uploads: 1, chunks: 1 });
    },
  );
});
