import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SubmissionReceipt, SubmissionRequest } from '../../../protocol/submission.js';
import { HttpError } from '../../shared/http.js';
import { finalizeSubmission, type KioskDatabase } from '../storage/index.js';
import { openTestDatabase, sealedRequest } from '../testing/outbox.js';
import type { HubClient } from './hub-client.js';
import { OutboxSender } from './outbox-sender.js';

let db: KioskDatabase;
beforeEach(async () => {
  db = await openTestDatabase('sender');
});
afterEach(() => db.delete());

/** A hub stand-in that answers from a script; the real hub is exercised in tests/e2e. */
function scriptedHub(answer: (req: SubmissionRequest) => SubmissionReceipt | HttpError) {
  const sent: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const client = {
    async submit(req: SubmissionRequest) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 2));
      inFlight--;
      sent.push(req.id);
      const result = answer(req);
      if (result instanceof HttpError) throw result;
      return result;
    },
  } as unknown as HubClient;
  return { client, sent, maxInFlight: () => maxInFlight };
}

function runSender(client: HubClient) {
  const acknowledged: string[] = [];
  const reachability: boolean[] = [];
  const sender = new OutboxSender(db, client, {
    onAcknowledged: (id) => acknowledged.push(id),
    onReachability: (r) => reachability.push(r),
    onChange: () => undefined,
  });
  return { sender, acknowledged, reachability };
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('condition not reached');
}

const receipt = (req: SubmissionRequest): SubmissionReceipt => ({
  id: req.id,
  trackingCode: req.trackingCode,
  receivedAt: '2026-11-21T10:00:00.000Z',
  status: 'received',
});

describe('OutboxSender', () => {
  it('sends one at a time in order and deletes only after the acknowledgement', async () => {
    for (let n = 1; n <= 5; n++) await finalizeSubmission(db, sealedRequest(n));
    const hub = scriptedHub(receipt);
    const { sender, acknowledged } = runSender(hub.client);
    await sender.start();
    await until(async () => (await db.outbox.count()) === 0);
    sender.stop();
    expect(hub.sent).toEqual([1, 2, 3, 4, 5].map((n) => sealedRequest(n).id));
    expect(acknowledged).toEqual(hub.sent);
    expect(hub.maxInFlight()).toBe(1);
  });

  it('keeps an application and schedules a retry when the hub is unreachable', async () => {
    await finalizeSubmission(db, sealedRequest(1));
    await finalizeSubmission(db, sealedRequest(2));
    const hub = scriptedHub(() => new HttpError(0, 'unreachable', 'down'));
    const { sender, reachability } = runSender(hub.client);
    await sender.start();
    await until(async () => ((await db.outbox.get(sealedRequest(1).id))?.attempts ?? 0) === 1);
    sender.stop();
    const entry = await db.outbox.get(sealedRequest(1).id);
    expect(entry?.state).toBe('final');
    expect(entry?.lastError).toBe('down');
    expect(hub.sent).toEqual([sealedRequest(1).id]); // the second is not tried against a dead line
    expect(reachability).toEqual([false]);
    expect(await db.outbox.count()).toBe(2);
  });

  it('backs off as a whole while the hub is unreachable, instead of trying the queue one entry after another', async () => {
    for (let n = 1; n <= 4; n++) await finalizeSubmission(db, sealedRequest(n));
    let down = true;
    const hub = scriptedHub((req) => (down ? new HttpError(0, 'unreachable', 'down') : receipt(req)));
    // Full jitter drawn at 40 %: the first pause after a failure is 400 ms.
    const sender = new OutboxSender(
      db,
      hub.client,
      { onAcknowledged: () => undefined, onReachability: () => undefined, onChange: () => undefined },
      () => 0.4,
    );
    await sender.start();
    await new Promise((r) => setTimeout(r, 250));
    expect(hub.sent).toEqual([sealedRequest(1).id]); // one try against the dead line, then a pause
    await until(async () => hub.sent.length >= 2);
    // After the pause the oldest goes first again; the line is still down, so the pause grows.
    expect(hub.sent).toEqual([sealedRequest(1).id, sealedRequest(1).id]);
    // The hub is back (the engine's probe says so): the pause is over at once, all go in order.
    down = false;
    sender.retryNow();
    await until(async () => (await db.outbox.count()) === 0);
    sender.stop();
    expect(hub.sent.slice(2)).toEqual([1, 2, 3, 4].map((n) => sealedRequest(n).id));
  });

  it('retries server faults and quarantines refusals with their reason', async () => {
    await finalizeSubmission(db, sealedRequest(1));
    await finalizeSubmission(db, sealedRequest(2));
    const hub = scriptedHub((req) =>
      req.id === sealedRequest(1).id
        ? new HttpError(422, 'unknown_form', 'The form f version 1 is not offered any more.')
        : new HttpError(503, 'unavailable', 'busy'),
    );
    const { sender } = runSender(hub.client);
    await sender.start();
    await until(async () => ((await db.outbox.get(sealedRequest(2).id))?.attempts ?? 0) >= 1);
    sender.stop();
    expect(await db.outbox.get(sealedRequest(1).id)).toMatchObject({
      state: 'quarantined',
      lastError: 'The form f version 1 is not offered any more.',
    });
    expect(await db.outbox.get(sealedRequest(2).id)).toMatchObject({ state: 'final', lastError: 'busy' });
  });
});

