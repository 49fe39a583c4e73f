import { describe, expect, it } from 'vitest';
import { errorsPerBox } from './field-marks.js';
import { validateFormData, type FormJsonSchema } from './forms.js';

const text = { type: 'string', minLength: 1 };
const schema = {
  type: 'object',
  properties: {
    moveInDate: { type: 'string', format: 'date' },
    address: {
      type: 'object',
      properties: {
        street: text,
        houseNumber: text,
        postalCode: { type: 'string', pattern: '^[0-9]{5}$' },
        city: text,
        addition: text,
      },
      required: ['street', 'houseNumber', 'postalCode', 'city'],
      additionalProperties: false,
    },
    owner: {
      type: 'object',
      properties: {
        name: text,
        contact: {
          type: 'object',
          properties: { phone: text, note: text },
          required: ['phone'],
        },
      },
      required: ['name', 'contact'],
    },
    loose: { type: 'object', properties: { a: text } },
    residenceType: { type: 'string', enum: ['main', 'secondary'] },
  },
  required: ['moveInDate', 'address', 'owner', 'loose', 'residenceType'],
  additionalProperties: false,
} as unknown as FormJsonSchema;

const marks = (answers: Record<string, unknown>) =>
  errorsPerBox(schema, validateFormData(schema, answers)).map((e) => `${e.field} ${e.code}`);

describe('errorsPerBox', () => {
  it('marks every required box of an empty required group, through nested groups, in order', () => {
    expect(marks({})).toEqual([
      'moveInDate required',
      'address/street required',
      'address/houseNumber required',
      'address/postalCode required',
      'address/city required',
      'owner/name required',
      'owner/contact/phone required',
      // A group with no required part of its own stays one mark.
      'loose required',
      'residenceType required',
    ]);
  });

  it('leaves a partly filled group’s own errors as they are, optional parts unmarked', () => {
    const answers = {
      moveInDate: '2026-05-01',
      address: { street: 'Lindenweg', postalCode: '123' },
      owner: { name: 'Ann', contact: { phone: '0351 1' } },
      loose: { a: 'x' },
      residenceType: 'main',
    };
    expect(marks(answers)).toEqual([
      'address/houseNumber required',
      'address/city required',
      'address/postalCode pattern',
    ]);
  });
});
