import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentSnapshot } from '../../../protocol/content.js';
import type { SubmissionRequest } from '../../../protocol/submission.js';
import { demoContent } from '../../../hub/seed/demo-content.js';
import {
  KioskDatabase,
  applySnapshot,
  DraftStore,
  finalizeSubmission,
  formKey,
  readCatalog,
} from './index.js';
import { markSending, nextDueEntry, outboxCounts, recoverInterruptedSends } from './outbox-store.js';

let db: KioskDatabase;
let counter = 0;

beforeEach(async () => {
  db = new KioskDatabase(`test-${++counter}`);
  await db.open();
});
afterEach(async () => {
  vi.useRealTimers();
  await db.delete();
});

const snapshot = (revision: string, overrides: Partial<ContentSnapshot> = {}): ContentSnapshot => ({
  ...demoContent,
  revision,
  ...overrides,
});

const request = (id: string): SubmissionRequest => ({
  id,
  trackingCode: 'ABCD-EFGH-JKMN',
  formId: 'f',
  formVersion: 1,
  serviceId: 's',
  locale: 'de',
  keyId: 'k',
  data: 'sealed.data',
  metadata: 'sealed.metadata',
  submittedAt: '2026-11-21T10:00:00.000Z',
});

describe('applySnapshot', () => {
  it('replaces the whole catalog in one go', async () => {
    await applySnapshot(db, snapshot('r1'));
    const first = await readCatalog(db);
    expect(first.meta?.revision).toBe('r1');
    expect(first.services).toHaveLength(demoContent.services.length);

    const fewer = demoContent.services.slice(0, 2);
    await applySnapshot(db, snapshot('r2', { services: fewer }));
    const second = await readCatalog(db);
    expect(second.meta?.revision).toBe('r2');
    expect(second.services.map((s) => s.id).sort()).toEqual(fewer.map((s) => s.id).sort());
  });

  it('keeps the form version a citizen is filling when a new version arrives', async () => {
    const form = demoContent.forms[0];
    if (!form) throw new Error('demo content has no form');
    await applySnapshot(db, snapshot('r1'));
    const drafts = new DraftStore(db, 10);
    drafts.schedule({
      locale: 'de',
      serviceId: 's',
      formKey: formKey(form.id, form.version),
      stepIndex: 0,
      answers: {},
    });
    await drafts.flush();

    const newer = { ...form, version: form.version + 1 };
    await applySnapshot(db, snapshot('r2', { forms: [newer, ...demoContent.forms.slice(1)] }));
    const keys = (await readCatalog(db)).forms.map((f) => f.key);
    expect(keys).toContain(formKey(form.id, form.version));
    expect(keys).toContain(formKey(form.id, form.version + 1));

    await drafts.discard();
    await applySnapshot(db, snapshot('r3', { forms: [newer, ...demoContent.forms.slice(1)] }));
    expect((await readCatalog(db)).forms.map((f) => f.key)).not.toContain(formKey(form.id, form.version));
  });

  it('leaves the old catalog intact when a snapshot fails half-way', async () => {
    await applySnapshot(db, snapshot('r1'));
    const broken = snapshot('r2', { services: [...demoContent.services, { id: undefined } as never] });
    await expect(applySnapshot(db, broken)).rejects.toThrow();
    const after = await readCatalog(db);
    expect(after.meta?.revision).toBe('r1');
    expect(after.services).toHaveLength(demoContent.services.length);
  });
});

describe('DraftStore', () => {
  it('debounces writes and flushes on demand', async () => {
    const drafts = new DraftStore(db, 60_000);
    drafts.schedule({ locale: 'de', serviceId: 's', formKey: 'f@1', stepIndex: 0, answers: { a: '1' } });
    drafts.schedule({ locale: 'de', serviceId: 's', formKey: 'f@1', stepIndex: 1, answers: { a: '12' } });
    expect(await drafts.load()).toBeUndefined();
    await drafts.flush();
    expect((await drafts.load())?.answers).toEqual({ a: '12' });
  });

  it('discard forgets pending and stored drafts', async () => {
    const drafts = new DraftStore(db, 60_000);
    drafts.schedule({ locale: 'de', serviceId: 's', formKey: 'f@1', stepIndex: 0, answers: { a: 'x' } });
    await drafts.flush();
    drafts.schedule({ locale: 'de', serviceId: 's', formKey: 'f@1', stepIndex: 0, answers: { a: 'y' } });
    await drafts.discard();
    await drafts.flush();
    expect(await drafts.load()).toBeUndefined();
  });
});

describe('outbox', () => {
  it('finalizing queues the application and deletes the draft atomically', async () => {
    const drafts = new DraftStore(db, 10);
    drafts.schedule({
      locale: 'de',
      serviceId: 's',
      formKey: 'f@1',
      stepIndex: 2,
      answers: { name: 'Marker' },
    });
    await drafts.flush();
    await finalizeSubmission(db, request('11111111-1111-4111-8111-111111111111'));
    expect(await drafts.load()).toBeUndefined();
    expect(await outboxCounts(db)).toEqual({ waiting: 1, quarantined: 0 });
  });

  it('refuses the same id twice instead of overwriting', async () => {
    const id = '22222222-2222-4222-8222-222222222222';
    await finalizeSubmission(db, request(id));
    await expect(finalizeSubmission(db, request(id))).rejects.toThrow();
    expect(await outboxCounts(db)).toEqual({ waiting: 1, quarantined: 0 });
  });

  it('puts entries interrupted while sending back in the queue', async () => {
    const id = '33333333-3333-4333-8333-333333333333';
    await finalizeSubmission(db, request(id));
    await markSending(db, id);
    expect(await nextDueEntry(db, Date.now())).toBeUndefined();
    expect(await recoverInterruptedSends(db)).toBe(1);
    expect((await nextDueEntry(db, Date.now()))?.id).toBe(id);
  });
});
