import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SubmissionReceipt, SubmissionRequest } from '../../../protocol/submission.js';
import { HttpError } from '../../shared/http.js';
import { KioskDatabase, finalizeSubmission } from '../storage/index.js';
import type { HubClient } from './hub-client.js';
import { OutboxSender } from './outbox-sender.js';

let db: KioskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new KioskDatabase(`sender-${++counter}`);
  await db.open();
});
afterEach(() => db.delete());

const request = (n: number): SubmissionRequest => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  trackingCode: 'ABCD-EFGH-JKMN',
  formId: 'f',
  formVersion: 1,
  serviceId: 's',
  locale: 'de',
  keyId: 'k',
  data: 'sealed.data',
  metadata: 'sealed.metadata',
  submittedAt: new Date(Date.UTC(2026, 10, 21, 10, 0, n)).toISOString(),
});

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
    for (let n = 1; n <= 5; n++) await finalizeSubmission(db, request(n));
    const hub = scriptedHub(receipt);
    const { sender, acknowledged } = runSender(hub.client);
    await sender.start();
    await until(async () => (await db.outbox.count()) === 0);
    sender.stop();
    expect(hub.sent).toEqual([1, 2, 3, 4, 5].map((n) => request(n).id));
    expect(acknowledged).toEqual(hub.sent);
    expect(hub.maxInFlight()).toBe(1);
  });

  it('keeps an application and schedules a retry when the hub is unreachable', async () => {
    await finalizeSubmission(db, request(1));
    await finalizeSubmission(db, request(2));
    const hub = scriptedHub(() => new HttpError(0, 'unreachable', 'down'));
    const { sender, reachability } = runSender(hub.client);
    await sender.start();
    await until(async () => ((await db.outbox.get(request(1).id))?.attempts ?? 0) === 1);
    sender.stop();
    const entry = await db.outbox.get(request(1).id);
    expect(entry?.state).toBe('final');
    expect(entry?.lastError).toBe('down');
    expect(hub.sent).toEqual([request(1).id]); // the second is not tried against a dead line
    expect(reachability).toEqual([false]);
    expect(await db.outbox.count()).toBe(2);
  });

  it('retries server faults and quarantines refusals with their reason', async () => {
    await finalizeSubmission(db, request(1));
    await finalizeSubmission(db, request(2));
    const hub = scriptedHub((req) =>
      req.id === request(1).id
        ? new HttpError(422, 'unknown_form', 'The form f version 1 is not offered any more.')
        : new HttpError(503, 'unavailable', 'busy'),
    );
    const { sender } = runSender(hub.client);
    await sender.start();
    await until(async () => ((await db.outbox.get(request(2).id))?.attempts ?? 0) >= 1);
    sender.stop();
    expect(await db.outbox.get(request(1).id)).toMatchObject({
      state: 'quarantined',
      lastError: 'The form f version 1 is not offered any more.',
    });
    expect(await db.outbox.get(request(2).id)).toMatchObject({ state: 'final', lastError: 'busy' });
  });
});
