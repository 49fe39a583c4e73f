import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api.js';
import { TrackingStatus } from '../../protocol/submission.js';
import {
  loginCookie,
  startTestHub,
  submissionBody,
  terminalHeaders,
  type TestHub,
} from '../testing/test-hub.js';
import { LOOKUPS_PER_MINUTE } from './tracking-status.js';

let hub: TestHub;
let cookie: string;
const body = submissionBody();
const clock = new Date('2026-11-03T10:00:00.000Z');

beforeAll(async () => {
  hub = await startTestHub({ now: () => clock });
  const created = await hub.app.inject({
    method: 'POST',
    url: API.submissions,
    headers: terminalHeaders,
    payload: body,
  });
  expect(created.statusCode).toBe(201);
  cookie = await loginCookie(hub.app);
});
afterAll(() => hub.close());

const lookup = (code: string, headers: Record<string, string> = terminalHeaders) =>
  hub.app.inject({ method: 'GET', url: API.trackingStatus(code), headers });

const setStatus = (id: string, payload: object) =>
  hub.app.inject({ method: 'POST', url: API.clerkSubmissionStatus(id), headers: { cookie }, payload });

describe('status back to the citizen', () => {
  it('a new application reads "received", with nothing but the status', async () => {
    const response = await lookup(body.trackingCode);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      trackingCode: body.trackingCode,
      status: 'received',
      message: '',
      updatedAt: expect.any(String),
    });
  });

  it('shows what the clerk set, with the message', async () => {
    const set = await setStatus(body.id, {
      status: 'in-progress',
      message: 'Bitte bringen Sie Ihren Ausweis mit.',
    });
    expect(set.statusCode).toBe(204);
    const status = TrackingStatus.parse((await lookup(body.trackingCode)).json());
    expect(status).toEqual({
      trackingCode: body.trackingCode,
      status: 'in-progress',
      message: 'Bitte bringen Sie Ihren Ausweis mit.',
      updatedAt: clock.toISOString(),
    });
  });

  it('refuses a bad status or an overlong message, and unknown submissions', async () => {
    expect((await setStatus(body.id, { status: 'archived', message: '' })).statusCode).toBe(400);
    expect((await setStatus(body.id, { status: 'completed', message: 'x'.repeat(501) })).statusCode).toBe(
      400,
    );
    expect(
      (await setStatus('00000000-0000-4000-8000-000000000000', { status: 'completed', message: '' }))
        .statusCode,
    ).toBe(404);
    const anonymous = await hub.app.inject({
      method: 'POST',
      url: API.clerkSubmissionStatus(body.id),
      payload: { status: 'completed', message: '' },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers an unknown or malformed code without revealing anything, and only to terminals', async () => {
    expect((await lookup('AAAA-BBBB-CCCC')).statusCode).toBe(404);
    expect((await lookup('nonsense')).statusCode).toBe(400);
    expect((await lookup(body.trackingCode, {})).statusCode).toBe(401);
  });

  it('limits lookups per terminal so codes cannot be guessed', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LOOKUPS_PER_MINUTE + 5; i++)
      statuses.push((await lookup('AAAA-BBBB-CCCC')).statusCode);
    expect(statuses).toContain(429);
    expect((await lookup(body.trackingCode)).statusCode).toBe(429);
  });
});
