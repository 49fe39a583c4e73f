import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api.js';
import { SubmissionDetail, SubmissionList } from '../../protocol/clerk.js';
import type { SubmissionRequest } from '../../protocol/submission.js';
import { hashPassword } from '../auth/passwords.js';
import { certificateForm, registrationForm } from '../testing/fixture-content.js';
import { openSubmission } from '../../renderer/shared/encryption/open.js';
import {
  demoDecryptionKey,
  loginCookie,
  sealedBody,
  startTestHub,
  terminalHeaders,
  TEST_TERMINAL,
  type TestHub,
} from '../testing/test-hub.js';
import { TEST_TENANT } from '../testing/tenant.js';

let hub: TestHub;
let clock = new Date('2026-11-02T08:00:00.000Z');
let cookie: string;
let registrarCookie: string;
const registration = await sealedBody({
  consent: true,
  familyName: 'Musterfrau',
  adults: 2,
  email: 'erika@example.org',
});
const certificate = await sealedBody(
  { familyName: 'Standesamt-Fall' },
  { formId: certificateForm.id, formVersion: certificateForm.version, serviceId: 'urkunde' },
);

async function submitAt(body: SubmissionRequest, at: string): Promise<void> {
  clock = new Date(at);
  const response = await hub.app.inject({
    method: 'POST',
    url: API.submissions,
    headers: terminalHeaders,
    payload: body,
  });
  expect(response.statusCode).toBe(201);
}

beforeAll(async () => {
  hub = await startTestHub({ now: () => clock });
  await submitAt(registration, '2026-11-02T08:00:00.000Z');
  await submitAt(certificate, '2026-11-02T09:00:00.000Z');
  // A clerk of the registry office only.
  await hub.db
    .insertInto('clerks')
    .values({
      username: 'registrar',
      tenant_id: TEST_TENANT.id,
      display_name: 'Max Standesbeamter',
      password_hash: await hashPassword('registrar-pw'),
      office_ids: JSON.stringify(['standesamt']),
      created_at: clock.toISOString(),
    })
    .execute();
  cookie = await loginCookie(hub.app);
  registrarCookie = await loginCookie(hub.app, 'registrar', 'registrar-pw');
});
afterAll(() => hub.close());

const list = (headers: Record<string, string>, query = '') =>
  hub.app.inject({ method: 'GET', url: `${API.clerkSubmissions}${query}`, headers });

describe('GET /api/v1/clerk/submissions', () => {
  it('lists the submissions of the clerk’s offices, newest first, with form titles', async () => {
    const response = await list({ cookie });
    expect(response.statusCode).toBe(200);
    const { submissions } = SubmissionList.parse(response.json());
    expect(submissions.map((s) => s.id)).toEqual([certificate.id, registration.id]);
    expect(submissions[1]).toMatchObject({
      trackingCode: registration.trackingCode,
      formTitle: registrationForm.title.de,
      officeId: 'buergerbuero',
      terminalId: TEST_TERMINAL.id,
      status: 'received',
      submittedAt: registration.submittedAt,
      receivedAt: '2026-11-02T08:00:00.000Z',
    });
  });

  it('shows a clerk only their own offices', async () => {
    const { submissions } = SubmissionList.parse((await list({ cookie: registrarCookie })).json());
    expect(submissions.map((s) => s.id)).toEqual([certificate.id]);
  });

  it('filters by a valid status and refuses an unknown one', async () => {
    const received = SubmissionList.parse((await list({ cookie }, '?status=received')).json());
    expect(received.submissions).toHaveLength(2);
    const completed = SubmissionList.parse((await list({ cookie }, '?status=completed')).json());
    expect(completed.submissions).toEqual([]);
    const bad = await list({ cookie }, '?status=lost');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'invalid_request', issues: [{ path: 'status' }] });
  });

  it('is 401 without a session cookie', async () => {
    const response = await list({});
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: 'unauthenticated' });
  });
});

describe('GET /api/v1/clerk/submissions/:id', () => {
  const detail = (id: string, headers: Record<string, string> = { cookie }) =>
    hub.app.inject({ method: 'GET', url: API.clerkSubmission(id), headers });

  it('hands out the ciphertext and the form; only the office key opens the answers', async () => {
    const response = await detail(registration.id);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('Musterfrau');
    const submission = SubmissionDetail.parse(response.json());
    expect(submission).toMatchObject({
      id: registration.id,
      locale: 'de',
      formTitle: 'Anmeldung (Test)',
      keyId: registration.keyId,
      data: registration.data,
      metadata: registration.metadata,
    });
    expect(submission.form.id).toBe(registrationForm.id);
    const opened = await openSubmission(submission, submission.form, await demoDecryptionKey());
    expect(opened.problems).toEqual([]);
    expect(opened.fieldErrors).toEqual([]);
    expect(opened.answers).toEqual({
      consent: true,
      familyName: 'Musterfrau',
      adults: 2,
      email: 'erika@example.org',
    });
    expect(opened.metadata).toMatchObject({ formId: registrationForm.id, locale: 'de' });
  });

  it('is 404 for an unknown id and for another office’s submission', async () => {
    const unknown = await detail('00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: 'not_found' });
    expect((await detail(registration.id, { cookie: registrarCookie })).statusCode).toBe(404);
    expect((await detail(certificate.id, { cookie: registrarCookie })).statusCode).toBe(200);
  });

  it('is 400 for an id that is not a UUID, 401 without a session', async () => {
    const bad = await detail('not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'invalid_request', issues: [{ path: 'id' }] });
    expect((await detail(registration.id, {})).statusCode).toBe(401);
  });
});