describe('OutboxSender with attachments', () => {
  const withPhoto = (n: number, jwe: string): SubmissionRequest => ({
    ...sealedRequest(n),
    attachments: [{ id: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`, length: jwe.length }],
  });

  /** A hub that keeps uploads in memory and can drop the connection after some chunks. */
  function uploadingHub(options: { failAfterChunks?: number } = {}) {
    const stored = new Map<string, string>();
    const log: string[] = [];
    let chunks = 0;
    const client = {
      async uploadState(id: string, attachmentId: string) {
        log.push(`state ${attachmentId}`);
        const text = stored.get(`${id}/${attachmentId}`);
        return text === undefined ? null : { offset: text.length, length: 0, complete: false };
      },
      async putChunk(id: string, attachmentId: string, offset: number, length: number, chunk: string) {
        chunks++;
        if (options.failAfterChunks !== undefined && chunks > options.failAfterChunks) {
          options.failAfterChunks = undefined; // the line comes back for the next attempt
          throw new HttpError(0, 'unreachable', 'line dropped');
        }
        const key = `${id}/${attachmentId}`;
        const have = stored.get(key) ?? '';
        log.push(`put ${attachmentId} @${offset}`);
        if (offset !== have.length) return { offset: have.length, length, complete: false };
        stored.set(key, have + chunk);
        return { offset: offset + chunk.length, length, complete: offset + chunk.length === length };
      },
      async submit(req: SubmissionRequest) {
        for (const ref of req.attachments ?? []) {
          if (stored.get(`${req.id}/${ref.id}`)?.length !== ref.length) {
            throw new HttpError(409, 'attachments_incomplete', 'missing');
          }
        }
        log.push(`submit ${req.id}`);
        return receipt(req);
      },
    } as unknown as HubClient;
    return { client, stored, log };
  }

  it('uploads the sealed attachment in chunks first, then submits, then deletes both locally', async () => {
    const jwe = 'header.key.iv.' + 'C'.repeat(10_000) + '.tag';
    const req = withPhoto(1, jwe);
    await finalizeSubmission(db, req, [{ id: req.attachments?.[0]?.id ?? '', jwe }]);
    const hub = uploadingHub();
    const progress: [number, number][] = [];
    const sender = new OutboxSender(
      db,
      hub.client,
      {
        onAcknowledged: () => undefined,
        onReachability: () => undefined,
        onChange: () => undefined,
        onUploadProgress: (_id, sent, total) => progress.push([sent, total]),
      },
      Math.random,
      { chunkBytes: 4096 },
    );
    await sender.start();
    await until(async () => (await db.outbox.count()) === 0);
    sender.stop();
    expect(hub.stored.get(`${req.id}/${req.attachments?.[0]?.id}`)).toBe(jwe);
    expect(hub.log.filter((l) => l.startsWith('put'))).toHaveLength(Math.ceil(jwe.length / 4096));
    expect(hub.log.at(-1)).toBe(`submit ${req.id}`);
    expect(progress.at(-1)).toEqual([jwe.length, jwe.length]);
    expect(await db.outboxAttachments.count()).toBe(0);
  });

  it('after a dropped line asks the hub where it stands and resumes there, sending nothing twice', async () => {
    const jwe = 'header.key.iv.' + 'D'.repeat(20_000) + '.tag';
    const req = withPhoto(2, jwe);
    const attachmentId = req.attachments?.[0]?.id ?? '';
    await finalizeSubmission(db, req, [{ id: attachmentId, jwe }]);
    const hub = uploadingHub({ failAfterChunks: 2 });
    const reachability: boolean[] = [];
    const sender = new OutboxSender(
      db,
      hub.client,
      {
        onAcknowledged: () => undefined,
        onReachability: (r) => reachability.push(r),
        onChange: () => undefined,
      },
      Math.random,
      { chunkBytes: 4096 },
    );
    await sender.start();
    await until(async () => ((await db.outbox.get(req.id))?.attempts ?? 0) === 1);
    expect(reachability).toEqual([false]);
    expect(await db.outbox.get(req.id)).toMatchObject({ state: 'final', lastError: 'line dropped' });
    await db.outbox.update(req.id, { nextAttemptAt: 0 });
    sender.kick();
    await until(async () => (await db.outbox.count()) === 0);
    sender.stop();
    expect(hub.stored.get(`${req.id}/${attachmentId}`)).toBe(jwe);
    const puts = hub.log.filter((l) => l.startsWith('put'));
    expect(puts.slice(0, 3)).toEqual([0, 4096, 8192].map((at) => `put ${attachmentId} @${at}`));
    // The second attempt asked first and went on at the hub's offset.
    expect(hub.log.indexOf(`state ${attachmentId}`)).toBe(hub.log.indexOf(`put ${attachmentId} @8192`) - 1);
    expect(new Set(puts).size).toBe(puts.length); // no chunk sent twice
  });

  it('keeps an application whose attachments the hub misses for another try instead of quarantining it', async () => {
    const jwe = 'header.key.iv.' + 'E'.repeat(100) + '.tag';
    const req = withPhoto(3, jwe);
    await finalizeSubmission(db, req, [{ id: req.attachments?.[0]?.id ?? '', jwe }]);
    const hub = scriptedHub(
      () => new HttpError(409, 'attachments_incomplete', 'Upload the attachments first'),
    );
    const client = Object.assign(hub.client, {
      uploadState: () => Promise.resolve(null),
      putChunk: (_i: string, _a: string, offset: number, length: number, chunk: string) =>
        Promise.resolve({ offset: offset + chunk.length, length, complete: true }),
    });
    const { sender } = runSender(client);
    await sender.start();
    await until(async () => ((await db.outbox.get(req.id))?.attempts ?? 0) >= 1);
    sender.stop();
    expect(await db.outbox.get(req.id)).toMatchObject({ state: 'final' });
    expect(await db.outboxAttachments.count()).toBe(1);
  });
});
