import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, sealedRequest } from '../testing/outbox.js';
import { wipeCitizenData } from './citizen-data.js';
import type { DraftAttachment, KioskDatabase } from './db.js';
import { addDraftAttachment, draftAttachments } from './draft-attachments.js';
import { acknowledge, finalizeSubmission } from './outbox-store.js';

let db: KioskDatabase;
beforeEach(async () => {
  db = await openTestDatabase('draft-attachments');
});
afterEach(() => db.delete());

const photo = (n: number): DraftAttachment => ({
  id: `20000000-0000-4000-8000-00000000000${n}`,
  fieldId: 'registrationPhoto',
  name: `foto-${n}.jpg`,
  mediaType: 'image/jpeg',
  size: 4,
  bytes: new Uint8Array([0xff, 0xd8, 0xff, n]),
  createdAt: new Date(Date.UTC(2026, 10, 21, 10, 0, n)).toISOString(),
});

const request = sealedRequest(1, { attachments: [{ id: photo(1).id, length: 20 }] });

describe('draft attachments', () => {
  it('are citizen data: the session wipe deletes the plaintext photos', async () => {
    await addDraftAttachment(db, photo(2));
    await addDraftAttachment(db, photo(1));
    expect((await draftAttachments(db)).map((a) => a.name)).toEqual(['foto-1.jpg', 'foto-2.jpg']);
    await wipeCitizenData(db);
    expect(await db.draftAttachments.count()).toBe(0);
  });

  it('leave in the finalize transaction that queues the sealed ones, which go with the acknowledgement', async () => {
    await addDraftAttachment(db, photo(1));
    await finalizeSubmission(db, request, [{ id: photo(1).id, jwe: 'a.b.c.d.e' }]);
    expect(await db.draftAttachments.count()).toBe(0);
    expect(await db.outboxAttachments.toArray()).toEqual([
      { submissionId: request.id, id: photo(1).id, jwe: 'a.b.c.d.e' },
    ]);
    await acknowledge(db, request.id);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.outboxAttachments.count()).toBe(0);
  });

  it('stay in the draft when finalizing fails, and nothing is queued', async () => {
    await addDraftAttachment(db, photo(1));
    await finalizeSubmission(db, request, []);
    // The same id again fails inside the transaction: neither half happens.
    await addDraftAttachment(db, photo(2));
    await expect(finalizeSubmission(db, request, [{ id: photo(2).id, jwe: 'x.y.z.w.v' }])).rejects.toThrow();
    expect(await db.draftAttachments.count()).toBe(1);
    expect(await db.outboxAttachments.count()).toBe(0);
  });
});
