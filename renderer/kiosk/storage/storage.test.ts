import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentChange, ContentChanges } from '../../../protocol/content-changes.js';
import type { ContentSnapshot } from '../../../protocol/content.js';
import { demoContent } from '../../../demo/demo-content.js';
import { openTestDatabase, sealedRequest } from '../testing/outbox.js';
import {
  KioskDatabase,
  applyStaged,
  DraftStore,
  finalizeSubmission,
  formKey,
  pullStart,
  readCatalog,
  stagePage,
} from './index.js';
import {
  earliestAttempt,
  markSending,
  nextDueEntry,
  outboxCounts,
  quarantine,
  recoverInterruptedSends,
  retryAllNow,
  scheduleRetry,
} from './outbox-store.js';

let db: KioskDatabase;

beforeEach(async () => {
  db = await openTestDatabase('test');
});
afterEach(async () => {
  vi.useRealTimers();
  await db.delete();
});

type Content = Omit<ContentSnapshot, 'revision'>;

/** The content as a page of changes, as the hub's delta pull sends it. */
function page(
  revision: string,
  content: Partial<Content>,
  options: { deleted?: ContentChange[]; checkpoint?: string; hasMore?: boolean } = {},
): ContentChanges {
  const at = '2026-11-01T08:00:00.000Z';
  const changes: ContentChange[] = [
    ...(content.offices ?? []).map((d) => ({
      kind: 'office' as const,
      key: d.id,
      updatedAt: at,
      deleted: false,
      document: d,
    })),
    ...(content.categories ?? []).map((d) => ({
      kind: 'category' as const,
      key: d.id,
      updatedAt: at,
      deleted: false,
      document: d,
    })),
    ...(content.services ?? []).map((d) => ({
      kind: 'service' as const,
      key: d.id,
      updatedAt: at,
      deleted: false,
      document: d,
    })),
    ...(content.forms ?? []).map((d) => ({
      kind: 'form' as const,
      key: formKey(d.id, d.version),
      updatedAt: at,
      deleted: false,
      document: d,
    })),
    ...(options.deleted ?? []),
  ];
  return {
    revision,
    municipality: demoContent.municipality,
    changes,
    checkpoint: options.checkpoint ?? `cp-${revision}`,
    hasMore: options.hasMore ?? false,
  };
}

async function pullPages(...pages: ContentChanges[]): Promise<void> {
  for (const p of pages) await stagePage(db, p);
  await applyStaged(db);
}

const request = (id: string) => sealedRequest(0, { id });

