import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DiscardRecords,
  QUARANTINE_API,
  QuarantineReportAnswer,
  StuckApplications,
  type QuarantinedItem,
} from '../../protocol/quarantine.js';
import { hashPassword } from '../auth/passwords.js';
import { ensureProviderToken } from '../fleet/provider-auth.js';
import { registrationForm } from '../testing/fixture-content.js';
import {
  loginCookie,
  startTestHub,
  terminalHeaders,
  TEST_TERMINAL,
  type TestHub,
} from '../testing/test-hub.js';
import { TEST_TENANT } from '../testing/tenant.js';

const PROVIDER = 'provider-token-for-quarantine-tests-0123';
const provider = { authorization: `Bearer ${PROVIDER}` };
let hub: TestHub;
let clock = new Date('2026-11-21T10:00:00.000Z');

beforeAll(async () => {
  hub = await startTestHub({ now: () => clock });
  await ensureProviderToken(hub.db, PROVIDER, 'tests', clock);
  // A clerk of the registry office only: the citizens' office's stuck applications are not theirs.
  await hub.db
    .insertInto('clerks')
    .values({
      username: 'registry',
      tenant_id: TEST_TENANT.id,
      display_name: 'Registry clerk',
      password_hash: await hashPassword('registry-password'),
      office_ids: JSON.stringify(['standesamt']),
      created_at: clock.toISOString(),
    })
    .execute();
});
afterAll(() => hub.close());

function item(overrides: Partial<QuarantinedItem> = {}): QuarantinedItem {
  return {
    submissionId: randomUUID(),
    formId: registrationForm.id,
    formVersion: registrationForm.version,
    serviceId: 'anmelden',
    officeId: null,
    reason: 'The office buergerbuero holds no key "old-key".',
    quarantinedAt: '2026-11-21T09:58:00.000Z',
    ...overrides,
  };
}

async function report(items: QuarantinedItem[]) {
  const response = await hub.app.inject({
    method: 'POST',
    url: QUARANTINE_API.terminal,
    headers: terminalHeaders,
    payload: { items },
  });
  expect(response.statusCode).toBe(200);
  return QuarantineReportAnswer.parse(response.json());
}

async function providerList() {
  const response = await hub.app.inject({ method: 'GET', url: QUARANTINE_API.provider, headers: provider });
  expect(response.statusCode).toBe(200);
  return StuckApplications.parse(response.json()).items;
}

