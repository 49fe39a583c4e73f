import { describe, expect, it } from 'vitest';
import {
  addressPart,
  dropHiddenAnswers,
  FieldUi,
  formDefinitionProblems,
  isVisible,
  normalizeAnswers,
  requiredAttachmentCount,
  validateFormData,
  type FormJsonSchema,
} from './forms.js';

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

  it('may be required (minCount), only photo and scan fields of a step, at most the hub’s ceiling', () => {
    const withFields = (fields: Record<string, FieldUi>, placed = Object.keys(fields)) => ({
      ...ui,
      steps: [{ id: 'one', title: label('Eins'), fields: [...(ui.steps[0]?.fields ?? []), ...placed] }],
      fields: { ...ui.fields, ...fields },
    });
    const photo = { label: label('Foto'), widget: 'photo' as const, minCount: 1 };
    const scan = { label: label('Scan'), widget: 'scan' as const, minCount: 10 };
    expect(formDefinitionProblems({ schema, ui: withFields({ pages: scan }) })).toEqual([]);
    const nine = { ...scan, minCount: 9 };
    expect(formDefinitionProblems({ schema, ui: withFields({ idPhoto: photo, pages: nine }) })).toEqual([]);
    // In all, too: the hub takes at most ten files with one application.
    expect(requiredAttachmentCount({ ui: withFields({ idPhoto: photo, pages: scan }) })).toBe(11);
    expect(formDefinitionProblems({ schema, ui: withFields({ idPhoto: photo, pages: scan }) })).toEqual([
      'the form requires 11 photos and scans in all; an application carries at most 10',
    ]);
    // Branches for different answers of one field exclude each other: the largest counts.
    const proofs = (equals: string, minCount: number): FieldUi => ({
      label: label(`Nachweise ${equals}`),
      widget: 'group',
      fields: { a: { ...scan, minCount }, b: { ...photo } },
      visibleWhen: { field: 'zweck', equals },
    });
    const branches = { academic: proofs('001', 3), vocational: proofs('002', 4), idPhoto: photo };
    expect(requiredAttachmentCount({ ui: withFields(branches) })).toBe(1 + 4 + 1);
    // Shown for the same answer, or on other fields, they add up.
    const together = { ...branches, vocational: { ...proofs('001', 4), label: label('Weitere') } };
    expect(requiredAttachmentCount({ ui: withFields(together) })).toBe(3 + 1 + 4 + 1 + 1);
    expect(FieldUi.safeParse({ ...scan, minCount: 11 }).success).toBe(false);
    expect(FieldUi.safeParse({ ...scan, minCount: 0 }).success).toBe(false);

    // On an answer field it would mean nothing (the schema's "required" does that job).
    const onText = withFields({}, []);
    onText.fields.name = { ...onText.fields.name, minCount: 1 } as never;
    expect(formDefinitionProblems({ schema, ui: onText })).toEqual([
      'field "name": minCount is only for photo and scan fields',
    ]);
    // Inside a group the kiosk shows no camera, and a field in no step can never be filled.
    const inGroup = withFields({}, []);
    inGroup.fields.address = {
      ...inGroup.fields.address,
      fields: { ...inGroup.fields.address.fields, copy: photo },
    } as never;
    expect(formDefinitionProblems({ schema, ui: inGroup })).toEqual([
      'photo "address/copy": minCount only works on a field placed in a step',
    ]);
    expect(formDefinitionProblems({ schema, ui: withFields({ idPhoto: photo }, []) })).toEqual([
      'photo "idPhoto" has a minCount but is placed in no step',
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

describe('address groups', () => {
  const addressSchema = {
    type: 'object',
    properties: {
      home: {
        type: 'object',
        properties: {
          lines: {
            type: 'object',
            properties: { strasse: { type: 'string' }, nr: { type: 'string' } },
            required: ['strasse'],
            additionalProperties: false,
          },
          plz: { type: 'string', pattern: '^[0-9]{5}$' },
          ort: { type: 'string' },
        },
        required: ['lines', 'plz'],
        additionalProperties: false,
      },
    },
    required: ['home'],
    additionalProperties: false,
  } as unknown as FormJsonSchema;
  const text = (de: string) => ({ label: label(de), widget: 'text' as const });
  const home = {
    label: label('Anschrift'),
    widget: 'address' as const,
    fields: {
      lines: {
        label: label('Straßenangaben'),
        widget: 'group' as const,
        fields: { strasse: text('Straße'), nr: text('Nr') },
      },
      plz: text('PLZ'),
      ort: text('Ort'),
    },
    address: { parts: { street: 'lines/strasse', houseNumber: 'lines/nr', postalCode: 'plz', city: 'ort' } },
  };
  const steps = [{ id: 'one', title: label('Eins'), fields: ['home'] }];

  it('finds each part through nested groups, required only when the whole path is', () => {
    expect(formDefinitionProblems({ schema: addressSchema, ui: { steps, fields: { home } } })).toEqual([]);
    const property = addressSchema.properties['home'] ?? {};
    expect(addressPart({ ui: home, property }, 'lines/strasse')?.required).toBe(true);
    expect(addressPart({ ui: home, property }, 'lines/nr')?.required).toBe(false);
    expect(addressPart({ ui: home, property }, 'ort')?.ui.label.de).toBe('Ort');
    expect(addressPart({ ui: home, property }, 'lines/plz')).toBeUndefined();
  });

  it('refuses an address whose parts are missing or not text fields', () => {
    const broken = { ...home, address: { parts: { street: 'lines', postalCode: 'zip', city: 'ort' } } };
    expect(
      formDefinitionProblems({ schema: addressSchema, ui: { steps, fields: { home: broken } } }),
    ).toEqual([
      'address "home": street "lines" is not a text field of the group',
      'address "home": postalCode "zip" is not a text field of the group',
    ]);
    const unnamed = { ...home, address: undefined };
    expect(
      formDefinitionProblems({ schema: addressSchema, ui: { steps, fields: { home: unnamed } } }),
    ).toEqual(['address "home" must name its parts (address.parts)']);
  });
});

describe('fields shown only on a condition', () => {
  const fields = {
    insured: { label: label('Versichert?'), widget: 'yesno' as const },
    insurer: {
      label: label('Versicherung'),
      widget: 'text' as const,
      visibleWhen: { field: 'insured', equals: true },
    },
    more: {
      label: label('Weiteres'),
      widget: 'group' as const,
      fields: {
        court: {
          label: label('Gericht'),
          widget: 'text' as const,
          visibleWhen: { field: 'more/convicted', equals: true },
        },
        convicted: { label: label('Vorbestraft?'), widget: 'yesno' as const },
      },
    },
  };

  it('is visible while the other field has the answer, also inside groups', () => {
    expect(isVisible(fields.insurer, { insured: true })).toBe(true);
    expect(isVisible(fields.insurer, { insured: false })).toBe(false);
    expect(isVisible(fields.insurer, {})).toBe(false);
    expect(isVisible(fields.more.fields.court, { more: { convicted: true } })).toBe(true);
  });

  it('drops what a condition hides, so it is neither checked nor sent', () => {
    expect(
      dropHiddenAnswers(fields, {
        insured: false,
        insurer: 'AOK',
        more: { convicted: false, court: 'AG Meißen' },
      }),
    ).toEqual({ insured: false, more: { convicted: false } });
    expect(dropHiddenAnswers(fields, { insured: true, insurer: 'AOK' })).toEqual({
      insured: true,
      insurer: 'AOK',
    });
  });
});