describe('content pull: stage pages, apply together', () => {
  it('applies a whole catalog, then deletions and edits from a later pull', async () => {
    await pullPages(page('r1', demoContent));
    const first = await readCatalog(db);
    expect(first.meta).toMatchObject({ revision: 'r1', checkpoint: 'cp-r1' });
    expect(first.services).toHaveLength(demoContent.services.length);

    const [gone, edited] = demoContent.services;
    if (!gone || !edited) throw new Error('demo content too small');
    await pullPages(
      page(
        'r2',
        { services: [{ ...edited, name: { de: 'Neu' } }] },
        {
          deleted: [{ kind: 'service', key: gone.id, updatedAt: 'x', deleted: true }],
        },
      ),
    );
    const second = await readCatalog(db);
    expect(second.meta?.revision).toBe('r2');
    expect(second.services).toHaveLength(demoContent.services.length - 1);
    expect(second.services.find((s) => s.id === edited.id)?.name).toEqual({ de: 'Neu' });
    expect(second.services.find((s) => s.id === gone.id)).toBeUndefined();
  });

  it('keeps the form version a citizen is filling when it is withdrawn meanwhile', async () => {
    const form = demoContent.forms[0];
    if (!form) throw new Error('demo content has no form');
    await pullPages(page('r1', demoContent));
    const drafts = new DraftStore(db, 10);
    const key = formKey(form.id, form.version);
    drafts.schedule({ locale: 'de', serviceId: 's', formKey: key, stepIndex: 0, answers: {} });
    await drafts.flush();
    const newer = { ...form, version: form.version + 1 };
    const withdrawOld: ContentChange = { kind: 'form', key, updatedAt: 'x', deleted: true };
    await pullPages(page('r2', { forms: [newer] }, { deleted: [withdrawOld] }));
    const keys = (await readCatalog(db)).forms.map((f) => f.key);
    expect(keys).toContain(key);
    expect(keys).toContain(formKey(form.id, form.version + 1));

    await drafts.discard();
    await pullPages(page('r3', {}, { deleted: [withdrawOld] }));
    expect((await readCatalog(db)).forms.map((f) => f.key)).not.toContain(key);
  });

  it('shows nothing of a pull until its last page, and resumes an interrupted pull', async () => {
    await pullPages(page('r1', demoContent));
    const [a, b] = demoContent.services;
    if (!a || !b) throw new Error('demo content too small');
    await stagePage(
      db,
      page('r2', { services: [{ ...a, name: { de: 'A2' } }] }, { checkpoint: 'cp-page1', hasMore: true }),
    );
    expect((await readCatalog(db)).services.find((s) => s.id === a.id)?.name).toEqual(a.name);

    // The terminal is switched off here; after the restart the pull goes on from page 2.
    db.close();
    db = new KioskDatabase(db.name);
    await db.open();
    expect(await pullStart(db)).toEqual({ since: 'cp-page1', inProgress: true, revision: 'r1' });
    await stagePage(db, page('r2', { services: [{ ...b, name: { de: 'B2' } }] }, { checkpoint: 'cp-page2' }));
    await applyStaged(db);
    const after = await readCatalog(db);
    expect(after.meta).toMatchObject({ revision: 'r2', checkpoint: 'cp-page2' });
    expect(after.services.find((s) => s.id === a.id)?.name).toEqual({ de: 'A2' });
    expect(after.services.find((s) => s.id === b.id)?.name).toEqual({ de: 'B2' });
    expect(await pullStart(db)).toEqual({ since: 'cp-page2', inProgress: false, revision: 'r2' });
  });

  it('leaves the old catalog intact when applying fails, and keeps the pages to retry', async () => {
    await pullPages(page('r1', demoContent));
    const broken = page('r2', { services: [{ id: undefined } as never] });
    await stagePage(db, broken);
    await expect(applyStaged(db)).rejects.toThrow();
    const after = await readCatalog(db);
    expect(after.meta?.revision).toBe('r1');
    expect(after.services).toHaveLength(demoContent.services.length);
    expect((await pullStart(db)).inProgress).toBe(true);
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
  it('survives a full disk: reports it, keeps the form going, and saves again once there is room', async () => {
    const drafts = new DraftStore(db, 60_000);
    const full = vi
      .spyOn(db.drafts, 'put')
      .mockRejectedValueOnce(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    drafts.schedule({ locale: 'de', serviceId: 's', formKey: 'f@1', stepIndex: 0, answers: { a: '1' } });
    await expect(drafts.flush()).resolves.toBeUndefined();
    expect(drafts.problem.get()).toBe('full');
    expect(await drafts.load()).toBeUndefined();
    full.mockRestore();
    drafts.schedule({ locale: 'de', serviceId: 's', formKey: 'f@1', stepIndex: 0, answers: { a: '12' } });
    await drafts.flush();
    expect(drafts.problem.get()).toBeNull();
    expect((await drafts.load())?.answers).toEqual({ a: '12' });
  });
});

describe('DraftStore.finish', () => {
  const draft = (a: string) => ({
    locale: 'de' as const,
    serviceId: 's',
    formKey: 'f@1',
    stepIndex: 1,
    answers: { a },
  });

  it('writes what is pending, then lets the submission delete the draft, and writes nothing back', async () => {
    const drafts = new DraftStore(db, 60_000);
    drafts.schedule(draft('typed'));
    const seenByStore = await drafts.finish(async () => {
      const stored = await drafts.load();
      drafts.schedule(draft('changed while storing'));
      await drafts.flush();
      await db.drafts.clear(); // what finalizeSubmission's transaction does
      return stored?.answers;
    });
    expect(seenByStore).toEqual({ a: 'typed' });
    await drafts.flush();
    expect(await drafts.load()).toBeUndefined();
  });

  it('keeps the draft and saves the change made meanwhile when storing fails', async () => {
    const drafts = new DraftStore(db, 60_000);
    drafts.schedule(draft('typed'));
    const failed = drafts.finish(() => {
      drafts.schedule(draft('changed while storing'));
      return Promise.reject(new Error('disk'));
    });
    await expect(failed).rejects.toThrow('disk');
    expect((await drafts.load())?.answers).toEqual({ a: 'typed' });
    await drafts.flush();
    expect((await drafts.load())?.answers).toEqual({ a: 'changed while storing' });
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

  it('knows the earliest due attempt, and a reset touches only entries waiting out a backoff', async () => {
    const ids = [
      '44444444-4444-4444-8444-444444444441',
      '44444444-4444-4444-8444-444444444442',
      '44444444-4444-4444-8444-444444444443',
      '44444444-4444-4444-8444-444444444444',
    ] as const;
    expect(await earliestAttempt(db)).toBeNull();
    for (const id of ids) await finalizeSubmission(db, request(id));
    const now = Date.now();
    await scheduleRetry(db, ids[0], 'hub away', now + 60_000);
    await scheduleRetry(db, ids[1], 'hub away', now + 30_000);
    await scheduleRetry(db, ids[2], 'hub away', now + 90_000);
    await quarantine(db, ids[2], 'form withdrawn'); // keeps its nextAttemptAt, must stay out
    // One entry never tried is due at once, so the earliest attempt is now.
    expect(await earliestAttempt(db)).toBe(0);
    await markSending(db, ids[3]);
    expect(await earliestAttempt(db)).toBe(now + 30_000);
    expect(await nextDueEntry(db, now)).toBeUndefined();

    const before = await db.outbox.get(ids[3]);
    expect(await retryAllNow(db, now)).toBe(2);
    expect(await earliestAttempt(db)).toBe(0);
    expect((await nextDueEntry(db, now))?.id).toBe(ids[0]);
    const after = await Promise.all(ids.map((id) => db.outbox.get(id)));
    expect(after.map((e) => [e?.state, e?.nextAttemptAt, e?.attempts])).toEqual([
      ['final', 0, 1],
      ['final', 0, 1],
      ['quarantined', now + 90_000, 1],
      ['sending', 0, 0],
    ]);
    expect(after[3]).toEqual(before);
  });

  it('counts the outbox from its index, without loading a single application', async () => {
    await finalizeSubmission(db, request('55555555-5555-4555-8555-555555555551'));
    await finalizeSubmission(db, request('55555555-5555-4555-8555-555555555552'));
    await finalizeSubmission(db, request('55555555-5555-4555-8555-555555555553'));
    await markSending(db, '55555555-5555-4555-8555-555555555552');
    await quarantine(db, '55555555-5555-4555-8555-555555555553', 'form withdrawn');
    // A cursor loads values: counting a thousand queued applications that way held up the sender.
    const cursors = [
      vi.spyOn(IDBIndex.prototype, 'openCursor'),
      vi.spyOn(IDBObjectStore.prototype, 'openCursor'),
      vi.spyOn(IDBIndex.prototype, 'getAll'),
    ];
    expect(await outboxCounts(db)).toEqual({ waiting: 2, quarantined: 1 });
    for (const spy of cursors) expect(spy).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });
});
