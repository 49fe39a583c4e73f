import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jwkThumbprint } from '../../../kiosk-config/fleet/office-keys.js';
import { ATTACHMENT_DEFAULTS } from '../../../protocol/attachments.js';
import type { FormAnswers } from '../../../protocol/forms.js';
import { openTestDatabase } from '../testing/outbox.js';
import { renderHook, settle } from '../testing/render-hook.js';
import { officeWith, parkingForm, photo } from '../testing/session-fixtures.js';
import { addDraftAttachment, DraftStore, type KioskDatabase } from '../storage/index.js';
import * as submission from './submission.js';
import type * as Submission from './submission.js';
import { useSubmit, type Application } from './use-submit.js';

// Counts the checks of a whole application while keeping what they do.
vi.mock('./submission.js', async (importOriginal) => {
  const actual = await importOriginal<typeof Submission>();
  return { ...actual, checkSubmission: vi.fn(actual.checkSubmission) };
});

const officeJwk = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../../demo/demo-keys/buergerbuero.public.jwk.json'), 'utf8'),
) as NonNullable<Parameters<typeof officeWith>[0]>;
const office = officeWith(officeJwk);
// The terminal's pins vouch for the office's key, as a signed config would.
const officeKeyPins = { [office.id]: [await jwkThumbprint(officeJwk)] };

let db: KioskDatabase;
let drafts: DraftStore;
beforeEach(async () => {
  db = await openTestDatabase('use-submit');
  drafts = new DraftStore(db, 60_000);
  vi.mocked(submission.checkSubmission).mockClear();
});
afterEach(() => db.delete());

const application = (answersAsShown: Record<string, unknown>): Application => ({
  form: parkingForm,
  office,
  serviceId: 'parken',
  locale: 'de',
  answersAsShown,
});

async function mount() {
  const sendNow = vi.fn();
  const hook = await renderHook(useSubmit, {
    db,
    drafts,
    limits: ATTACHMENT_DEFAULTS,
    officeKeyPins,
    sendNow,
  });
  return { hook, sendNow };
}

async function typeDraft(answers: FormAnswers) {
  drafts.schedule({ locale: 'de', serviceId: 'parken', formKey: 'parken@1', stepIndex: 2, answers });
  await drafts.flush();
}

describe('useSubmit', () => {
  it('checks the application once, stores it and deletes the draft once', async () => {
    await typeDraft({ name: 'Erika', ownCar: true });
    await addDraftAttachment(db, photo(1, 'registration'));
    const clears = vi.spyOn(db.drafts, 'clear');
    const discards = vi.spyOn(drafts, 'discard');
    const { hook, sendNow } = await mount();

    const result = await settle(() => hook.current.submit(application({ name: 'Erika', ownCar: true })));

    expect(result).toEqual({
      ok: true,
      receipt: { id: expect.any(String), trackingCode: expect.any(String) },
    });
    expect(submission.checkSubmission).toHaveBeenCalledTimes(1);
    expect(clears).toHaveBeenCalledTimes(1);
    expect(discards).not.toHaveBeenCalled();
    expect(await drafts.load()).toBeUndefined();
    expect(await db.draftAttachments.count()).toBe(0);
    expect(await db.outbox.count()).toBe(1);
    expect(sendNow).toHaveBeenCalledTimes(1);
    expect(hook.current.submitting).toBe(false);
    expect(hook.current.submittedAt).not.toBe('');
    await hook.unmount();
  });

  it('answers with every problem of the form in one pass and stores nothing', async () => {
    await typeDraft({ ownCar: true });
    const { hook, sendNow } = await mount();

    const result = await settle(() => hook.current.submit(application({ ownCar: true })));

    expect(result).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({ field: 'name', code: 'required' }),
        expect.objectContaining({ field: 'registration', code: 'required' }),
      ],
    });
    expect(submission.checkSubmission).toHaveBeenCalledTimes(1);
    expect(await db.outbox.count()).toBe(0);
    expect((await drafts.load())?.answers).toEqual({ ownCar: true });
    expect(sendNow).not.toHaveBeenCalled();
    expect(hook.current.failure).toBeNull();
    await hook.unmount();
  });

  it('names the file the limits refuse, and keeps the draft', async () => {
    await typeDraft({ name: 'Erika', ownCar: true });
    await addDraftAttachment(db, { ...photo(1, 'registration'), mediaType: 'image/gif' });
    const { hook } = await mount();

    const result = await settle(() => hook.current.submit(application({ name: 'Erika', ownCar: true })));

    const refused = { problem: 'wrong_type', attachmentName: 'foto-1.jpg', fieldId: 'registration' };
    expect(result).toEqual({ ok: false, failure: { refused } });
    expect(hook.current.failure).toEqual({ refused });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.draftAttachments.count()).toBe(1);
    await hook.unmount();
  });

  it('reports a full disk as such, and a second tap while storing does nothing', async () => {
    await typeDraft({ name: 'Erika', ownCar: false });
    vi.spyOn(db.outbox, 'add').mockRejectedValueOnce(
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    );
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { hook } = await mount();

    const [first, second] = await settle(() =>
      Promise.all([
        hook.current.submit(application({ name: 'Erika', ownCar: false })),
        hook.current.submit(application({ name: 'Erika', ownCar: false })),
      ]),
    );

    expect(first).toEqual({ ok: false, failure: 'storageFull' });
    expect(second).toBeNull();
    expect(submission.checkSubmission).toHaveBeenCalledTimes(1);
    expect(hook.current.failure).toBe('storageFull');
    expect((await drafts.load())?.answers).toEqual({ name: 'Erika', ownCar: false });
    await hook.unmount();
  });
});
