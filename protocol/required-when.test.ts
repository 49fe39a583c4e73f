import { describe, expect, it } from 'vitest';
import { validateFormData, type FormJsonSchema } from './forms.js';
import { isRequired, requiredWhen } from './required-when.js';

const schema = {
  type: 'object',
  properties: {
    insured: { type: 'boolean' },
    insurer: { type: 'string' },
    kind: { type: 'string', enum: ['public', 'private'] },
    policy: {
      type: 'object',
      properties: { number: { type: 'string' }, since: { type: 'string' } },
      additionalProperties: false,
    },
  },
  required: ['insured'],
  additionalProperties: false,
  allOf: [
    requiredWhen({ field: 'insured', equals: true }, ['insurer', 'policy/number']),
    requiredWhen({ field: 'kind', equals: 'private' }, ['policy/since']),
  ],
} as unknown as FormJsonSchema;

describe('fields required on a condition (JSON Schema if/then)', () => {
  it('are written as if/then, groups on the way required too', () => {
    expect(requiredWhen({ field: 'insured', equals: true }, ['insurer', 'policy/number'])).toEqual({
      if: { properties: { insured: { const: true } }, required: ['insured'] },
      then: { required: ['insurer', 'policy'], properties: { policy: { required: ['number'] } } },
    });
    expect(requiredWhen({ field: 'group/answer', equals: 'x' }, ['other']).if).toEqual({
      properties: { group: { properties: { answer: { const: 'x' } }, required: ['answer'] } },
      required: ['group'],
    });
  });

  it('are enforced by the form validator only while the condition holds', () => {
    expect(validateFormData(schema, { insured: true }).map((e) => [e.field, e.code])).toEqual([
      ['insurer', 'required'],
      ['policy', 'required'],
    ]);
    expect(validateFormData(schema, { insured: true, insurer: 'AOK', policy: {} })).toEqual([
      expect.objectContaining({ field: 'policy/number', code: 'required' }),
    ]);
    expect(validateFormData(schema, { insured: false })).toEqual([]);
    expect(validateFormData(schema, { insured: false, kind: 'private' })).toEqual([
      expect.objectContaining({ field: 'policy', code: 'required' }),
    ]);
  });

  it('are shown as required while the condition holds, like the always required ones', () => {
    expect(isRequired(schema, 'insured', {})).toBe(true);
    expect(isRequired(schema, 'insurer', {})).toBe(false);
    expect(isRequired(schema, 'insurer', { insured: false })).toBe(false);
    expect(isRequired(schema, 'insurer', { insured: true })).toBe(true);
    expect(isRequired(schema, 'policy/number', { insured: true })).toBe(true);
    expect(isRequired(schema, 'policy/since', { insured: true })).toBe(false);
    expect(isRequired(schema, 'policy/since', { kind: 'private' })).toBe(true);
    expect(isRequired(schema, 'kind', { insured: true })).toBe(false);
  });
});
