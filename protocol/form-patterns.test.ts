import { describe, expect, it } from 'vitest';
import { FormDefinition, formDefinitionProblems, validateFormData, type FormJsonSchema } from './forms.js';
import { STEP_BUDGET } from './pattern/safe-pattern.js';

const formWith = (pattern: string) => ({
  id: 'muster',
  version: 1,
  title: { de: 'Muster' },
  description: { de: 'Muster' },
  officeId: 'buergerbuero',
  schema: {
    type: 'object' as const,
    properties: { code: { type: 'string' as const, pattern } },
    required: ['code'],
    additionalProperties: false as const,
  },
  ui: {
    steps: [{ id: 'eins', title: { de: 'Eins' }, fields: ['code'] }],
    fields: { code: { label: { de: 'Code' }, widget: 'text' as const } },
  },
  updatedAt: '2026-11-01T08:30:00.000Z',
});

describe('patterns from content on the terminal', () => {
  it('refuses a form whose pattern does not compile, naming the field', () => {
    expect(formDefinitionProblems(formWith('^(a'))).toEqual([
      expect.stringMatching(/^code: pattern "\^\(a" refused: /),
    ]);
    expect(FormDefinition.safeParse(formWith('(?<=x)a')).success).toBe(false);
    expect(FormDefinition.safeParse(formWith('^[0-9]{5}$')).success).toBe(true);
  });

  it('never throws on an invalid pattern in a stored form: the pattern is skipped', () => {
    const schema = formWith('^(a').schema as unknown as FormJsonSchema;
    expect(() => validateFormData(schema, { code: 'x' })).not.toThrow();
    expect(validateFormData(schema, { code: 'x' })).toEqual([]);
  });

  it('evaluates ^(a+)+$ (which freezes a backtracking engine) with the linear automaton', () => {
    const schema = formWith('^(a+)+$').schema as unknown as FormJsonSchema;
    // 2^30 backtracking paths for RegExp; the automaton stays within its step budget.
    const hostile = `${'a'.repeat(30)}!`;
    expect(validateFormData(schema, { code: hostile })).toEqual([
      { field: 'code', code: 'pattern', message: 'code does not have the expected form' },
    ]);
    expect(validateFormData(schema, { code: 'aaaa' })).toEqual([]);
    // However long the answer, one test costs at most STEP_BUDGET automaton steps.
    expect(validateFormData(schema, { code: 'a'.repeat(STEP_BUDGET) })).toHaveLength(1);
  });

  it('reports pattern mismatches inside groups and repeatables by path', () => {
    const schema = {
      type: 'object',
      properties: {
        group: {
          type: 'object',
          properties: { zip: { type: 'string', pattern: '^[0-9]{5}$' } },
          additionalProperties: false,
        },
        list: { type: 'array', items: { type: 'string', pattern: '^[A-Z]+$' } },
      },
      required: [],
      additionalProperties: false,
    } as unknown as FormJsonSchema;
    expect(
      validateFormData(schema, { group: { zip: '123' }, list: ['AB', 'cd'] }).map((e) => e.field),
    ).toEqual(['group/zip', 'list/1']);
  });
});
