import { randomFillSync, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api.js';
import { METADATA_SCHEMA_URI } from '../../protocol/fitconnect/metadata.js';
import { TrackingStatus } from '../../protocol/submission.js';
import { makeTrackingCode } from '../../protocol/tracking-code.js';
import { sealForFitConnect } from '../../renderer/shared/encryption/seal-fitconnect.js';
import type { PlainAttachment } from '../../renderer/shared/encryption/seal.js';
import {
  makeDestinationKeys,
  receiveWithPython,
  type DestinationKeys,
} from '../../tests/support/fitconnect-standin/fixture.js';
import { startStandIn, type Fault, type StandIn } from '../../tests/support/fitconnect-standin/server.js';
import { DEFAULT_ANSWERS, startTestHub, terminalHeaders, type TestHub } from '../testing/test-hub.js';
import { registrationForm } from '../testing/fixture-content.js';
import { startPostgresTestHub } from '../testing/postgres-hub.js';
import { findRoute, saveRoute } from './route-store.js';
import { deliverDue, MAX_DELIVERY_ATTEMPTS, refreshDestinationKey, type SenderDeps } from './sender.js';

const OFFICE = 'buergerbuero';
const DESTINATION = randomUUID();
const CLIENT = { clientId: 'pop-hub-buergerbuero', clientSecret: 'stand-in-secret' };

let hub: TestHub;
let keys: DestinationKeys;
let standIn: StandIn;
let clock = new Date('2026-12-01T10:00:00.000Z');

const deps = (extra: Partial<SenderDeps> = {}): SenderDeps => ({
  db: hub.db,
  now: () => clock,
  client: { timeoutMs: 400, now: () => clock },
  ...extra,
});

const POSTGRES = process.env['POP_TEST_POSTGRES_URL'];
const hubOptions = { now: () => clock, fitConnect: { intervalMs: 0 } };
/** Every test on SQLite, and on PostgreSQL when CI gives one (the sender's claims are SQL). */
const DIALECTS: [string, () => Promise<TestHub>][] = [
  ['SQLite', () => startTestHub(hubOptions)],
  ...(POSTGRES
    ? [['PostgreSQL', () => startPostgresTestHub(POSTGRES, hubOptions)] as [string, () => Promise<TestHub>]]
    : []),
];

beforeAll(async () => {
  keys = await makeDestinationKeys();
}, 120_000);

describe.each(DIALECTS)('on %s', (_dialect, start) => {
  beforeAll(async () => {
    hub = await start();
  }, 60_000);
  afterAll(async () => hub.close());

  beforeEach(async () => {
    clock = new Date('2026-12-01T10:00:00.000Z');
    standIn = await startStandIn({
      ...CLIENT,
      destinationId: DESTINATION,
      encryptionKey: keys.encryption,
      destinationSigningKey: keys.destinationSigning,
      serviceSigningKey: keys.serviceSigning,
    });
    await saveRoute(
      hub.db,
      OFFICE,
      {
        kind: 'fit-connect',
        destinationId: DESTINATION,
        ...CLIENT,
        tokenUrl: standIn.tokenUrl,
        submissionApiUrl: standIn.url,
        leikaKey: '99115005001000',
        serviceName: 'Anmeldung einer Wohnung',
      },
      clock,
    );
    await refreshDestinationKey(deps(), OFFICE);
  });
  afterEach(async () => standIn.close());

  /** The terminal's part: seal to the destination key the hub passed on, upload, submit. */
  async function sendFromTerminal(files = 1) {
    const route = await findRoute(hub.db, OFFICE);
    const jwk = JSON.parse(route?.encryption_jwk ?? 'null') as JsonWebKey & { kid: string };
    const attachments: PlainAttachment[] = Array.from({ length: files }, (_, i) => ({
      id: randomUUID(),
      name: `ausweis-${i}.pdf`,
      mediaType: 'application/pdf',
      bytes: new TextEncoder().encode(`%PDF-1.4 scan ${i} ${randomUUID()}`),
    }));
    const { request, attachments: sealed } = await sealForFitConnect(
      {
        id: randomUUID(),
        trackingCode: makeTrackingCode((bytes) => randomFillSync(bytes)),
        formId: registrationForm.id,
        formVersion: registrationForm.version,
        serviceId: 'anmelden',
        locale: 'de',
        submittedAt: '2026-11-30T09:30:00.000+01:00',
      },
      DEFAULT_ANSWERS,
      { kid: jwk.kid, jwk },
      { form: registrationForm, service: { leikaKey: '99115005001000', name: 'Anmeldung einer Wohnung' } },
      attachments,
    );
    for (const a of sealed) {
      const put = await hub.app.inject({
        method: 'PUT',
        url: `${API.submissionAttachmentChunks(request.id, a.id)}?offset=0&length=${a.jwe.length}`,
        headers: { 'content-type': 'application/octet-stream', ...terminalHeaders },
        payload: Buffer.from(a.jwe, 'latin1'),
      });
      expect(put.statusCode, put.body).toBe(200);
    }
    const post = await hub.app.inject({
      method: 'POST',
      url: API.submissions,
      headers: terminalHeaders,
      payload: request,
    });
    expect(post.statusCode, post.body).toBe(201);
    return { request, attachments };
  }

  async function delivery(id: string) {
    return hub.db
      .selectFrom('fitconnect_deliveries')
      .selectAll()
      .where('submission_id', '=', id)
      .executeTakeFirstOrThrow();
  }

  /** Runs the sender until nothing changes, moving the clock past every back-off in between. */
  async function deliverUntilSettled(extra: Partial<SenderDeps> = {}, passes = 20) {
    for (let i = 0; i < passes; i += 1) {
      await deliverDue(deps(extra));
      clock = new Date(clock.getTime() + 60 * 60 * 1000);
    }
  }

  /** The sender reads event logs once a minute: the next pass comes later. */
  async function deliverLater() {
    clock = new Date(clock.getTime() + 60 * 60 * 1000);
    await deliverDue(deps());
  }

  function present<T>(value: T | null | undefined, what = 'value'): T {
    if (value === null || value === undefined) throw new Error(`no ${what}`);
    return value;
  }

  function arrivedFor(fcSubmissionId: string | null) {
    return standIn.submitted().filter((s) => s.submissionId === fcSubmissionId);
  }

  describe('FIT-Connect delivery against the stand-in', () => {
    it('delivers once; the receiver decrypts and validates with independent tools; events become the status', async () => {
      const { request, attachments } = await sendFromTerminal(2);
      expect(standIn.submissions.size).toBe(0);
      await deliverDue(deps());

      const row = await delivery(request.id);
      expect(row.state).toBe('submitted');
      expect(standIn.submitted()).toHaveLength(1);
      const arrived = present(standIn.submitted()[0], 'submission');
      expect(arrived.submissionId).toBe(row.fc_submission_id);
      expect(arrived.caseId).toBe(row.fc_case_id);
      expect(arrived.serviceType).toEqual({
        name: 'Anmeldung einer Wohnung',
        identifier: 'urn:de:fim:leika:leistung:99115005001000',
      });
      // The hub forwarded ciphertext only: what arrived is the terminal's JWE, byte for byte.
      expect(arrived.encryptedData).toBe(request.data);

      const received = await receiveWithPython(arrived, keys.encryption.privateJwk);
      expect(received.errors).toEqual([]);
      expect(received.ok).toBe(true);
      expect(received.data).toEqual(DEFAULT_ANSWERS);
      expect(received.metadata.$schema).toBe(METADATA_SCHEMA_URI);
      expect(Object.keys(received.attachments).sort()).toEqual(attachments.map((a) => a.id).sort());

      const before = await hub.app.inject({
        method: 'GET',
        url: API.trackingStatus(request.trackingCode),
        headers: terminalHeaders,
      });
      expect(TrackingStatus.parse(before.json()).status).toBe('received');

      standIn.accept(arrived.submissionId);
      await deliverLater();
      expect((await delivery(request.id)).state).toBe('accepted');
      const after = await hub.app.inject({
        method: 'GET',
        url: API.trackingStatus(request.trackingCode),
        headers: terminalHeaders,
      });
      expect(TrackingStatus.parse(after.json())).toMatchObject({ status: 'in-progress' });
      expect(standIn.log.filter((l) => l === 'POST /v1/submissions')).toHaveLength(1);
    }, 60_000);

    it('the receiver notices metadata that breaks the vendored schema', async () => {
      const { request } = await sendFromTerminal(0);
      await deliverDue(deps());
      const arrived = present(standIn.submitted()[0], 'submission');
      // A hand-made bad record to the same key: the receiving tools must refuse it, not the hub.
      const { encryptJsonJwe, importEncryptionKey } = await import('../../renderer/shared/encryption/jwe.js');
      const key = await importEncryptionKey(keys.encryption.publicJwk);
      const bad = {
        ...arrived,
        encryptedMetadata: await encryptJsonJwe({ contentStructure: {} }, key, keys.encryption.kid),
      };
      const received = await receiveWithPython(bad, keys.encryption.privateJwk);
      expect(received.ok).toBe(false);
      expect(received.errors.join('\n')).toMatch(/attachments/);
      expect(request.id).toBeTruthy();
    }, 60_000);

    it('shows a reject event to the citizen as rejected, with the reason', async () => {
      const { request } = await sendFromTerminal(0);
      await deliverDue(deps());
      const row = await delivery(request.id);
      standIn.reject(present(row.fc_submission_id), { title: 'Unvollständig', detail: 'Nachweis fehlt' });
      await deliverLater();
      expect((await delivery(request.id)).state).toBe('rejected');
      const status = await hub.app.inject({
        method: 'GET',
        url: API.trackingStatus(request.trackingCode),
        headers: terminalHeaders,
      });
      expect(TrackingStatus.parse(status.json())).toMatchObject({ status: 'rejected' });
      expect(TrackingStatus.parse(status.json()).message).toContain('Nachweis fehlt');
    }, 60_000);

    it('reads a sent application’s event log again after eventPollMs (a minute by default)', async () => {
      const { request } = await sendFromTerminal(0);
      await deliverDue(deps());
      const sentAt = clock.getTime();
      expect(Date.parse((await delivery(request.id)).next_attempt_at)).toBe(sentAt + 60_000);
      clock = new Date(sentAt + 60_000);
      await deliverDue(deps({ eventPollMs: 5_000 }));
      expect(Date.parse((await delivery(request.id)).next_attempt_at)).toBe(sentAt + 65_000);
    }, 60_000);

    it('keeps a submitted application submitted while its event log cannot be read', async () => {
      const { request } = await sendFromTerminal(0);
      await deliverDue(deps());
      standIn.inject({
        method: 'GET',
        path: '/v1/submissions/:id/events',
        action: { status: 500 },
        times: 30,
      });
      await deliverUntilSettled({}, 20);
      const row = await delivery(request.id);
      expect(row.state).toBe('submitted');
      expect(row.last_error).toMatch(/500/);
      standIn.accept(present(row.fc_submission_id));
      await deliverUntilSettled({}, 12);
      expect((await delivery(request.id)).state).toBe('accepted');
    }, 60_000);

    it('ignores an event whose signature does not verify', async () => {
      const { request } = await sendFromTerminal(0);
      await deliverDue(deps());
      const row = await delivery(request.id);
      const sub = present(standIn.submissions.get(present(row.fc_submission_id)));
      standIn.accept(sub.submissionId);
      const forged = present(sub.events.pop());
      const [h, p] = forged.split('.');
      sub.events.push(`${h}.${p}.${Buffer.from('not a signature').toString('base64url')}`);
      await deliverLater();
      expect((await delivery(request.id)).state).toBe('submitted');
    }, 60_000);
  });

  type Expect = { state: 'submitted' | 'quarantined'; reason?: RegExp; announcements?: number };
  const FAULTS: [string, Fault[], Expect][] = [
    [
      '401 once (token expired): a new token, then on',
      [{ method: 'POST', path: '/v1/submissions', action: { status: 401 } }],
      { state: 'submitted', announcements: 2 },
    ],
    [
      '401 again with a fresh token: quarantined',
      [{ method: 'POST', path: '/v1/submissions', action: { status: 401 }, times: 2 }],
      { state: 'quarantined', reason: /401 again/ },
    ],
    [
      '422 on the announcement: quarantined with the problem',
      [{ method: 'POST', path: '/v1/submissions', action: { status: 422 } }],
      { state: 'quarantined', reason: /422 fault-422/ },
    ],
    [
      '409 on submit that never happened: quarantined',
      [{ method: 'PUT', path: '/v1/submissions/:id', action: { status: 409 } }],
      { state: 'quarantined', reason: /refused the submit/ },
    ],
    [
      '503 on an attachment: retried later',
      [{ method: 'PUT', path: '/v1/submissions/:id/attachments/:id', action: { status: 503 } }],
      { state: 'submitted', announcements: 1 },
    ],
    [
      '500 on every try: quarantined after the last attempt',
      [{ method: 'POST', path: '/v1/submissions', action: { status: 500 }, times: 100 }],
      { state: 'quarantined', reason: new RegExp(`gave up after ${MAX_DELIVERY_ATTEMPTS} attempts`) },
    ],
    [
      'timeout on the announcement: retried',
      [{ method: 'POST', path: '/v1/submissions', action: { hang: 'before' } }],
      { state: 'submitted', announcements: 2 },
    ],
    [
      'submit done but its answer times out: the 409 and the submit event prove it',
      [{ method: 'PUT', path: '/v1/submissions/:id', action: { hang: 'after' } }],
      { state: 'submitted', announcements: 1 },
    ],
    [
      'connection lost after the announcement: announced again, the first never submitted',
      [{ method: 'POST', path: '/v1/submissions', action: { drop: 'after' } }],
      { state: 'submitted', announcements: 2 },
    ],
    [
      'connection lost after an attachment upload: uploaded again',
      [{ method: 'PUT', path: '/v1/submissions/:id/attachments/:id', action: { drop: 'after' } }],
      { state: 'submitted', announcements: 1 },
    ],
    [
      'connection lost before the submit: submitted on the next pass',
      [{ method: 'PUT', path: '/v1/submissions/:id', action: { drop: 'before' } }],
      { state: 'submitted', announcements: 1 },
    ],
  ];

  describe('fault table: every application arrives exactly once or is quarantined with its reason', () => {
    it.each(FAULTS)(
      '%s',
      async (_name, faults, expected) => {
        for (const fault of faults) standIn.inject(fault);
        const { request } = await sendFromTerminal(1);
        await deliverUntilSettled();
        const row = await delivery(request.id);
        expect(row.state, row.quarantine_reason ?? row.last_error ?? '').toBe(expected.state);
        if (expected.state === 'submitted') {
          expect(arrivedFor(row.fc_submission_id)).toHaveLength(1);
          expect(standIn.submitted()).toHaveLength(1);
          const received = await receiveWithPython(
            present(standIn.submitted()[0], 'submission'),
            keys.encryption.privateJwk,
          );
          expect(received.errors).toEqual([]);
        } else {
          expect(standIn.submitted()).toHaveLength(0);
          expect(row.quarantine_reason).toMatch(present(expected.reason));
        }
        if (expected.announcements !== undefined)
          expect(standIn.log.filter((l) => l === 'POST /v1/submissions')).toHaveLength(
            expected.announcements,
          );
      },
      60_000,
    );

    it.each(['created', 'attachment', 'submitted'] as const)(
      'a crash right after step %s resumes without a second submission',
      async (step) => {
        const { request } = await sendFromTerminal(2);
        let crashed = false;
        const crash = (at: string) => {
          if (at === step && !crashed) {
            crashed = true;
            throw new Error(`crash after ${at}`);
          }
        };
        await expect(deliverDue(deps({ afterStep: crash }))).rejects.toThrow(`crash after ${step}`);
        // A new process: nothing in memory, only the journal row.
        await deliverUntilSettled({}, 3);
        const row = await delivery(request.id);
        expect(row.state).toBe('submitted');
        expect(standIn.log.filter((l) => l === 'POST /v1/submissions')).toHaveLength(1);
        expect(standIn.submitted()).toHaveLength(1);
        expect(arrivedFor(row.fc_submission_id)).toHaveLength(1);
      },
      60_000,
    );
  });
});
