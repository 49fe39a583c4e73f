import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuarantinedItem } from '../../../protocol/quarantine.js';
import { finalizeSubmission, type KioskDatabase } from '../storage/index.js';
import { outboxCounts, quarantine } from '../storage/outbox-store.js';
import { openTestDatabase, sealedRequest } from '../testing/outbox.js';
import { QuarantineReporter } from './quarantine-reporter.js';

let db: KioskDatabase;
beforeEach(async () => {
  db = await openTestDatabase('quarantine');
});
afterEach(() => db.delete());

const request = (n: number) => sealedRequest(n, { data: 'sealed.data.secret-answers' });

function hub(retry: () => string[] = () => [], discard: () => string[] = () => []) {
  const reports: QuarantinedItem[][] = [];
  return {
    reports,
    client: {
      reportQuarantine(items: QuarantinedItem[]) {
        reports.push(items);
        return Promise.resolve({ retry: retry(), discard: discard() });
      },
    },
  };
}

describe('QuarantineReporter', () => {
  it('reports the envelope of each quarantined entry with its reason, never the sealed parts', async () => {
    await finalizeSubmission(db, request(1));
    await finalizeSubmission(db, request(2));
    await db.forms.put({ key: 'f@1', id: 'f', version: 1, officeId: 'buergerbuero' } as never);
    await quarantine(db, request(2).id, 'The office holds no key "k".', new Date('2026-11-21T10:05:00Z'));
    const { reports, client } = hub();
    await new QuarantineReporter(db, client, () => undefined).report();
    expect(reports).toEqual([
      [
        {
          submissionId: request(2).id,
          formId: 'f',
          formVersion: 1,
          serviceId: 's',
          officeId: 'buergerbuero',
          reason: 'The office holds no key "k".',
          quarantinedAt: '2026-11-21T10:05:00.000Z',
        },
      ],
    ]);
    expect(JSON.stringify(reports)).not.toContain('sealed');
    expect(JSON.stringify(reports)).not.toContain('ABCD');
  });

  it('says "nothing" once, and keeps reporting while something is held', async () => {
    const { reports, client } = hub();
    const reporter = new QuarantineReporter(db, client, () => undefined);
    await reporter.report();
    await reporter.report();
    expect(reports).toEqual([[]]);
    await finalizeSubmission(db, request(3));
    await quarantine(db, request(3).id, 'unknown form');
    await reporter.report();
    await reporter.report();
    expect(reports.map((r) => r.length)).toEqual([0, 1, 1]);
  });

  it('puts an item the provider asked to retry back into the queue, due at once', async () => {
    await finalizeSubmission(db, request(4));
    await quarantine(db, request(4).id, 'unknown key');
    let released = 0;
    const { client } = hub(() => [request(4).id]);
    await new QuarantineReporter(db, client, () => released++).report();
    expect(released).toBe(1);
    expect(await db.outbox.get(request(4).id)).toMatchObject({
      state: 'final',
      attempts: 0,
      nextAttemptAt: 0,
    });
  });

  it('deletes what the office discarded, with its sealed photo, and says so to the hub at once', async () => {
    await finalizeSubmission(db, request(5), [{ id: 'photo-5', jwe: 'sealed.photo' }]);
    await finalizeSubmission(db, request(6));
    await quarantine(db, request(5).id, 'unknown key');
    // A waiting application named by mistake is never deleted this way.
    let first = true;
    const { reports, client } = hub(
      () => [],
      () => (first ? ((first = false), [request(5).id, request(6).id]) : []),
    );
    let changed = 0;
    await new QuarantineReporter(db, client, () => changed++).report();
    await expect.poll(() => reports.length).toBe(2);
    expect(reports.map((r) => r.map((item) => item.submissionId))).toEqual([[request(5).id], []]);
    expect(changed).toBe(1);
    expect(await db.outbox.get(request(5).id)).toBeUndefined();
    expect(await db.outboxAttachments.where('submissionId').equals(request(5).id).count()).toBe(0);
    expect((await db.outbox.get(request(6).id))?.state).toBe('final');
    expect(await outboxCounts(db)).toEqual({ waiting: 1, quarantined: 0 });
  });
});
