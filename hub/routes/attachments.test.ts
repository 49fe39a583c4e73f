import { randomBytes, randomFillSync, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api.js';
import { MAX_CHUNK_BYTES, UploadState } from '../../protocol/attachments.js';
import { ApiError } from '../../protocol/errors.js';
import type { SubmissionRequest } from '../../protocol/submission.js';
import { makeTrackingCode } from '../../protocol/tracking-code.js';
import { decryptJwe, encryptJwe, importEncryptionKey } from '../../renderer/shared/encryption/jwe.js';
import { sealApplication, type SealedAttachment } from '../../renderer/shared/encryption/seal.js';
import { demoOfficeKeys } from '../../demo/demo-keys.js';
import { registrationForm } from '../testing/fixture-content.js';
import {
  DEFAULT_ANSWERS,
  demoDecryptionKey,
  loginCookie,
  startTestHub,
  terminalHeaders,
  type TestHub,
} from '../testing/test-hub.js';
import { sha256Hex } from '../util/hash.js';
import {
  ABANDONED_UPLOAD_DAYS,
  pruneAbandonedUploads,
  putChunk as storeChunk,
} from '../submissions/attachments.js';
import { TEST_TENANT } from '../testing/tenant.js';

let hub: TestHub;
const otherTerminal = { id: 'other-terminal', token: 'other-terminal-token-0123456789abcdef' };
beforeAll(async () => {
  hub = await startTestHub();
  await hub.db
    .insertInto('terminals')
    .values({
      id: otherTerminal.id,
      tenant_id: TEST_TENANT.id,
      name: 'Anderes Terminal',
      token_hash: sha256Hex(otherTerminal.token),
      created_at: new Date().toISOString(),
      revoked_at: null,
    })
    .execute();
});
afterAll(() => hub.close());

/** A real application with one photo, sealed as the kiosk seals it. */
async function sealedWithPhoto(photoBytes = 40_000): Promise<{
  request: SubmissionRequest;
  attachment: SealedAttachment;
  photo: Uint8Array<ArrayBuffer>;
}> {
  const photo = new Uint8Array(randomBytes(photoBytes));
  const { request, attachments } = await sealApplication(
    {
      id: randomUUID(),
      trackingCode: makeTrackingCode((bytes) => randomFillSync(bytes)),
      formId: registrationForm.id,
      formVersion: registrationForm.version,
      serviceId: 'anmelden',
      locale: 'de',
      submittedAt: '2026-11-21T09:30:00.000+01:00',
    },
    DEFAULT_ANSWERS,
    demoOfficeKeys('buergerbuero'),
    [{ id: randomUUID(), name: 'foto.jpg', mediaType: 'image/jpeg', bytes: photo }],
  );
  const [attachment] = attachments;
  if (!attachment) throw new Error('sealApplication returned no attachment');
  return { request, attachment, photo };
}

function putChunk(
  request: SubmissionRequest,
  attachment: SealedAttachment,
  offset: number,
  text: string,
  options: { length?: number; headers?: Record<string, string> } = {},
) {
  const length = options.length ?? attachment.jwe.length;
  return hub.app.inject({
    method: 'PUT',
    url: `${API.submissionAttachmentChunks(request.id, attachment.id)}?offset=${offset}&length=${length}`,
    headers: { 'content-type': 'application/octet-stream', ...(options.headers ?? terminalHeaders) },
    payload: Buffer.from(text, 'latin1'),
  });
}

function uploadState(request: SubmissionRequest, attachment: SealedAttachment, headers = terminalHeaders) {
  return hub.app.inject({
    method: 'GET',
    url: API.submissionAttachment(request.id, attachment.id),
    headers,
  });
}

async function uploadAll(request: SubmissionRequest, attachment: SealedAttachment, chunk = 16 * 1024) {
  // As the terminal does: ask where the hub stands, send the rest from there.
  const state = await uploadState(request, attachment);
  const start = state.statusCode === 200 ? UploadState.parse(state.json()).offset : 0;
  for (let offset = start; offset < attachment.jwe.length; offset += chunk) {
    const response = await putChunk(
      request,
      attachment,
      offset,
      attachment.jwe.slice(offset, offset + chunk),
    );
    expect(response.statusCode, response.body).toBe(200);
  }
}

function submit(body: SubmissionRequest) {
  return hub.app.inject({ method: 'POST', url: API.submissions, headers: terminalHeaders, payload: body });
}

describe('attachment uploads', () => {
  it('takes chunks in order, says where it stands, and completes at the announced length', async () => {
    const { request, attachment } = await sealedWithPhoto();
    expect((await uploadState(request, attachment)).statusCode).toBe(404);
    const half = Math.floor(attachment.jwe.length / 2);
    const first = await putChunk(request, attachment, 0, attachment.jwe.slice(0, half));
    expect(first.statusCode).toBe(200);
    expect(UploadState.parse(first.json())).toEqual({
      offset: half,
      length: attachment.jwe.length,
      complete: false,
    });
    expect(first.headers['upload-offset']).toBe(String(half));
    // After an interruption the terminal asks and resumes exactly there.
    const state = UploadState.parse((await uploadState(request, attachment)).json());
    expect(state).toEqual({ offset: half, length: attachment.jwe.length, complete: false });
    const rest = await putChunk(request, attachment, half, attachment.jwe.slice(half));
    expect(UploadState.parse(rest.json())).toEqual({
      offset: attachment.jwe.length,
      length: attachment.jwe.length,
      complete: true,
    });
  });

  it('answers a resent chunk it already has like the first time, and stores it once', async () => {
    const { request, attachment } = await sealedWithPhoto();
    const chunk = attachment.jwe.slice(0, 10_000);
    const first = await putChunk(request, attachment, 0, chunk);
    const again = await putChunk(request, attachment, 0, chunk);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const rows = await hub.db
      .selectFrom('attachment_chunks')
      .select('start')
      .where('attachment_id', '=', attachment.id)
      .execute();
    expect(rows).toEqual([{ start: 0 }]);
    // Other bytes at an offset the hub has, or a gap: refused with the offset to send from.
    const other = await putChunk(request, attachment, 0, attachment.jwe.slice(1, 10_001));
    expect(other.statusCode).toBe(409);
    expect(ApiError.parse(other.json()).error).toBe('offset_mismatch');
    expect(other.headers['upload-offset']).toBe('10000');
    const gap = await putChunk(request, attachment, 20_000, attachment.jwe.slice(20_000, 30_000));
    expect(gap.statusCode).toBe(409);
    expect(gap.headers['upload-offset']).toBe('10000');
  });

  it('refuses a different total length, a chunk past the end and bytes that cannot be a JWE', async () => {
    const { request, attachment } = await sealedWithPhoto();
    await putChunk(request, attachment, 0, attachment.jwe.slice(0, 1000));
    const otherLength = await putChunk(request, attachment, 1000, attachment.jwe.slice(1000, 2000), {
      length: attachment.jwe.length + 1,
    });
    expect(otherLength.statusCode).toBe(409);
    expect(ApiError.parse(otherLength.json()).error).toBe('length_mismatch');
    const past = await putChunk(request, attachment, 1000, 'A'.repeat(attachment.jwe.length));
    expect(past.statusCode).toBe(400);
    const binary = await putChunk(request, attachment, 1000, 'ab\u0000\u00ffcd');
    expect(binary.statusCode).toBe(400);
    expect(ApiError.parse(binary.json()).error).toBe('invalid_encryption');
  });

  it('checks the whole upload is a JWE of the required algorithms and forgets it if not', async () => {
    const { request, attachment } = await sealedWithPhoto();
    const header = Buffer.from(JSON.stringify({ alg: 'RSA1_5', enc: 'A128CBC-HS256', kid: 'k' })).toString(
      'base64url',
    );
    const weak = { ...attachment, jwe: `${header}.${attachment.jwe.split('.').slice(1).join('.')}` };
    const response = await putChunk(request, weak, 0, weak.jwe);
    expect(response.statusCode).toBe(400);
    expect(ApiError.parse(response.json())).toMatchObject({ error: 'invalid_encryption' });
    expect(ApiError.parse(response.json()).message).toContain('RSA-OAEP-256');
    const notCompact = { ...attachment, jwe: 'abc.def' };
    expect((await putChunk(request, notCompact, 0, notCompact.jwe)).statusCode).toBe(400);
    expect((await uploadState(request, weak)).statusCode).toBe(404); // nothing of it stays
  });

  it('refuses an upload whose header carries zip or crit with jwe_header_not_allowed', async () => {
    for (const extra of [{ zip: 'DEF' }, { crit: ['b64'], b64: false }]) {
      const { request, attachment } = await sealedWithPhoto(2_000);
      const header = Buffer.from(
        JSON.stringify({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: request.keyId, ...extra }),
      ).toString('base64url');
      const zipped = { ...attachment, jwe: `${header}.${attachment.jwe.split('.').slice(1).join('.')}` };
      const response = await putChunk(request, zipped, 0, zipped.jwe);
      expect(response.statusCode).toBe(400);
      expect(ApiError.parse(response.json())).toMatchObject({ error: 'jwe_header_not_allowed' });
      expect((await uploadState(request, zipped)).statusCode).toBe(404);
    }
  });

  it('needs the terminal token, and hides one terminal’s upload from another', async () => {
    const { request, attachment } = await sealedWithPhoto();
    const anonymous = await putChunk(request, attachment, 0, attachment.jwe.slice(0, 100), { headers: {} });
    expect(anonymous.statusCode).toBe(401);
    expect((await uploadState(request, attachment, {} as typeof terminalHeaders)).statusCode).toBe(401);
    await putChunk(request, attachment, 0, attachment.jwe.slice(0, 100));
    const stranger = { authorization: `Bearer ${otherTerminal.token}` };
    expect((await uploadState(request, attachment, stranger)).statusCode).toBe(404);
    const foreign = await putChunk(request, attachment, 100, attachment.jwe.slice(100, 200), {
      headers: stranger,
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('answers an oversized chunk with 413 and a clear message, and a JSON body with 415', async () => {
    const { request, attachment } = await sealedWithPhoto();
    const big = await putChunk(request, attachment, 0, 'A'.repeat(MAX_CHUNK_BYTES + 1), {
      length: MAX_CHUNK_BYTES + 10,
    });
    expect(big.statusCode).toBe(413);
    expect(ApiError.parse(big.json()).message).toContain(`${MAX_CHUNK_BYTES} bytes`);
    const json = await hub.app.inject({
      method: 'PUT',
      url: `${API.submissionAttachmentChunks(request.id, attachment.id)}?offset=0&length=10`,
      headers: { ...terminalHeaders, 'content-type': 'application/json' },
      payload: '"x"',
    });
    expect(json.statusCode).toBe(415);
  });
});

describe('abandoned uploads', () => {
  it('are deleted after a month when no submission lists them; submitted ones stay', async () => {
    const { request, attachment } = await sealedWithPhoto();
    await putChunk(request, attachment, 0, attachment.jwe.slice(0, 1000));
    const submitted = await sealedWithPhoto();
    await uploadAll(submitted.request, submitted.attachment);
    expect((await submit(submitted.request)).statusCode).toBe(201);

    const monthLater = new Date(Date.now() + (ABANDONED_UPLOAD_DAYS + 1) * 86_400_000);
    expect(await pruneAbandonedUploads(hub.db, new Date(Date.now() - 60_000))).toBe(0); // too young
    expect(await pruneAbandonedUploads(hub.db, monthLater)).toBeGreaterThanOrEqual(1);
    expect((await uploadState(request, attachment)).statusCode).toBe(404);
    const chunks = await hub.db
      .selectFrom('attachment_chunks')
      .select('start')
      .where('attachment_id', '=', attachment.id)
      .execute();
    expect(chunks).toEqual([]);
    const kept = await uploadState(submitted.request, submitted.attachment);
    expect(UploadState.parse(kept.json()).complete).toBe(true);
  });
});

describe('a submission with attachments', () => {
  it('is refused until every attachment is complete, then stored once; the clerk gets the JWE back', async () => {
    const { request, attachment, photo } = await sealedWithPhoto(120_000);
    const early = await submit(request);
    expect(early.statusCode).toBe(409);
    expect(ApiError.parse(early.json())).toMatchObject({ error: 'attachments_incomplete' });
    expect(ApiError.parse(early.json()).message).toContain(attachment.id);

    await putChunk(request, attachment, 0, attachment.jwe.slice(0, 5000));
    expect((await submit(request)).statusCode).toBe(409); // half is not enough

    await uploadAll(request, attachment);
    const accepted = await submit(request);
    expect(accepted.statusCode).toBe(201);
    expect((await submit(request)).statusCode).toBe(200); // replay
    const rows = await hub.db.selectFrom('submissions').selectAll().where('id', '=', request.id).execute();
    expect(rows).toHaveLength(1);

    // The upload is closed now: no new attachment for a received submission.
    const late = { id: randomUUID(), jwe: attachment.jwe };
    const closed = await putChunk(request, late, 0, late.jwe.slice(0, 100));
    expect(closed.statusCode).toBe(409);
    expect(ApiError.parse(closed.json()).error).toBe('submission_closed');

    const cookie = await loginCookie(hub.app);
    const detail = await hub.app.inject({
      method: 'GET',
      url: API.clerkSubmission(request.id),
      headers: { cookie },
    });
    expect(detail.json()).toMatchObject({
      attachments: [{ id: attachment.id, length: attachment.jwe.length }],
    });
    const fetched = await hub.app.inject({
      method: 'GET',
      url: API.clerkSubmissionAttachment(request.id, attachment.id),
      headers: { cookie },
    });
    expect(fetched.statusCode).toBe(200);
    expect(fetched.body).toBe(attachment.jwe);
    const decrypted = await decryptJwe(fetched.body, await demoDecryptionKey());
    expect(Buffer.from(decrypted).equals(Buffer.from(photo))).toBe(true);
    const unlisted = await hub.app.inject({
      method: 'GET',
      url: API.clerkSubmissionAttachment(request.id, randomUUID()),
      headers: { cookie },
    });
    expect(unlisted.statusCode).toBe(404);
    const noSession = await hub.app.inject({
      method: 'GET',
      url: API.clerkSubmissionAttachment(request.id, attachment.id),
    });
    expect(noSession.statusCode).toBe(401);
  });

  it('is refused when an attachment is sealed to another key than the submission', async () => {
    const { request, photo } = await sealedWithPhoto();
    const [key] = demoOfficeKeys('buergerbuero');
    const jwe = await encryptJwe(
      new Uint8Array(photo),
      await importEncryptionKey(key?.jwk as JsonWebKey),
      'another-kid',
    );
    const stray = { id: randomUUID(), jwe };
    const body = { ...request, attachments: [{ id: stray.id, length: jwe.length }] };
    await uploadAll(body, stray);
    const response = await submit(body);
    expect(response.statusCode).toBe(400);
    expect(ApiError.parse(response.json()).error).toBe('invalid_encryption');
  });
});

describe('the upload quota per terminal', () => {
  it('refuses a new upload past the bytes a terminal may hold unsubmitted, counts only its own, and frees them with the submission', async () => {
    const terminalId = 'quota-terminal';
    const put = (submissionId: string, attachmentId: string, length: number, max: number) =>
      storeChunk(
        hub.db,
        {
          submissionId,
          attachmentId,
          terminalId,
          offset: 0,
          length,
          text: 'a'.repeat(10),
          maxPendingBytes: max,
        },
        new Date(),
      );
    const first = randomUUID();
    expect((await put(first, 'a1', 600, 1000)).kind).toBe('stored');
    // Another terminal's pending uploads do not count against this one.
    const stranger = await storeChunk(
      hub.db,
      {
        submissionId: randomUUID(),
        attachmentId: 'x',
        terminalId: 'someone-else',
        offset: 0,
        length: 900,
        text: 'a',
      },
      new Date(),
    );
    expect(stranger.kind).toBe('stored');
    const refused = await put(randomUUID(), 'a2', 500, 1000);
    expect(refused).toEqual({ kind: 'quota_exceeded', pendingBytes: 600, maxPendingBytes: 1000 });
    // Chunks of an upload already begun are never refused by the quota.
    expect((await put(first, 'a1', 600, 1)).kind).toBe('stored');
    // Once a submission lists the upload, its bytes no longer count as pending.
    await hub.db
      .insertInto('submissions')
      .values({
        ...(await hub.db.selectFrom('submissions').selectAll().executeTakeFirstOrThrow()),
        id: first,
        tracking_code: makeTrackingCode((bytes) => randomFillSync(bytes)),
      })
      .execute();
    expect((await put(randomUUID(), 'a3', 500, 1000)).kind).toBe('stored');
  });

  it('answers a refused upload with 507 and a plain message, which the terminal retries later', async () => {
    const small = await startTestHub({ maxPendingUploadBytes: 1000 });
    try {
      const chunk = (submissionId: string, length: number) =>
        small.app.inject({
          method: 'PUT',
          url: `${API.submissionAttachmentChunks(submissionId, randomUUID())}?offset=0&length=${length}`,
          headers: { ...terminalHeaders, 'content-type': 'application/octet-stream' },
          payload: Buffer.from('eyJhbGciOiJSU0EtT0FFUC0yNTYi'),
        });
      expect((await chunk(randomUUID(), 900)).statusCode).toBe(200);
      const refused = await chunk(randomUUID(), 900);
      expect(refused.statusCode).toBe(507);
      const body = ApiError.parse(refused.json());
      expect(body.error).toBe('upload_quota_exceeded');
      expect(body.message).toMatch(/at most 1000 are allowed/);
    } finally {
      await small.close();
    }
  });
});
