import { Validator, type OutputUnit } from '@cfworker/json-schema';
import { z } from 'zod';
import { LocalizedText } from './i18n.js';

/**
 * A form is a JSON Schema (draft 2020-12, a flat object of primitive fields) plus a UI
 * description. Kiosk and hub validate answers with the same `validateFormData`, so a form the
 * kiosk accepts is a form the hub accepts. The validator never uses eval, so it runs under a
 * strict Content-Security-Policy.
 */
export const FIELD_WIDGETS = [
  'text',
  'textarea',
  'email',
  'tel',
  'date',
  'number',
  'choice',
  'checkbox',
] as const;
export const FieldWidget = z.enum(FIELD_WIDGETS);
export type FieldWidget = z.infer<typeof FieldWidget>;

export const ChoiceOption = z.object({ value: z.string().min(1), label: LocalizedText });

export const FieldUi = z.object({
  label: LocalizedText,
  help: LocalizedText.optional(),
  widget: FieldWidget,
  options: z.array(ChoiceOption).optional(),
  /** Plain-language message shown when a pattern or format does not match. */
  invalidMessage: LocalizedText.optional(),
  autocomplete: z.string().optional(),
});
export type FieldUi = z.infer<typeof FieldUi>;

export const FormStep = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  title: LocalizedText,
  fields: z.array(z.string()).min(1),
});
export type FormStep = z.infer<typeof FormStep>;

const FieldName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/);

const PropertySchema = z.looseObject({
  type: z.enum(['string', 'integer', 'number', 'boolean']),
});

export const FormJsonSchema = z.looseObject({
  $schema: z.literal('https://json-schema.org/draft/2020-12/schema').optional(),
  type: z.literal('object'),
  properties: z.record(FieldName, PropertySchema),
  required: z.array(FieldName).default([]),
  additionalProperties: z.literal(false),
});
export type FormJsonSchema = z.infer<typeof FormJsonSchema>;

export const FormDefinition = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{2,64}$/),
    version: z.number().int().positive(),
    title: LocalizedText,
    description: LocalizedText,
    officeId: z.string(),
    schema: FormJsonSchema,
    ui: z.object({ steps: z.array(FormStep).min(1), fields: z.record(FieldName, FieldUi) }),
    updatedAt: z.string(),
  })
  .superRefine((form, ctx) => {
    for (const problem of formDefinitionProblems(form)) {
      ctx.addIssue({ code: 'custom', message: problem, path: ['ui'] });
    }
  });
export type FormDefinition = z.infer<typeof FormDefinition>;

/** Consistency of schema and UI: every field is described, placed in exactly one step. */
export function formDefinitionProblems(form: {
  schema: FormJsonSchema;
  ui: { steps: FormStep[]; fields: Record<string, FieldUi> };
}): string[] {
  const problems: string[] = [];
  const schemaFields = Object.keys(form.schema.properties);
  const placed = form.ui.steps.flatMap((step) => step.fields);
  for (const name of schemaFields) {
    if (!form.ui.fields[name]) problems.push(`field "${name}" has no UI description`);
    const count = placed.filter((p) => p === name).length;
    if (count !== 1) problems.push(`field "${name}" is placed in ${count} steps, expected 1`);
  }
  for (const name of placed) {
    if (!(name in form.schema.properties)) problems.push(`step refers to unknown field "${name}"`);
  }
  for (const name of form.schema.required) {
    if (!(name in form.schema.properties)) problems.push(`required field "${name}" is not defined`);
  }
  for (const [name, ui] of Object.entries(form.ui.fields)) {
    const property = form.schema.properties[name];
    if (ui.widget === 'choice') {
      const allowed = property?.['enum'];
      const values = (ui.options ?? []).map((o) => o.value);
      if (!Array.isArray(allowed) || allowed.join('\n') !== values.join('\n')) {
        problems.push(`choice field "${name}" must list the same options as its enum`);
      }
    }
  }
  return problems;
}

export type FormAnswers = Record<string, string | number | boolean>;

export const FIELD_ERROR_CODES = [
  'required',
  'type',
  'tooShort',
  'tooLong',
  'pattern',
  'format',
  'notAllowed',
  'tooSmall',
  'tooLarge',
  'mustAccept',
  'unknownField',
  'invalid',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export interface FieldError {
  field: string;
  code: FieldErrorCode;
  /** English sentence for logs and API clients; the kiosk shows its own translation of `code`. */
  message: string;
}

const KEYWORD_CODES: Record<string, FieldErrorCode> = {
  required: 'required',
  type: 'type',
  minLength: 'tooShort',
  maxLength: 'tooLong',
  pattern: 'pattern',
  format: 'format',
  enum: 'notAllowed',
  minimum: 'tooSmall',
  exclusiveMinimum: 'tooSmall',
  maximum: 'tooLarge',
  exclusiveMaximum: 'tooLarge',
  const: 'mustAccept',
  additionalProperties: 'unknownField',
  false: 'unknownField',
};

const MESSAGES: Record<FieldErrorCode, string> = {
  required: 'is required',
  type: 'has the wrong type',
  tooShort: 'is too short',
  tooLong: 'is too long',
  pattern: 'does not have the expected form',
  format: 'does not have the expected format',
  notAllowed: 'is not one of the allowed choices',
  tooSmall: 'is too small',
  tooLarge: 'is too large',
  mustAccept: 'must be confirmed',
  unknownField: 'is not part of this form',
  invalid: 'is invalid',
};

const validators = new WeakMap<object, Validator>();

function validatorFor(schema: FormJsonSchema): Validator {
  let validator = validators.get(schema);
  if (!validator) {
    validator = new Validator(schema as never, '2020-12', false);
    validators.set(schema, validator);
  }
  return validator;
}

/** Removes empty answers so that an empty text box counts as "not answered". */
export function normalizeAnswers(answers: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(answers)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    result[key] = typeof value === 'string' ? value.trim() : value;
  }
  return result;
}

/** Validates answers against a form's schema; one error per field, in field order. */
export function validateFormData(schema: FormJsonSchema, answers: unknown): FieldError[] {
  const { errors } = validatorFor(schema).validate(answers);
  const byField = new Map<string, FieldError>();
  for (const unit of errors) {
    const error = toFieldError(unit);
    if (error && !byField.has(error.field)) byField.set(error.field, error);
  }
  if (byField.size === 0 && errors.length > 0) {
    byField.set('', { field: '', code: 'invalid', message: 'answers must be an object' });
  }
  const order = Object.keys(schema.properties);
  return [...byField.values()].sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
}

function toFieldError(unit: OutputUnit): FieldError | null {
  const code = KEYWORD_CODES[unit.keyword];
  if (!code) return null; // wrapper units such as "properties" repeat a nested error
  let field = unit.instanceLocation.replace(/^#\/?/, '').split('/')[0] ?? '';
  if (code === 'required' || code === 'unknownField') {
    field = /"([^"]+)"/.exec(unit.error)?.[1] ?? field;
  }
  if (field === '') return null;
  return { field, code, message: `${field} ${MESSAGES[code]}` };
}
