import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallRequest } from '../../../protocol/calls.js';
import { acknowledgeCallRequest, pendingCallRequests, queueCallRequest } from './call-request-store.js';
import { wipeCitizenData } from './citizen-data.js';
import { KioskDatabase } from './db.js';
import { addDraftAttachment, draftAttachments } from './draft-attachments.js';
import { DraftStore } from './draft-store.js';
import { memoryKeeper, type KeyKeeper } from './session-vault.js';

/** What the citizen's rows look like at rest, and what a reload, a restart and a session end leave readable. */
let counter = 0;
const open: KioskDatabase[] = [];
async function database(name: string, keeper: KeyKeeper): Promise<KioskDatabase> {
  const db = new KioskDatabase(name, keeper);
  await db.open();
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
  vi.restoreAllMocks();
});

const MARKER = 'Quittenweg 5, Kühnhardt';
const draft = { locale: 'de', serviceId: 's', formKey: 'f@1', stepIndex: 1, answers: { street: MARKER } };
const photo = {
  id: '30000000-0000-4000-8000-000000000001',
  fieldId: 'registrationPhoto',
  name: 'fahrzeugschein-kuehnhardt.jpg',
  mediaType: 'image/jpeg',
  size: 6,
  bytes: new Uint8Array([0xff, 0xd8, 0x51, 0x75, 0x69, 0x74]),
  createdAt: '2026-11-21T10:00:00.000Z',
};
const callback: CallRequest = {
  kind: 'callback',
  id: '40000000-0000-4000-8000-000000000001',
  officeId: 'ordnungsamt',
  serviceId: null,
  locale: 'de',
  name: 'Ottilie Kühnhardt',
  phone: '+49 3521 765432',
  note: 'Bitte nach 16 Uhr',
  createdAt: '2026-11-21T10:00:00.000Z',
};

const rawRows = async (db: KioskDatabase) =>
  JSON.stringify([
    await db.drafts.toArray(),
    (await db.draftAttachments.toArray()).map((row) => ({
      ...row,
      raw: Buffer.from(row.sealedBytes.data).toString('latin1'),
    })),
    await db.device.toArray(),
  ]);

describe('citizen records at rest', () => {
  it('hold no plaintext: the draft, the photo (name and bytes) and the callback request are sealed', async () => {
    const db = await database(`sealed-${++counter}`, memoryKeeper());
    const drafts = new DraftStore(db, 0);
    drafts.schedule(draft);
    await drafts.flush();
    await addDraftAttachment(db, photo);
    await queueCallRequest(db, callback);
    const stored = await rawRows(db);
    for (const text of ['Quittenweg', 'Kühnhardt', 'kuehnhardt', 'Quit', '765432', '16 Uhr', '"s"'])
      expect(stored).not.toContain(text);
    // Readable again through the storage module.
    expect((await drafts.load())?.answers).toEqual({ street: MARKER });
    expect((await draftAttachments(db))[0]).toMatchObject({ name: photo.name, bytes: photo.bytes });
    expect((await pendingCallRequests(db))[0]?.request).toEqual(callback);
  });

  it('survive a reload (same tab, same keys) but not a restart (keys gone): then they are deleted', async () => {
    const name = `sealed-${++counter}`;
    const keeper = memoryKeeper();
    const first = await database(name, keeper);
    const drafts = new DraftStore(first, 0);
    drafts.schedule(draft);
    await drafts.flush();
    await addDraftAttachment(first, photo);
    await queueCallRequest(first, callback);
    first.close();

    const reloaded = await database(name, keeper);
    expect((await new DraftStore(reloaded).load())?.answers).toEqual({ street: MARKER });
    expect(await draftAttachments(reloaded)).toHaveLength(1);
    expect(await pendingCallRequests(reloaded)).toHaveLength(1);
    reloaded.close();

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const restarted = await database(name, memoryKeeper());
    expect(await draftAttachments(restarted)).toEqual([]);
    expect(await new DraftStore(restarted).load()).toBeUndefined();
    expect(await restarted.drafts.count()).toBe(0);
    expect(await restarted.draftAttachments.count()).toBe(0);
    expect(await pendingCallRequests(restarted)).toEqual([]);
    expect(await restarted.device.count()).toBe(0);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('1 sealed before the last restart'));
  });

  it('the session end forgets the session key: a draft row left behind (as in LevelDB’s log) stays closed', async () => {
    const keeper = memoryKeeper();
    const db = await database(`sealed-${++counter}`, keeper);
    const drafts = new DraftStore(db, 0);
    drafts.schedule(draft);
    await drafts.flush();
    const leftover = await db.drafts.get('current');
    await wipeCitizenData(db);
    expect(keeper.read('session')).toBeNull();
    if (!leftover) throw new Error('no draft stored');
    await db.drafts.put(leftover); // what the log still holds of the deleted row
    expect(await drafts.load()).toBeUndefined();
  });

  it('the queue key lives while a callback waits and is forgotten once the queue is empty', async () => {
    const keeper = memoryKeeper();
    const db = await database(`sealed-${++counter}`, keeper);
    await queueCallRequest(db, callback);
    await queueCallRequest(db, { ...callback, id: '40000000-0000-4000-8000-000000000002' });
    await wipeCitizenData(db); // the citizen's session ends; the queue is not the citizen's session
    expect(await pendingCallRequests(db)).toHaveLength(2);
    await acknowledgeCallRequest(db, callback.id);
    expect(keeper.read('queue')).not.toBeNull();
    await acknowledgeCallRequest(db, '40000000-0000-4000-8000-000000000002');
    expect(keeper.read('queue')).toBeNull();
  });

  it('still sends callback requests queued in the clear by an earlier version', async () => {
    const db = await database(`sealed-${++counter}`, memoryKeeper());
    await db.device.put({
      key: `call-request:${callback.id}`,
      value: { request: callback, attempts: 2, nextAttemptAt: 0, lastError: null },
    });
    expect(await pendingCallRequests(db)).toEqual([
      { request: callback, attempts: 2, nextAttemptAt: 0, lastError: null },
    ]);
  });
});
