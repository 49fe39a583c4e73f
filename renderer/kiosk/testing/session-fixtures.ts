import type { Office, OfficeKey } from '../../../protocol/catalog.js';
import { FormDefinition } from '../../../protocol/forms.js';
import type { DraftAttachment } from '../storage/index.js';

/** The form's office; with a real public key (the test reads the demo office's), applications can be sealed to it. */
export const officeWith = (publicJwk?: OfficeKey['jwk'] & { kid: string }): Office =>
  ({
    id: 'buergerbuero',
    encryptionKeys: publicJwk ? [{ kid: publicJwk.kid, status: 'current', jwk: publicJwk }] : [],
  }) as unknown as Office;

const label = (de: string) => ({ de });

/** A two-step parking form: a name, then whether there is a car (whose papers must be photographed). */
export const parkingForm = FormDefinition.parse({
  id: 'parken',
  version: 1,
  title: label('Parken'),
  description: label('Parken'),
  officeId: 'buergerbuero',
  schema: {
    type: 'object',
    properties: { name: { type: 'string', minLength: 1 }, ownCar: { type: 'boolean' } },
    required: ['name', 'ownCar'],
    additionalProperties: false,
  },
  ui: {
    steps: [
      { id: 'person', title: label('Person'), fields: ['name'] },
      { id: 'auto', title: label('Auto'), fields: ['ownCar', 'registration'] },
    ],
    fields: {
      name: { label: label('Name'), widget: 'text' },
      ownCar: { label: label('Eigenes Auto?'), widget: 'yesno' },
      registration: {
        label: label('Fahrzeugschein'),
        widget: 'photo',
        minCount: 1,
        visibleWhen: { field: 'ownCar', equals: true },
      },
    },
  },
  updatedAt: '2026-11-21T10:00:00.000Z',
});

/** Photo number n for `fieldId`, taken n seconds after 10:00 on 21 November 2026. */
export const photo = (n: number, fieldId: string): DraftAttachment => ({
  id: `30000000-0000-4000-8000-00000000000${n}`,
  fieldId,
  name: `foto-${n}.jpg`,
  mediaType: 'image/jpeg',
  size: 4,
  bytes: new Uint8Array([0xff, 0xd8, 0xff, n]),
  createdAt: new Date(Date.UTC(2026, 10, 21, 10, 0, n)).toISOString(),
});
