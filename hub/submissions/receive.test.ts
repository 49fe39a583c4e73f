import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_ANSWERS,
  sealedBody,
  startTestHub,
  submissionBody,
  TEST_TERMINAL,
  type TestHub,
} from '../testing/test-hub.js';
import { receiveSubmission, submissionBodyHash } from './receive.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

/** Counts INSERT statements, to prove that a test really went down the race path. */
function countInserts(): { plugin: KyselyPlugin; count: () => number } {
  let inserts = 0;
  return {
    plugin: {
      transformQuery(args) {
        if (args.node.kind === 'InsertQueryNode') inserts += 1;
        return args.node;
      },
      transformResult: (args) => Promise.resolve(args.result),
    },
    count: () => inserts,
  };
}

describe('receiveSubmission', () => {
  it('turns the loser of a race on the same id into a replay of the winner', async () => {
    const counter = countInserts();
    const db = hub.db.withPlugin(counter.plugin);
    const body = submissionBody();
    const now = new Date('2026-11-02T10:00:00.000Z');
    // Both calls pass the "already stored?" check before either inserts.
    const outcomes = await Promise.all([
      receiveSubmission(db, body, TEST_TERMINAL.id, now),
      receiveSubmission(db, body, TEST_TERMINAL.id, new Date(now.getTime() + 1000)),
    ]);
    expect(counter.count()).toBe(2);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['created', 'replayed']);
    const receipts = outcomes.map((o) => ('receipt' in o ? o.receipt : undefined));
    expect(receipts[0]).toEqual(receipts[1]);
    const rows = await hub.db.selectFrom('submissions').select('id').where('id', '=', body.id).execute();
    expect(rows).toHaveLength(1);
  });

  it('turns the loser of a race with another body into a conflict', async () => {
    const body = submissionBody();
    const sealed = await sealedBody({ ...DEFAULT_ANSWERS, familyName: 'Anders' });
    const other = { ...body, data: sealed.data, metadata: sealed.metadata };
    const now = new Date();
    const outcomes = await Promise.all([
      receiveSubmission(hub.db, body, TEST_TERMINAL.id, now),
      receiveSubmission(hub.db, other, TEST_TERMINAL.id, now),
    ]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['created', 'idempotency_conflict']);
  });
});

describe('submissionBodyHash', () => {
  it('ignores key order and notices any changed value', () => {
    const body = submissionBody();
    const reordered = Object.fromEntries(Object.entries(body).reverse()) as typeof body;
    expect(submissionBodyHash(reordered)).toBe(submissionBodyHash(body));
    expect(submissionBodyHash({ ...body, locale: 'en' })).not.toBe(submissionBodyHash(body));
  });
});