describe('quarantine reports', () => {
  it('refuses strangers, malformed reports and anything that could carry the answers', async () => {
    const anonymous = await hub.app.inject({
      method: 'POST',
      url: QUARANTINE_API.terminal,
      payload: { items: [] },
    });
    expect(anonymous.statusCode).toBe(401);
    const withData = await hub.app.inject({
      method: 'POST',
      url: QUARANTINE_API.terminal,
      headers: terminalHeaders,
      payload: { items: [{ ...item(), data: 'eyJhbGciOi...' }] },
    });
    expect(withData.statusCode).toBe(400);
    expect(withData.json()).toMatchObject({ message: expect.stringContaining('data') });
    const badId = await hub.app.inject({
      method: 'POST',
      url: QUARANTINE_API.terminal,
      headers: terminalHeaders,
      payload: { items: [item({ submissionId: 'not-a-uuid' })] },
    });
    expect(badId.statusCode).toBe(400);
    expect(await providerList()).toEqual([]);
  });

  it('shows the latest report to the provider, with the office from the hub’s own forms', async () => {
    const first = item();
    const second = item({
      formId: 'test-urkunde',
      serviceId: 'urkunde',
      reason: 'unknown service',
      quarantinedAt: '2026-11-21T09:59:00.000Z',
    });
    expect(await report([first, second])).toEqual({ retry: [], discard: [] });
    const listed = await providerList();
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatchObject({
      terminalId: TEST_TERMINAL.id,
      terminalName: TEST_TERMINAL.name,
      submissionId: first.submissionId,
      officeId: 'buergerbuero',
      reason: first.reason,
      quarantinedAt: first.quarantinedAt,
      reportedAt: clock.toISOString(),
      retryRequestedAt: null,
    });
    expect(listed[1]).toMatchObject({ submissionId: second.submissionId, officeId: 'standesamt' });

    // The next report replaces the list: an item sent in the meantime is gone.
    await report([second]);
    expect((await providerList()).map((s) => s.submissionId)).toEqual([second.submissionId]);
    await report([]);
    expect(await providerList()).toEqual([]);
  });

  it('shows a clerk only the stuck applications of the clerk’s offices', async () => {
    const citizens = item();
    const registry = item({ formId: 'test-urkunde', serviceId: 'urkunde' });
    const unknownForm = item({
      formId: 'gone-form',
      officeId: 'standesamt',
      reason: 'unknown form',
      quarantinedAt: '2026-11-21T09:59:00.000Z',
    });
    await report([citizens, registry, unknownForm]);

    const list = async (cookie: string) => {
      const response = await hub.app.inject({
        method: 'GET',
        url: QUARANTINE_API.clerk,
        headers: { cookie },
      });
      expect(response.statusCode).toBe(200);
      return StuckApplications.parse(response.json()).items.map((s) => s.submissionId);
    };
    expect(await list(await loginCookie(hub.app))).toHaveLength(3);
    expect(await list(await loginCookie(hub.app, 'registry', 'registry-password'))).toEqual([
      registry.submissionId,
      unknownForm.submissionId,
    ]);
    const anonymous = await hub.app.inject({ method: 'GET', url: QUARANTINE_API.clerk });
    expect(anonymous.statusCode).toBe(401);
    const terminalAsProvider = await hub.app.inject({
      method: 'GET',
      url: QUARANTINE_API.provider,
      headers: terminalHeaders,
    });
    expect(terminalAsProvider.statusCode).toBe(401);
    await report([]);
  });

  it('hands a provider’s retry request to the terminal once', async () => {
    const stuck = item();
    await report([stuck]);
    const unknown = await hub.app.inject({
      method: 'POST',
      url: QUARANTINE_API.providerRetry(TEST_TERMINAL.id, randomUUID()),
      headers: provider,
      payload: {},
    });
    expect(unknown.statusCode).toBe(404);
    const asked = await hub.app.inject({
      method: 'POST',
      url: QUARANTINE_API.providerRetry(TEST_TERMINAL.id, stuck.submissionId),
      headers: provider,
      payload: {},
    });
    expect(asked.statusCode).toBe(202);
    expect((await providerList())[0]?.retryRequestedAt).toBe(clock.toISOString());

    clock = new Date(clock.getTime() + 30_000);
    expect(await report([stuck])).toEqual({ retry: [stuck.submissionId], discard: [] });
    expect(await report([stuck])).toEqual({ retry: [], discard: [] });
    expect((await providerList())[0]?.retryRequestedAt).toBeNull();

    // Refused again after the retry: a newer time, and no second retry without a new request.
    await hub.app.inject({
      method: 'POST',
      url: QUARANTINE_API.providerRetry(TEST_TERMINAL.id, stuck.submissionId),
      headers: provider,
      payload: {},
    });
    expect(await report([{ ...stuck, quarantinedAt: '2026-11-21T10:00:40.000Z' }])).toEqual({
      retry: [],
      discard: [],
    });
    await report([]);
  });

  it('lets the responsible office discard an item with a reason; the terminal deletes it and the audit trail keeps it', async () => {
    const lost = item({ reason: 'The office buergerbuero holds no key "lost-key".' });
    const other = item();
    await report([lost, other]);
    const discard = (cookie: string | undefined, id: string, reason: unknown) =>
      hub.app.inject({
        method: 'POST',
        url: QUARANTINE_API.clerkDiscard(TEST_TERMINAL.id, id),
        headers: cookie ? { cookie } : {},
        payload: { reason },
      });
    const citizensClerk = await loginCookie(hub.app);
    const registryClerk = await loginCookie(hub.app, 'registry', 'registry-password');
    const because = 'Key lost for good; the citizen applied again in person.';

    expect((await discard(undefined, lost.submissionId, because)).statusCode).toBe(401);
    // Not the registry office's application: as if it did not exist.
    expect((await discard(registryClerk, lost.submissionId, because)).statusCode).toBe(404);
    expect((await discard(citizensClerk, randomUUID(), because)).statusCode).toBe(404);
    const vague = await discard(citizensClerk, lost.submissionId, 'gone');
    expect(vague.statusCode).toBe(400);
    expect(vague.body).toContain('at least 10 characters');
    // Nothing was recorded by the refused requests.
    expect((await providerList()).every((s) => s.discardRequestedAt === null)).toBe(true);

    clock = new Date(clock.getTime() + 60_000);
    expect((await discard(citizensClerk, lost.submissionId, because)).statusCode).toBe(202);
    expect((await discard(citizensClerk, lost.submissionId, 'Another reason, later on.')).statusCode).toBe(
      200,
    );
    const shown = (await providerList()).find((s) => s.submissionId === lost.submissionId);
    expect(shown).toMatchObject({ discardRequestedAt: clock.toISOString(), discardReason: because });

    // The terminal is told with every report until it no longer holds the item.
    expect(await report([lost, other])).toEqual({ retry: [], discard: [lost.submissionId] });
    expect(await report([lost, other])).toEqual({ retry: [], discard: [lost.submissionId] });
    const audit = async () => {
      const response = await hub.app.inject({
        method: 'GET',
        url: QUARANTINE_API.providerDiscards,
        headers: provider,
      });
      expect(response.statusCode).toBe(200);
      return DiscardRecords.parse(response.json()).items;
    };
    expect((await audit())[0]).toMatchObject({ submissionId: lost.submissionId, confirmedAt: null });
    clock = new Date(clock.getTime() + 60_000);
    expect(await report([other])).toEqual({ retry: [], discard: [] });
    expect(await audit()).toEqual([
      {
        terminalId: TEST_TERMINAL.id,
        submissionId: lost.submissionId,
        formId: lost.formId,
        formVersion: lost.formVersion,
        serviceId: lost.serviceId,
        officeId: 'buergerbuero',
        quarantineReason: lost.reason,
        discardReason: because,
        requestedBy: 'clerk',
        requestedAt: new Date(clock.getTime() - 60_000).toISOString(),
        confirmedAt: clock.toISOString(),
      },
    ]);
    expect((await providerList()).map((s) => s.submissionId)).toEqual([other.submissionId]);
    const terminalAsProvider = await hub.app.inject({
      method: 'GET',
      url: QUARANTINE_API.providerDiscards,
      headers: terminalHeaders,
    });
    expect(terminalAsProvider.statusCode).toBe(401);
    await report([]);
  });
});

describe('stuck applications by name', () => {
  it('carry the office’s and the form’s German names, and none for a form the hub does not know', async () => {
    const known = item();
    const gone = item({ formId: 'gone-form', officeId: 'standesamt', reason: 'unknown form' });
    await report([known, gone]);
    const items = await providerList();
    const byId = new Map(items.map((s) => [s.submissionId, s]));
    expect(byId.get(known.submissionId)).toMatchObject({
      officeId: 'buergerbuero',
      officeName: expect.stringMatching(/\S/),
      formTitle: registrationForm.title.de,
    });
    expect(byId.get(known.submissionId)?.officeName).not.toBe('buergerbuero');
    expect(byId.get(gone.submissionId)?.formTitle).toBeNull();
    await report([]);
  });
});
