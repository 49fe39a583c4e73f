import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ATTACHMENT_DEFAULTS } from '../../../protocol/attachments.js';
import type { Office, Service } from '../../../protocol/catalog.js';
import { FormDefinition } from '../../../protocol/forms.js';
import type { DeliveryKey } from '../../../protocol/routes/delivery.js';
import { jwkThumbprint } from '../../../kiosk-config/fleet/office-keys.js';
import { receiveWithPython } from '../../../tests/support/fitconnect-standin/fixture.js';
import { makeTestPki, type TestPki } from '../../../tests/support/fitconnect-standin/pki.js';
import { parseCertificate } from '../../shared/encryption/x5c.js';
import { KioskDatabase } from '../storage/db.js';
import { addDraftAttachment } from '../storage/draft-attachments.js';
import { saveDeliveryKeys } from '../storage/delivery-key-store.js';
import { DestinationKeyRefused, finalize } from './finalize.js';

const KID = 'fit-connect-enc-1';
const label = (de: string) => ({ de });
const form = FormDefinition.parse({
  id: 'parken',
  version: 2,
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
    steps: [{ id: 'auto', title: label('Auto'), fields: ['ownCar', 'other'] }],
    fields: {
      ownCar: { label: label('Eigenes Auto?'), widget: 'yesno' },
      other: { label: label('Weiteres'), widget: 'scan' },
    },
  },
  updatedAt: '2026-11-21T10:00:00.000Z',
});
// A FIT-Connect office holds no key clerks use; the destination key comes with the content.
const office = { id: 'buergerbuero', encryptionKeys: [] } as unknown as Office;

let pki: TestPki;
let key: DeliveryKey;
let now: Date;
let db: KioskDatabase;
let counter = 0;

beforeAll(() => {
  pki = makeTestPki(KID);
  key = {
    officeId: 'buergerbuero',
    destinationId: '879ee109-a690-4db8-ab32-424284184d7d',
    kid: KID,
    jwk: pki.jwk as unknown as DeliveryKey['jwk'],
    fetchedAt: '2026-12-01T10:00:00.000Z',
  };
  now = new Date(parseCertificate(Buffer.from(pki.x5c[0] ?? '', 'base64')).notBefore.getTime() + 86_400_000);
}, 60_000);
beforeEach(async () => {
  db = new KioskDatabase(`finalize-fc-${++counter}`);
  await db.open();
});
afterEach(() => db.delete());

const run = async (roots: string[]) => {
  // As the sync leaves it: the key the hub passed on, and the service from the content.
  await saveDeliveryKeys(db, [key]);
  await db.services.put({
    id: 'parken',
    leikaKey: '99050012104000',
    name: { de: 'Bewohnerparkausweis' },
  } as Service);
  return finalize(db, {
    form,
    office,
    serviceId: 'parken',
    locale: 'de',
    answersAsShown: { ownCar: true },
    attachmentLimits: ATTACHMENT_DEFAULTS,
    officeKeyPins: { buergerbuero: [await jwkThumbprint(pki.jwk as { kty: string; n: string; e: string })] },
    fitConnectRoots: roots,
    now: () => now,
  });
};

describe('finalize for a FIT-Connect office', () => {
  it('seals data, FIT-Connect metadata and attachments to the checked destination key', async () => {
    await addDraftAttachment(db, {
      id: '30000000-0000-4000-8000-000000000001',
      fieldId: 'other',
      name: 'nachweis.jpg',
      mediaType: 'image/jpeg',
      size: 4,
      bytes: new Uint8Array([0xff, 0xd8, 0xff, 1]),
      createdAt: '2026-11-21T10:00:01.000Z',
    });
    await run([pki.rootDer]);
    const [entry] = await db.outbox.toArray();
    expect(entry?.request.keyId).toBe(KID);
    const sealed = await db.outboxAttachments.toArray();
    // The receiving office's view, with tools independent of ours.
    const received = await receiveWithPython(
      {
        submissionId: 'x',
        caseId: 'x',
        destinationId: key.destinationId,
        announcedAttachments: [],
        serviceType: null,
        attachments: new Map(sealed.map((a) => [a.id, a.jwe])),
        encryptedData: entry?.request.data ?? '',
        encryptedMetadata: entry?.request.metadata ?? '',
        submitted: true,
        events: [],
      },
      pki.privateJwk,
    );
    expect(received.errors).toEqual([]);
    expect(received.data).toEqual({ ownCar: true });
    expect(received.metadata).toMatchObject({
      publicServiceType: { identifier: 'urn:de:fim:leika:leistung:99050012104000' },
      contentStructure: { data: { submissionSchema: { schemaUri: 'urn:point-of-public:form:parken:2' } } },
    });
  });

  it('seals nothing when the chain does not lead to a configured root', async () => {
    await expect(run([pki.strangerRootDer])).rejects.toBeInstanceOf(DestinationKeyRefused);
    await expect(run([])).rejects.toThrow(/no trusted root/);
    expect(await db.outbox.count()).toBe(0);
  });
});
