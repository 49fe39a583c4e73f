import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OfficeKey } from '../../../protocol/catalog.js';
import { FormDefinition } from '../../../protocol/forms.js';
import { importDecryptionKey } from './jwe.js';
import { bindingProblems, openSubmission } from './open.js';
import { sealApplication } from './seal.js';

const keyDir = resolve(import.meta.dirname, '../../../demo/demo-keys');
const readJwk = (file: string) =>
  JSON.parse(readFileSync(resolve(keyDir, file), 'utf8')) as JsonWebKey & { kid: string };
const publicJwk = readJwk('buergerbuero.public.jwk.json');
const privateJwk = readJwk('buergerbuero.private.jwk.json');

const label = (de: string) => ({ de });
const form = FormDefinition.parse({
  id: 'parken',
  version: 1,
  title: label('Parken'),
  description: label('Parken'),
  officeId: 'buergerbuero',
  schema: {
    type: 'object',
    properties: { plate: { type: 'string' } },
    required: ['plate'],
    additionalProperties: false,
  },
  ui: {
    steps: [{ id: 'auto', title: label('Auto'), fields: ['plate', 'registration'] }],
    fields: {
      plate: { label: label('Kennzeichen'), widget: 'text' },
      registration: { label: label('Fahrzeugschein'), widget: 'photo', minCount: 1 },
    },
  },
  updatedAt: '2026-11-21T10:00:00.000Z',
});

async function seal(
  fieldIds: string[],
  id = '11111111-1111-4111-8111-111111111111',
  trackingCode = 'ABCD-EFGH-JKMN',
) {
  const { request } = await sealApplication(
    {
      id,
      trackingCode,
      formId: 'parken',
      formVersion: 1,
      serviceId: 's',
      locale: 'de',
      submittedAt: '2026-11-21T10:00:00.000Z',
    },
    { plate: 'MEI-LA 123' },
    [{ kid: publicJwk.kid, status: 'current', jwk: OfficeKey.shape.jwk.parse(publicJwk) }],
    fieldIds.map((fieldId, index) => ({
      id: `22222222-2222-4222-8222-22222222222${index}`,
      name: `foto-${index + 1}.jpg`,
      mediaType: 'image/jpeg',
      bytes: new Uint8Array([0xff, 0xd8, 0xff, index]),
      fieldId,
    })),
  );
  return request;
}

async function sealAndOpen(fieldIds: string[]) {
  return openSubmission(await seal(fieldIds), form, await importDecryptionKey(privateJwk));
}

describe('the clerk opens an application whose form requires a photo', () => {
  it('is warned when the sealed metadata names no file for that field (the hub cannot see this)', async () => {
    expect((await sealAndOpen([])).fieldErrors).toEqual([
      { field: 'registration', code: 'required', message: 'registration needs at least 1 photo, has 0' },
    ]);
    expect((await sealAndOpen(['other'])).fieldErrors.map((e) => e.field)).toEqual(['registration']);
  });

  it('sees no problem when the photo came with it', async () => {
    const opened = await sealAndOpen(['registration']);
    expect(opened.fieldErrors).toEqual([]);
    expect(opened.problems).toEqual([]);
  });
});

describe('the clerk opens one submission’s JWEs under another’s envelope', () => {
  it('is warned that the sealed metadata names another submission id and tracking code', async () => {
    const first = await seal(['registration']);
    const second = await seal(['registration'], '33333333-3333-4333-8333-333333333333', 'WXYZ-PQRS-TUVW');
    const swapped = { ...second, data: first.data, metadata: first.metadata };
    const opened = await openSubmission(swapped, form, await importDecryptionKey(privateJwk));
    expect(opened.problems).toEqual([
      'The metadata record belongs to submission 11111111-1111-4111-8111-111111111111, not to this envelope (33333333-3333-4333-8333-333333333333).',
      'The metadata record carries tracking code ABCD-EFGH-JKMN, not WXYZ-PQRS-TUVW as the envelope.',
    ]);
  });

  it('is warned when the metadata names no submission at all (sealed before the binding)', () => {
    expect(bindingProblems({}, { id: 'a', trackingCode: 'b' })).toEqual([
      'The metadata record does not name its submission; it cannot be matched to this envelope.',
    ]);
    expect(bindingProblems({ submissionId: 'a', trackingCode: 'b' }, { id: 'a', trackingCode: 'b' })).toEqual(
      [],
    );
  });
});
