import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryRecords, DeliveryRouteView } from '../../protocol/delivery.js';
import { StuckApplications } from '../../protocol/quarantine.js';
import { DeliveryKeys, DeliveryRouteAnswer } from '../../protocol/routes/delivery.js';
import { makeDestinationKeys, type DestinationKeys } from '../../tests/support/fitconnect-standin/fixture.js';
import { startStandIn, type StandIn } from '../../tests/support/fitconnect-standin/server.js';
import { deliverDue } from '../delivery/sender.js';
import { ensureProviderToken } from '../fleet/provider-auth.js';
import {
  loginCookie,
  startTestHub,
  submissionBody,
  terminalHeaders,
  type TestHub,
} from '../testing/test-hub.js';

const PROVIDER = 'provider-token-for-tests-0123456789';
const provider = { authorization: `Bearer ${PROVIDER}` };
const DESTINATION = randomUUID();
const url = (office: string) => `/api/v1/provider/offices/${office}/delivery`;

let hub: TestHub;
let keys: DestinationKeys;
let standIn: StandIn;
const clock = new Date('2026-12-01T10:00:00.000Z');

const route = () => ({
  kind: 'fit-connect' as const,
  destinationId: DESTINATION,
  clientId: 'pop-hub',
  clientSecret: 'stand-in-secret',
  tokenUrl: standIn.tokenUrl,
  submissionApiUrl: standIn.url,
  leikaKey: '99115005001000',
  serviceName: 'Anmeldung einer Wohnung',
});

beforeAll(async () => {
  keys = await makeDestinationKeys();
  hub = await startTestHub({ now: () => clock, fitConnect: { intervalMs: 0 } });
  await ensureProviderToken(hub.db, PROVIDER, 'tests', clock);
  standIn = await startStandIn({
    clientId: 'pop-hub',
    clientSecret: 'stand-in-secret',
    destinationId: DESTINATION,
    encryptionKey: keys.encryption,
    destinationSigningKey: keys.destinationSigning,
    serviceSigningKey: keys.serviceSigning,
  });
}, 120_000);
afterAll(async () => {
  await standIn.close();
  await hub.close();
});

