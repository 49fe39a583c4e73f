import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ATTACHMENT_DEFAULTS } from '../../../protocol/attachments.js';
import type { Office, OfficeKey } from '../../../protocol/catalog.js';
import { FormDefinition } from '../../../protocol/forms.js';
import { KioskDatabase, type DraftAttachment } from '../storage/db.js';
import { addDraftAttachment } from '../storage/draft-attachments.js';
import { jwkThumbprint } from '../../../kiosk-config/fleet/office-keys.js';
import { AttachmentsMissing, finalize, OfficeKeyRefused } from './finalize.js';

const publicJwk = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../../demo/demo-keys/buergerbuero.public.jwk.json'), 'utf8'),
) as OfficeKey['jwk'] & { kid: string };
const office = {
  id: 'buergerbuero',
  encryptionKeys: [{ kid: publicJwk.kid, status: 'current', jwk: publicJwk }],
} as unknown as Office;

const label = (de: string) => ({ de });
const form = FormDefinition.parse({
  id: 'parken',
  version: 1,
  title: label('Parken'),
  description: label('Parken'),
  officeId: 'buergerbuero',
  schema: {
    type: 'object',
    properties: { ownCar: { type: 'boolean' } },
    required: ['ownCar'],
    additionalProperties: false,
  },
  ui: {
    steps: [{ id: 'auto', title: label('Auto'), fields: ['ownCar', 'registration', 'other'] }],
    fields: {
      ownCar: { label: label('Eigenes Auto?'), widget: 'yesno' },
      registration: {
        label: label('Fahrzeugschein'),
        widget: 'photo',
        minCount: 1,
        visibleWhen: { field: 'ownCar', equals: true },
      },
      other: { label: label('Weiteres'), widget: 'scan' },
    },
  },
  updatedAt: '2026-11-21T10:00:00.000Z',
});

const file = (n: number, fieldId: string): DraftAttachment => ({
  id: `30000000-0000-4000-8000-00000000000${n}`,
  fieldId,
  name: `foto-${n}.jpg`,
  mediaType: 'image/jpeg',
  size: 4,
  bytes: new Uint8Array([0xff, 0xd8, 0xff, n]),
  createdAt: new Date(Date.UTC(2026, 10, 21, 10, 0, n)).toISOString(),
});

let db: KioskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new KioskDatabase(`finalize-${++counter}`);
  await db.open();
});
afterEach(() => db.delete());

const pins = async () => ({ buergerbuero: [await jwkThumbprint(publicJwk)] });

const run = async (answers: { ownCar: boolean }, target: Office = office) =>
  finalize(db, {
    form,
    office: target,
    serviceId: 's',
    locale: 'de',
    answersAsShown: answers,
    attachmentLimits: ATTACHMENT_DEFAULTS,
    officeKeyPins: await pins(),
  });

describe('finalize and required photo fields', () => {
  it('refuses while a shown required photo field has no photo, and writes nothing', async () => {
    await addDraftAttachment(db, file(1, 'other'));
    const refused = await run({ ownCar: true }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AttachmentsMissing);
    expect((refused as AttachmentsMissing).errors).toEqual([
      expect.objectContaining({ field: 'registration', code: 'required' }),
    ]);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.draftAttachments.count()).toBe(1);

    await addDraftAttachment(db, file(2, 'registration'));
    await run({ ownCar: true });
    expect(await db.outbox.count()).toBe(1);
    expect((await db.outboxAttachments.toArray()).map((a) => a.id).sort()).toEqual([
      file(1, 'other').id,
      file(2, 'registration').id,
    ]);
  });

  it('neither asks for nor sends the photos of a field its condition hides', async () => {
    await addDraftAttachment(db, file(1, 'other'));
    await addDraftAttachment(db, file(2, 'registration')); // taken before the answer changed
    await run({ ownCar: false });
    const [entry] = await db.outbox.toArray();
    expect(entry?.request.attachments?.map((a) => a.id)).toEqual([file(1, 'other').id]);
    expect((await db.outboxAttachments.toArray()).map((a) => a.id)).toEqual([file(1, 'other').id]);
    expect(await db.draftAttachments.count()).toBe(0); // the hidden field's photo is gone too
  });
});

describe('finalize and the office key', () => {
  it('seals nothing and writes nothing when the content carries a key the pins do not vouch for', async () => {
    await addDraftAttachment(db, file(1, 'other'));
    const otherJwk = JSON.parse(
      readFileSync(
        resolve(import.meta.dirname, '../../../demo/demo-keys/ordnungsamt.public.jwk.json'),
        'utf8',
      ),
    ) as OfficeKey['jwk'];
    // The same kid, another key: what a proxy in the line or a hostile hub would hand out.
    const swapped = {
      ...office,
      encryptionKeys: [{ kid: publicJwk.kid, status: 'current', jwk: { ...otherJwk, kid: publicJwk.kid } }],
    } as Office;
    const refused = await run({ ownCar: false }, swapped).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OfficeKeyRefused);
    expect((refused as OfficeKeyRefused).verdict).toMatchObject({
      code: 'not_pinned',
      officeId: 'buergerbuero',
    });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.outboxAttachments.count()).toBe(0);
    expect(await db.draftAttachments.count()).toBe(1);
  });
});
