import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ATTACHMENT_DEFAULTS } from '../../../protocol/attachments.js';
import { openTestDatabase } from '../testing/outbox.js';
import { renderHook, settle } from '../testing/render-hook.js';
import { parkingForm, photo } from '../testing/session-fixtures.js';
import { addDraftAttachment, DraftStore, type KioskDatabase } from '../storage/index.js';
import { useAttachments, type AttachmentsInput } from './use-attachments.js';

let db: KioskDatabase;
let input: AttachmentsInput;
beforeEach(async () => {
  db = await openTestDatabase('use-attachments');
  input = {
    db,
    drafts: new DraftStore(db, 60_000),
    limits: ATTACHMENT_DEFAULTS,
    form: parkingForm,
    answers: { ownCar: true },
    onFieldSatisfied: vi.fn(),
  };
});
afterEach(() => db.delete());

const jpeg = {
  name: 'fahrzeugschein.jpg',
  mediaType: 'image/jpeg',
  bytes: new Uint8Array([0xff, 0xd8, 0xff, 1]),
};

describe('useAttachments', () => {
  it('mirrors the draft files stored before the session mounted', async () => {
    await addDraftAttachment(db, photo(1, 'registration'));
    const hook = await renderHook(useAttachments, input);
    await settle(() => hook.current.reload());
    expect(hook.current.items.map((a) => a.id)).toEqual([photo(1, 'registration').id]);
    await hook.unmount();
  });

  it('stores a new file, shows it at once and clears the field’s "missing" message', async () => {
    const hook = await renderHook(useAttachments, input);
    const problem = await settle(() => hook.current.add('registration', jpeg));
    expect(problem).toBeNull();
    expect(hook.current.items).toEqual([expect.objectContaining({ fieldId: 'registration', size: 4 })]);
    expect(await db.draftAttachments.count()).toBe(1);
    expect(input.onFieldSatisfied).toHaveBeenCalledWith('registration');
    await hook.unmount();
  });

  it('says why the limits refuse a file and stores nothing', async () => {
    const hook = await renderHook(useAttachments, {
      ...input,
      limits: { ...ATTACHMENT_DEFAULTS, maxCount: 0 },
    });
    expect(await settle(() => hook.current.add('registration', jpeg))).toBe('too_many');
    expect(await settle(() => hook.current.add('registration', { ...jpeg, mediaType: 'text/plain' }))).toBe(
      'wrong_type',
    );
    expect(await db.draftAttachments.count()).toBe(0);
    expect(input.onFieldSatisfied).not.toHaveBeenCalled();
    await hook.unmount();
  });

  it('removes a file from the draft and from the screen', async () => {
    await addDraftAttachment(db, photo(1, 'registration'));
    const hook = await renderHook(useAttachments, input);
    await settle(() => hook.current.reload());
    const removed = new Promise<void>((done) => db.draftAttachments.hook('deleting', () => done()));
    await settle(async () => {
      hook.current.remove(photo(1, 'registration').id);
      await removed;
      await hook.current.reload();
    });
    expect(hook.current.items).toEqual([]);
    expect(await db.draftAttachments.count()).toBe(0);
    await hook.unmount();
  });
});
