import { describe, expect, it } from 'vitest';
import { formDefinitionProblems, normalizeAnswers, validateFormData, type FormJsonSchema } from './forms.js';

const schema = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 2 },
    address: {
      type: 'object',
      properties: { street: { type: 'string' }, zip: { type: 'string', pattern: '^[0-9]{5}$' } },
      required: ['street'],
      additionalProperties: false,
    },
    lines: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 3 },
  },
  required: ['name'],
  additionalProperties: false,
} as unknown as FormJsonSchema;

const label = (de: string) => ({ de });
const ui = {
  steps: [{ id: 'one', title: label('Eins'), fields: ['name', 'hint', 'address', 'lines'] }],
  fields: {
    name: { label: label('Name'), widget: 'text' as const },
    hint: { label: label('Hinweis'), widget: 'note' as const },
    address: {
      label: label('Anschrift'),
      widget: 'group' as const,
      fields: {
        street: { label: label('Straße'), widget: 'text' as const },
        zip: { label: label('PLZ'), widget: 'text' as const },
      },
    },
    lines: {
      label: label('Zeilen'),
      widget: 'repeat' as const,
      item: { label: label('Zeile'), widget: 'text' as const },
    },
  },
};

describe('photo and scan fields', () => {
  it('take no answer: they need no schema property and may not have one', () => {
    const withPhoto = {
      ...ui,
      steps: ui.steps.map((step, index) =>
        index === 0 ? { ...step, fields: [...step.fields, 'idPhoto'] } : step,
      ),
      fields: { ...ui.fields, idPhoto: { label: label('Foto'), widget: 'photo' as const } },
    };
    expect(formDefinitionProblems({ schema, ui: withPhoto })).toEqual([]);
    const withProperty = {
      ...schema,
      properties: { ...schema.properties, idPhoto: { type: 'string' as const } },
    };
    expect(formDefinitionProblems({ schema: withProperty, ui: withPhoto })).toEqual([
      'photo "idPhoto" must not have a schema property',
    ]);
  });
});

describe('forms with groups, repeatables and notes', () => {
  it('accepts a consistent definition and names what does not fit', () => {
    expect(formDefinitionProblems({ schema, ui })).toEqual([]);
    const broken = {
      ...ui,
      fields: {
        ...ui.fields,
        address: {
          ...ui.fields.address,
          fields: { street: ui.fields.address.fields.street, extra: ui.fields.name },
        },
        lines: { label: label('Zeilen'), widget: 'text' as const },
      },
    };
    expect(formDefinitionProblems({ schema, ui: broken })).toEqual([
      'field "address/zip" has no UI description',
      'group "address" shows unknown field "extra"',
      'field "lines" has an array schema but is not repeatable',
    ]);
  });

  it('treats an empty group or entry as unanswered, recursively', () => {
    expect(
      normalizeAnswers({
        name: ' Ann ',
        address: { street: ' ', zip: '' },
        lines: ['', ' a ', ''],
        none: null,
      }),
    ).toEqual({ name: 'Ann', lines: ['a'] });
  });

  it('reports errors inside groups and repeatables by path, in field order', () => {
    const errors = validateFormData(schema, { name: 'A', address: { zip: '1' }, lines: ['x'] });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['name', 'tooShort'],
      ['address/street', 'required'],
      ['address/zip', 'pattern'],
      ['lines', 'tooFew'],
    ]);
  });

  it('keeps flat forms exactly as before', () => {
    const flat = {
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'integer', minimum: 1 } },
      required: ['a'],
      additionalProperties: false,
    } as unknown as FormJsonSchema;
    expect(validateFormData(flat, { b: 0, c: 1 }).map((e) => [e.field, e.code])).toEqual([
      ['c', 'unknownField'],
      ['a', 'required'],
      ['b', 'tooSmall'],
    ]);
  });
});