describe('office delivery routes', () => {
  it('need a provider token', async () => {
    const response = await hub.app.inject({ method: 'GET', url: url('buergerbuero') });
    expect(response.statusCode).toBe(401);
  });

  it('default to the inbox; bad input names the field and changes nothing', async () => {
    const before = await hub.app.inject({ method: 'GET', url: url('buergerbuero'), headers: provider });
    expect(DeliveryRouteView.parse(before.json())).toEqual({ officeId: 'buergerbuero', kind: 'inbox' });
    const bad = await hub.app.inject({
      method: 'PUT',
      url: url('buergerbuero'),
      headers: provider,
      payload: { ...route(), leikaKey: '123' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('leikaKey');
    const plain = await hub.app.inject({
      method: 'PUT',
      url: url('buergerbuero'),
      headers: provider,
      payload: { ...route(), tokenUrl: 'http://auth.example.org/token' },
    });
    expect(plain.statusCode).toBe(400);
    expect(plain.body).toContain('tokenUrl must use https');
    const noSecret = await hub.app.inject({
      method: 'PUT',
      url: url('buergerbuero'),
      headers: provider,
      payload: { ...route(), clientSecret: undefined },
    });
    expect(noSecret.statusCode).toBe(422);
    expect(noSecret.body).toContain('clientSecret');
    const after = await hub.app.inject({ method: 'GET', url: url('buergerbuero'), headers: provider });
    expect(after.json()).toEqual(before.json());
    const unknown = await hub.app.inject({
      method: 'PUT',
      url: url('nowhere'),
      headers: provider,
      payload: route(),
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('set to FIT-Connect: the hub fetches the destination key, shows no secret, passes the key on', async () => {
    const response = await hub.app.inject({
      method: 'PUT',
      url: url('buergerbuero'),
      headers: provider,
      payload: route(),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body).not.toContain('stand-in-secret');
    const answer = DeliveryRouteAnswer.parse(response.json());
    expect(answer.keyProblem).toBeNull();
    expect(answer.route).toMatchObject({
      kind: 'fit-connect',
      clientSecretSet: true,
      encryptionKid: keys.encryption.kid,
    });
    expect(standIn.log).toEqual(
      expect.arrayContaining([
        `GET /v1/destinations/${DESTINATION}`,
        `GET /v1/destinations/${DESTINATION}/keys/${keys.encryption.kid}`,
      ]),
    );
    const forTerminals = await hub.app.inject({
      method: 'GET',
      url: '/api/v1/terminal/delivery-keys',
      headers: terminalHeaders,
    });
    const { keys: passed } = DeliveryKeys.parse(forTerminals.json());
    expect(passed).toHaveLength(1);
    expect(passed[0]).toMatchObject({
      officeId: 'buergerbuero',
      destinationId: DESTINATION,
      kid: keys.encryption.kid,
    });
    expect(passed[0]?.jwk.n).toBe(keys.encryption.publicJwk.n);
  });

  it('refuses an application sealed to an office key once the office delivers through FIT-Connect', async () => {
    const response = await hub.app.inject({
      method: 'POST',
      url: '/api/v1/submissions',
      headers: terminalHeaders,
      payload: submissionBody(),
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('FIT-Connect');
  });

  it('say when the key cannot be fetched', async () => {
    const response = await hub.app.inject({
      method: 'PUT',
      url: url('buergerbuero'),
      headers: provider,
      payload: { ...route(), destinationId: randomUUID() },
    });
    expect(response.statusCode).toBe(200);
    expect(DeliveryRouteAnswer.parse(response.json()).keyProblem).toMatch(/404/);
    // Back to the working destination for the next test.
    await hub.app.inject({
      method: 'PUT',
      url: url('buergerbuero'),
      headers: provider,
      payload: { ...route(), clientSecret: undefined },
    });
  });

  it('an application the hub cannot hand on shows in both consoles with heldBy hub and the reason', async () => {
    const keyed = await hub.app.inject({ method: 'GET', url: url('buergerbuero'), headers: provider });
    const kid = DeliveryRouteView.parse(keyed.json());
    expect(kid).toMatchObject({ encryptionKid: keys.encryption.kid });
    // Stored as the hub stores one (the terminal path runs in hub/delivery/sender.test.ts); a 422 at FIT-Connect quarantines it.
    const body = submissionBody({ keyId: keys.encryption.kid });
    await hub.db
      .insertInto('fitconnect_deliveries')
      .values({
        submission_id: body.id,
        office_id: 'buergerbuero',
        destination_id: DESTINATION,
        state: 'pending',
        fc_submission_id: null,
        fc_case_id: null,
        uploaded_attachments: '[]',
        attempts: 0,
        next_attempt_at: clock.toISOString(),
        last_error: null,
        quarantine_reason: null,
        created_at: clock.toISOString(),
        updated_at: clock.toISOString(),
      })
      .execute();
    await hub.db
      .insertInto('submissions')
      .values({
        id: body.id,
        tracking_code: body.trackingCode,
        form_id: body.formId,
        form_version: body.formVersion,
        service_id: body.serviceId,
        office_id: 'buergerbuero',
        terminal_id: 'test-terminal',
        locale: 'de',
        key_id: body.keyId,
        data_jwe: body.data,
        metadata_jwe: body.metadata,
        body_hash: 'x',
        status: 'received',
        status_message: '',
        status_updated_at: null,
        submitted_at: body.submittedAt,
        received_at: clock.toISOString(),
        attachments: '[]',
      })
      .execute();
    standIn.inject({ method: 'POST', path: '/v1/submissions', action: { status: 422 } });
    await deliverDue({ db: hub.db, now: () => clock });

    const journal = await hub.app.inject({
      method: 'GET',
      url: '/api/v1/provider/deliveries',
      headers: provider,
    });
    const record = DeliveryRecords.parse(journal.json()).items.find((i) => i.submissionId === body.id);
    expect(record).toMatchObject({ state: 'quarantined' });
    expect(record?.quarantineReason).toMatch(/422/);

    const fleet = await hub.app.inject({
      method: 'GET',
      url: '/api/v1/provider/quarantine',
      headers: provider,
    });
    const item = StuckApplications.parse(fleet.json()).items.find((i) => i.submissionId === body.id);
    expect(item).toMatchObject({ heldBy: 'hub', officeId: 'buergerbuero', terminalId: 'test-terminal' });
    expect(item?.reason).toMatch(/^FIT-Connect: .*422/);

    const clerk = await hub.app.inject({
      method: 'GET',
      url: '/api/v1/clerk/quarantine',
      headers: { cookie: await loginCookie(hub.app) },
    });
    expect(StuckApplications.parse(clerk.json()).items.map((i) => i.submissionId)).toContain(body.id);
  });
});
