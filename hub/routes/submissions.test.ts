import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api.js';
import { ApiError } from '../../protocol/errors.js';
import {
  MAX_SUBMISSION_BYTES,
  SubmissionReceipt,
  type SubmissionRequest,
} from '../../protocol/submission.js';
import type { Office } from '../../protocol/catalog.js';
import { demoOfficeKeys } from '../../demo/demo-keys.js';
import { registrationFormV1 } from '../testing/fixture-content.js';
import {
  DEFAULT_ANSWERS,
  sealedBody,
  startTestHub,
  submissionBody,
  terminalHeaders,
  TEST_TERMINAL,
  type TestHub,
} from '../testing/test-hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

function submit(body: unknown, headers: Record<string, string> = terminalHeaders) {
  return hub.app.inject({ method: 'POST', url: API.submissions, headers, payload: body as object });
}

async function rowsWithId(id: string) {
  return hub.db.selectFrom('submissions').selectAll().where('id', '=', id).execute();
}

describe('POST /api/v1/submissions', () => {
  it('stores a new submission (201) and answers an identical resend with the same receipt (200)', async () => {
    const body = submissionBody();
    const first = await submit(body);
    expect(first.statusCode).toBe(201);
    const receipt = SubmissionReceipt.parse(first.json());
    expect(receipt).toMatchObject({ id: body.id, trackingCode: body.trackingCode, status: 'received' });

    const [row] = await rowsWithId(body.id);
    expect(row).toMatchObject({
      form_id: body.formId,
      form_version: body.formVersion,
      office_id: 'buergerbuero',
      terminal_id: TEST_TERMINAL.id,
      received_at: receipt.receivedAt,
    });
    // The hub keeps exactly the ciphertext it got, and nothing of the plaintext.
    expect(row).toMatchObject({ key_id: body.keyId, data_jwe: body.data, metadata_jwe: body.metadata });
    expect(JSON.stringify(row)).not.toContain('Musterfrau');

    // Keys in another order are the same request.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const replay = await submit(reordered);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual(receipt);
    expect(await rowsWithId(body.id)).toHaveLength(1);
  });

  it('is 409 idempotency_conflict for the same id with a different body', async () => {
    const body = submissionBody();
    expect((await submit(body)).statusCode).toBe(201);
    const other = await sealedBody({ ...DEFAULT_ANSWERS, familyName: 'Mustermann' });
    const changed = await submit({ ...body, data: other.data, metadata: other.metadata });
    expect(changed.statusCode).toBe(409);
    expect(changed.json()).toMatchObject({ error: 'idempotency_conflict' });
    const [row] = await rowsWithId(body.id);
    expect(row?.data_jwe).toBe(body.data);
  });

  it('is 409 tracking_code_taken when another submission has the tracking code', async () => {
    const first = submissionBody();
    expect((await submit(first)).statusCode).toBe(201);
    const second = submissionBody({ trackingCode: first.trackingCode });
    const response = await submit(second);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: 'tracking_code_taken' });
    expect(await rowsWithId(second.id)).toHaveLength(0);
  });

  it('is 400 invalid_encryption when a part is not a FIT-Connect JWE or names another key', async () => {
    const body = submissionBody();
    const [header, ...rest] = body.data.split('.');
    const weakHeader = Buffer.from(
      JSON.stringify({ alg: 'RSA1_5', enc: 'A256GCM', kid: body.keyId }),
    ).toString('base64url');
    const otherKid = Buffer.from(JSON.stringify({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'x' })).toString(
      'base64url',
    );
    expect(header).toBeDefined();
    for (const data of [[weakHeader, ...rest].join('.'), [otherKid, ...rest].join('.')]) {
      const response = await submit({ ...body, data });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: 'invalid_encryption' });
    }
    const notJwe = await submit({ ...body, metadata: 'plain text' });
    expect(notJwe.statusCode).toBe(400);
    expect(notJwe.json()).toMatchObject({ error: 'invalid_request', message: expect.stringMatching(/JWE/) });
    expect(await rowsWithId(body.id)).toHaveLength(0);
  });

  it('is 400 jwe_header_not_allowed for a zip or crit header, or any member outside the profile', async () => {
    const body = submissionBody();
    const [, ...rest] = body.metadata.split('.');
    const extras = [{ zip: 'DEF' }, { crit: ['exp'], exp: 1 }, { jku: 'https://attacker.example/keys' }];
    for (const extra of extras) {
      const header = Buffer.from(
        JSON.stringify({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: body.keyId, cty: 'json', ...extra }),
      ).toString('base64url');
      for (const part of ['data', 'metadata'] as const) {
        const response = await submit({ ...body, [part]: [header, ...rest].join('.') });
        expect(response.statusCode).toBe(400);
        const error = ApiError.parse(response.json());
        expect(error.error).toBe('jwe_header_not_allowed');
        expect(error.message).toContain(part);
        expect(error.message).toContain(Object.keys(extra)[0]);
      }
    }
    expect(await rowsWithId(body.id)).toHaveLength(0);
  });

  it('accepts a retired key after a rotation, so queued applications are not stranded', async () => {
    const queued = submissionBody(); // sealed before the rotation, to the then-current key
    const row = await hub.db
      .selectFrom('offices')
      .select('document')
      .where('id', '=', 'buergerbuero')
      .executeTakeFirstOrThrow();
    const office = JSON.parse(row.document) as Office;
    const rotated: Office = {
      ...office,
      encryptionKeys: [
        ...office.encryptionKeys.map((key) => ({ ...key, status: 'retired' as const })),
        ...demoOfficeKeys('standesamt').map((key) => ({ ...key, kid: 'buergerbuero-next' })),
      ],
    };
    await hub.db
      .updateTable('offices')
      .set({ document: JSON.stringify(rotated) })
      .where('id', '=', 'buergerbuero')
      .execute();
    try {
      expect((await submit(queued)).statusCode).toBe(201);
    } finally {
      await hub.db
        .updateTable('offices')
        .set({ document: row.document })
        .where('id', '=', 'buergerbuero')
        .execute();
    }
  });

  it('is 422 unknown_key for a key the office does not hold (the terminal quarantines it)', async () => {
    const body = submissionBody();
    const retag = (compact: string) => {
      const [, ...rest] = compact.split('.');
      const header = Buffer.from(JSON.stringify({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'revoked-key' }));
      return [header.toString('base64url'), ...rest].join('.');
    };
    const response = await submit({
      ...body,
      keyId: 'revoked-key',
      data: retag(body.data),
      metadata: retag(body.metadata),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ error: 'unknown_key' });
  });

  it('is 422 unknown_form for a form or version the hub does not know', async () => {
    for (const body of [submissionBody({ formId: 'no-such-form' }), submissionBody({ formVersion: 99 })]) {
      const response = await submit(body);
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ error: 'unknown_form' });
    }
    const service = await submit(submissionBody({ serviceId: 'no-such-service' }));
    expect(service.statusCode).toBe(422);
    expect(service.json()).toMatchObject({ error: 'unknown_service' });
  });

  it('accepts an older version of a form, for terminals that went offline before it changed', async () => {
    const body = submissionBody({ formVersion: registrationFormV1.version });
    expect((await submit(body)).statusCode).toBe(201);
  });

  it('is 400 invalid_request naming the bad fields of the envelope', async () => {
    const response = await submit({ ...submissionBody(), id: 'nope', extra: 1 });
    expect(response.statusCode).toBe(400);
    const error = ApiError.parse(response.json());
    expect(error.error).toBe('invalid_request');
    expect(error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['id', '(body)']));
    expect(error.message).toMatch(/id must be a UUID/);
  });

  it('is 400 invalid_json for a malformed body', async () => {
    const response = await hub.app.inject({
      method: 'POST',
      url: API.submissions,
      headers: { ...terminalHeaders, 'content-type': 'application/json' },
      payload: '{"id": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'invalid_json' });
  });

  it('is 413 for a body over the submission limit, naming the limit', async () => {
    const body: SubmissionRequest = submissionBody({ data: 'x'.repeat(MAX_SUBMISSION_BYTES) });
    const response = await submit(body);
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({
      error: 'payload_too_large',
      message: `The request body is larger than the limit of ${MAX_SUBMISSION_BYTES} bytes.`,
    });
  });

  it('reads a body above the global 64 KiB limit, because submissions have their own', async () => {
    const big = await sealedBody({ ...DEFAULT_ANSWERS, familyName: 'x'.repeat(100_000) });
    expect(JSON.stringify(big).length).toBeGreaterThan(64 * 1024);
    const response = await submit(big);
    expect(response.statusCode).toBe(201);
  });

  it('is 415 for another content type', async () => {
    const response = await hub.app.inject({
      method: 'POST',
      url: API.submissions,
      headers: { ...terminalHeaders, 'content-type': 'text/plain' },
      payload: JSON.stringify(submissionBody()),
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ error: 'unsupported_media_type' });
  });

  it('is 401 without a token, before reading the body', async () => {
    const response = await submit(submissionBody(), {});
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: 'unauthenticated' });
  });

  it('stores exactly one row when the same submission arrives twice at once', async () => {
    const body = submissionBody();
    const responses = await Promise.all([submit(body), submit(body), submit(body)]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    const receipts = responses.map((r) => r.json() as unknown);
    expect(receipts[1]).toEqual(receipts[0]);
    expect(receipts[2]).toEqual(receipts[0]);
    expect(await rowsWithId(body.id)).toHaveLength(1);
  });
});
