import { Validator, type OutputUnit } from '@cfworker/json-schema';
import { z } from 'zod';
import { ATTACHMENT_CEILING } from './attachments.js';
import { LocalizedText } from './i18n.js';
import { patternMismatches, schemaPatternProblems, withoutPatterns } from './pattern/schema-patterns.js';
import { Id } from './id.js';
import { TranslationOrigins } from './translations.js';

/**
 * A form is a JSON Schema (draft 2020-12) plus a UI description. Most forms are a flat object of
 * primitive fields; imported FIM forms add groups (nested objects, shown as sections of a step)
 * and repeatable groups (arrays). Kiosk and hub validate answers with the same `validateFormData`,
 * so a form the kiosk accepts is a form the hub accepts. The validator never uses eval, so it runs
 * under a strict Content-Security-Policy.
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
  /** A yes/no question answered with two big buttons; the answer is a boolean. */
  'yesno',
  /** A group of fields (a nested object), shown as a section of its step. */
  'group',
  /** A group or field the citizen can add several times (an array). */
  'repeat',
  /**
   * A group holding a postal address in Germany (street, house number, postcode, town), entered
   * with one touch layout: postcode on the number pad, town suggested from the postcode. `address`
   * names which of the group's fields plays which part; other fields of the group show below.
   */
  'address',
  /** Text for the citizen, no answer: hints, and what to bring along where the terminal cannot take it. */
  'note',
  /**
   * A document photo taken with the terminal's camera. Like a note it has no schema property:
   * the photos become attachments (protocol/attachments.ts), not answers.
   */
  'photo',
  /** A document scan: the camera at its highest resolution, or a scanner's file where allowed. */
  'scan',
] as const;
export const FieldWidget = z.enum(FIELD_WIDGETS);
export type FieldWidget = z.infer<typeof FieldWidget>;

/** Widgets that take no answer in the data: notes, and photo/scan fields whose files are attachments. */
export function isAnswerless(widget: FieldWidget): boolean {
  return widget === 'note' || widget === 'photo' || widget === 'scan';
}

export const ChoiceOption = z.object({ value: z.string().min(1), label: LocalizedText });

/** A part's place inside the address group: a field name, or a path through nested groups ("ort/postleitzahl"). */
const PartPath = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}(\/[a-zA-Z][a-zA-Z0-9_]{0,63}){0,3}$/);

export const AddressUi = z.object({
  parts: z.object({
    street: PartPath,
    houseNumber: PartPath.optional(),
    postalCode: PartPath,
    city: PartPath,
  }),
  /** Postcodes of the offices' region with their towns, so the town is suggested offline. */
  places: z
    .array(z.object({ postalCode: z.string().regex(/^\d{5}$/), city: z.string().min(1).max(100) }))
    .max(10_000)
    .optional(),
});
export type AddressUi = z.infer<typeof AddressUi>;
export type AddressPart = keyof AddressUi['parts'];

export interface FieldUi {
  label: LocalizedText;
  help?: LocalizedText | undefined;
  widget: FieldWidget;
  options?: z.infer<typeof ChoiceOption>[] | undefined;
  /** Plain-language message shown when a pattern or format does not match. */
  invalidMessage?: LocalizedText | undefined;
  autocomplete?: string | undefined;
  /** group: its fields in display order (notes included). */
  fields?: Record<string, FieldUi> | undefined;
  /** repeat: how one entry looks. */
  item?: FieldUi | undefined;
  /** address: which field of the group is street, house number, postcode and town. */
  address?: AddressUi | undefined;
  /** Shown (and sent) only while another field, named by its path from the form's root, has this answer. */
  visibleWhen?: VisibleWhen | undefined;
  /**
   * Shown (and sent) only while the form's answers, empty ones removed, meet this JSON Schema: the
   * conditions a single `visibleWhen` cannot say ("A is 003 or 005", "group B or group C is
   * filled in", "A is not yes"). Both must hold when both are given. Imported FIM rules use it.
   */
  visibleIf?: Record<string, unknown> | undefined;
  /**
   * yesno only: how the two answers read. `applies` asks whether a part of the form concerns the
   * citizen ("Trifft auf mich zu" / "Trifft nicht zu") instead of a plain Ja/Nein; the answer is
   * still a boolean.
   */
  wording?: 'applies' | undefined;
  /** scan only: the media types FIM allows for this upload (narrowing the terminal's own). */
  mediaTypes?: string[] | undefined;
  /** scan only: the largest file FIM allows for this upload, in bytes (the terminal's limit still applies). */
  maxBytes?: number | undefined;
  /**
   * photo/scan only: how many pictures or files the citizen must add (1 = required). A photo field
   * has no schema property, so this stands in for the schema's `required`; hidden by its
   * `visibleWhen`, the field asks for none.
   */
  minCount?: number | undefined;
}

export const VisibleWhen = z.object({
  field: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}(\/[a-zA-Z][a-zA-Z0-9_]{0,63}){0,5}$/),
  equals: z.union([z.boolean(), z.string()]),
});
export type VisibleWhen = z.infer<typeof VisibleWhen>;

const FieldNamePattern = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;

export const FieldUi: z.ZodType<FieldUi> = z.object({
  label: LocalizedText,
  help: LocalizedText.optional(),
  widget: FieldWidget,
  options: z.array(ChoiceOption).optional(),
  invalidMessage: LocalizedText.optional(),
  autocomplete: z.string().optional(),
  get fields() {
    return z.record(z.string().regex(FieldNamePattern), FieldUi).optional();
  },
  get item() {
    return FieldUi.optional();
  },
  address: AddressUi.optional(),
  visibleWhen: VisibleWhen.optional(),
  visibleIf: z.record(z.string(), z.unknown()).optional(),
  wording: z.enum(['applies']).optional(),
  mediaTypes: z.array(z.string().min(1).max(100)).min(1).max(20).optional(),
  maxBytes: z.number().int().min(1).optional(),
  minCount: z.number().int().min(1).max(ATTACHMENT_CEILING.maxCount).optional(),
});

export const FormStep = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  title: LocalizedText,
  fields: z.array(z.string()).min(1),
});
export type FormStep = z.infer<typeof FormStep>;

const FieldName = z.string().regex(FieldNamePattern);

/** Nested shapes (object, array) are checked by `formDefinitionProblems`, the rest by the validator. */
const PropertySchema = z.looseObject({
  type: z.enum(['string', 'integer', 'number', 'boolean', 'object', 'array']),
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
    id: Id,
    version: z.number().int().positive(),
    title: LocalizedText,
    description: LocalizedText,
    officeId: z.string(),
    schema: FormJsonSchema,
    ui: z.object({ steps: z.array(FormStep).min(1), fields: z.record(FieldName, FieldUi) }),
    /** The FIM Stammdatenschema the form was imported from: its shared translations go by it. */
    fimSchema: z.object({ id: z.string().min(1).max(40), version: z.string().min(1).max(20) }).optional(),
    /** Who made each language's texts (protocol/translations.ts); the hub fills it when it merges. */
    translationOrigins: TranslationOrigins.optional(),
    updatedAt: z.string(),
  })
  .superRefine((form, ctx) => {
    for (const problem of formDefinitionProblems(form)) {
      ctx.addIssue({ code: 'custom', message: problem, path: ['ui'] });
    }
  });
export type FormDefinition = z.infer<typeof FormDefinition>;

/**
 * Consistency of schema and UI: every field is described and placed in exactly one step; groups
 * and repeatable groups describe exactly their schema's fields; notes have no schema property.
 */
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
    const widget = form.ui.fields[name]?.widget;
    if (!(name in form.schema.properties) && !(widget && isAnswerless(widget)))
      problems.push(`step refers to unknown field "${name}"`);
  }
  for (const name of form.schema.required) {
    if (!(name in form.schema.properties)) problems.push(`required field "${name}" is not defined`);
  }
  // A pattern the terminal cannot compile or evaluate in linear time never reaches one.
  problems.push(...schemaPatternProblems(form.schema));
  for (const [name, ui] of Object.entries(form.ui.fields)) {
    problems.push(...fieldProblems(name, ui, form.schema.properties[name]));
    if (ui.minCount !== undefined && isAttachmentWidget(ui.widget) && !placed.includes(name))
      problems.push(`${ui.widget} "${name}" has a minCount but is placed in no step`);
  }
  const files = requiredAttachmentCount(form);
  if (files > ATTACHMENT_CEILING.maxCount) {
    problems.push(
      `the form requires ${files} photos and scans in all; an application carries at most ${ATTACHMENT_CEILING.maxCount}`,
    );
  }
  return problems;
}

/**
 * How many files a form can require in all: the `minCount` of every photo and scan field, those
 * with a condition included (the citizen's answers may show them all), those inside groups too
 * (a repeatable's entry counted once). Branches that exclude each other — shown for different
 * answers of the same field ("purpose 001" vs "purpose 002") — count as the largest of them, not
 * their sum. A terminal whose `attachments.maxCount` is lower cannot promise to take them, so it
 * does not start the form.
 */
export function requiredAttachmentCount(form: { ui: { fields: Record<string, FieldUi> } }): number {
  const count = (ui: FieldUi): number =>
    (isAttachmentWidget(ui.widget) ? (ui.minCount ?? 0) : 0) +
    siblings(Object.values(ui.fields ?? {})) +
    (ui.item ? count(ui.item) : 0);
  const siblings = (fields: FieldUi[]): number => {
    let total = 0;
    // Per field that switches branches: per answer the files of its branch; the largest counts.
    const branches = new Map<string, Map<string, number>>();
    for (const ui of fields) {
      const files = count(ui);
      if (!ui.visibleWhen || ui.visibleIf) {
        total += files;
        continue;
      }
      const byAnswer = branches.get(ui.visibleWhen.field) ?? new Map<string, number>();
      const answer = String(ui.visibleWhen.equals);
      byAnswer.set(answer, (byAnswer.get(answer) ?? 0) + files);
      branches.set(ui.visibleWhen.field, byAnswer);
    }
    for (const byAnswer of branches.values()) total += Math.max(0, ...byAnswer.values());
    return total;
  };
  return siblings(Object.values(form.ui.fields));
}

/** Widgets whose files become attachments: a document photo and a scan. */
export function isAttachmentWidget(widget: FieldWidget): widget is 'photo' | 'scan' {
  return widget === 'photo' || widget === 'scan';
}

function fieldProblems(
  path: string,
  ui: FieldUi,
  property: Record<string, unknown> | undefined,
  nested = false,
): string[] {
  if (ui.minCount !== undefined && !isAttachmentWidget(ui.widget)) {
    return [`field "${path}": minCount is only for photo and scan fields`];
  }
  // A document photo is taken in the fields of a step; a scan also inside groups and repeatables
  // (its files are named by the field's path, "group/0/scan").
  if (ui.minCount !== undefined && nested && ui.widget !== 'scan') {
    return [`${ui.widget} "${path}": minCount only works on a field placed in a step`];
  }
  if ((ui.mediaTypes !== undefined || ui.maxBytes !== undefined) && ui.widget !== 'scan') {
    return [`field "${path}": mediaTypes and maxBytes are only for scan fields`];
  }
  if (ui.wording !== undefined && ui.widget !== 'yesno') {
    return [`field "${path}": wording is only for yes/no fields`];
  }
  if (isAnswerless(ui.widget)) {
    return property ? [`${ui.widget} "${path}" must not have a schema property`] : [];
  }
  if (!property) return [];
  const problems: string[] = [];
  if (ui.widget === 'choice') {
    const allowed = property['enum'];
    const values = (ui.options ?? []).map((o) => o.value);
    if (!Array.isArray(allowed) || allowed.join('\n') !== values.join('\n')) {
      problems.push(`choice field "${path}" must list the same options as its enum`);
    }
  }
  if (ui.widget === 'group' || ui.widget === 'address') {
    const properties = asRecord(property['properties']);
    if (property['type'] !== 'object' || !properties || property['additionalProperties'] !== false) {
      return [`group "${path}" needs an object schema with properties and additionalProperties: false`];
    }
    const fields = ui.fields ?? {};
    for (const name of Object.keys(properties)) {
      if (!fields[name]) problems.push(`field "${path}/${name}" has no UI description`);
    }
    for (const [name, child] of Object.entries(fields)) {
      if (!isAnswerless(child.widget) && !(name in properties))
        problems.push(`group "${path}" shows unknown field "${name}"`);
      problems.push(...fieldProblems(`${path}/${name}`, child, asRecord(properties[name]), true));
    }
    if (ui.widget === 'address') problems.push(...addressProblems(path, ui, property));
  } else if (property['type'] === 'object') {
    problems.push(`field "${path}" has an object schema but is not a group`);
  }
  if (ui.widget === 'repeat') {
    const items = asRecord(property['items']);
    if (property['type'] !== 'array' || !items || !ui.item) {
      return [`repeatable "${path}" needs an array schema with items and a UI for one entry`];
    }
    problems.push(...fieldProblems(`${path}/*`, ui.item, items, true));
  } else if (property['type'] === 'array') {
    problems.push(`field "${path}" has an array schema but is not repeatable`);
  }
  return problems;
}

function addressProblems(path: string, ui: FieldUi, property: Record<string, unknown>): string[] {
  if (!ui.address) return [`address "${path}" must name its parts (address.parts)`];
  const problems: string[] = [];
  for (const [part, partPath] of Object.entries(ui.address.parts)) {
    if (partPath === undefined) continue;
    const found = addressPart({ ui, property }, partPath);
    if (!found || found.property['type'] !== 'string' || found.ui.widget !== 'text') {
      problems.push(`address "${path}": ${part} "${partPath}" is not a text field of the group`);
    }
  }
  return problems;
}

/**
 * The UI and schema of one part of an address group, found along its path through nested groups;
 * `required` is true only when every step of the path is required.
 */
export function addressPart(
  group: { ui: FieldUi; property: Record<string, unknown> },
  partPath: string,
): { ui: FieldUi; property: Record<string, unknown>; required: boolean } | undefined {
  let ui: FieldUi | undefined = group.ui;
  let property: Record<string, unknown> | undefined = group.property;
  let required = true;
  for (const name of partPath.split('/')) {
    const properties = asRecord(property?.['properties']);
    const requiredNames: unknown = property?.['required'];
    required &&= Array.isArray(requiredNames) && requiredNames.includes(name);
    ui = ui?.fields?.[name];
    property = properties?.[name];
    if (!ui || !property) return undefined;
  }
  return { ui, property, required };
}

function asRecord(value: unknown): Record<string, Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, Record<string, unknown>>)
    : undefined;
}

/**
 * The group a group holds as its only field, when it has no condition of its own: shown as part of
 * the outer group, so single-child nesting (FIM's "Anschrift" › "Inlandsanschrift" ›
 * "Straßenanschrift") does not cost a frame and an indent per level. Answers keep their nesting.
 */
export function soleNestedGroup(ui: FieldUi): { name: string; ui: FieldUi } | undefined {
  if (ui.widget !== 'group') return undefined;
  const entries = Object.entries(ui.fields ?? {});
  const [only] = entries;
  if (entries.length !== 1 || !only) return undefined;
  const [name, child] = only;
  if (child.widget !== 'group' || child.visibleWhen || child.visibleIf) return undefined;
  return { name, ui: child };
}

/** Whether a field with a `visibleWhen` or `visibleIf` condition is shown for these answers (the form root's). */
export function isVisible(ui: FieldUi, answers: Record<string, unknown>): boolean {
  if (ui.visibleIf && !conditionValidatorFor(ui.visibleIf).validate(normalizedOnce(answers)).valid) {
    return false;
  }
  if (!ui.visibleWhen) return true;
  let value: unknown = answers;
  for (const name of ui.visibleWhen.field.split('/')) {
    value =
      typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
  }
  return value === ui.visibleWhen.equals;
}

const conditionValidators = new WeakMap<object, Validator>();
function conditionValidatorFor(schema: Record<string, unknown>): Validator {
  let validator = conditionValidators.get(schema);
  if (!validator) {
    validator = new Validator(withoutPatterns(schema) as never, '2020-12', false);
    conditionValidators.set(schema, validator);
  }
  return validator;
}

/** Answers are normalized once per answers object, not once per field shown. */
const normalized = new WeakMap<object, Record<string, unknown>>();
function normalizedOnce(answers: Record<string, unknown>): Record<string, unknown> {
  let result = normalized.get(answers);
  if (!result) {
    result = normalizeAnswers(answers);
    normalized.set(answers, result);
  }
  return result;
}

/**
 * The answers without those of fields that are hidden by their condition (answered before the
 * condition changed): what is not shown is not sent. Groups are looked into; repeatables are not.
 */
export function dropHiddenAnswers(
  fields: Record<string, FieldUi>,
  answers: Record<string, unknown>,
  root: Record<string, unknown> = answers,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(answers)) {
    const ui = fields[name];
    if (ui && !isVisible(ui, root)) continue;
    const nested = ui?.fields && typeof value === 'object' && value !== null && !Array.isArray(value);
    result[name] = nested
      ? dropHiddenAnswers(ui.fields ?? {}, value as Record<string, unknown>, root)
      : value;
  }
  return result;
}

export type AnswerScalar = string | number | boolean;
/** An answer: a value, a group's answers (an object) or the entries of a repeatable (an array). */
export type FormAnswer = AnswerScalar | FormAnswer[] | { [name: string]: FormAnswer };
export type FormAnswers = Record<string, FormAnswer>;

export const FormAnswer: z.ZodType<FormAnswer> = z.lazy(() =>
  z.union([
    z.string().max(10_000),
    z.number(),
    z.boolean(),
    z.array(FormAnswer).max(100),
    z.record(z.string().max(64), FormAnswer),
  ]),
);

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
  'tooFew',
  'tooMany',
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
  minItems: 'tooFew',
  maxItems: 'tooMany',
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
  tooFew: 'has too few entries',
  tooMany: 'has too many entries',
  invalid: 'is invalid',
};

const validators = new WeakMap<object, Validator>();

function validatorFor(schema: FormJsonSchema): Validator {
  let validator = validators.get(schema);
  if (!validator) {
    // Patterns are checked by the linear-time automaton, never by the validator's RegExp.
    validator = new Validator(withoutPatterns(schema) as never, '2020-12', false);
    validators.set(schema, validator);
  }
  return validator;
}

/**
 * Removes empty answers so that an empty text box counts as "not answered": recursively, so a
 * group left entirely empty counts as not answered, and an empty entry of a repeatable is dropped.
 */
export function normalizeAnswers(answers: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(answers)) {
    const normalized = normalizeValue(value);
    if (normalized !== undefined) result[key] = normalized;
  }
  return result;
}

function normalizeValue(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (Array.isArray(value)) {
    const items = value.map(normalizeValue).filter((item) => item !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (typeof value === 'object') {
    const group = normalizeAnswers(value as Record<string, unknown>);
    return Object.keys(group).length === 0 ? undefined : group;
  }
  return value;
}

/** The top-level field an error path belongs to: "address/street" -> "address". */
export function topField(path: string): string {
  return path.split('/')[0] ?? path;
}

/**
 * Validates answers against a form's schema; one error per field, in field order. A field inside
 * a group is named by its path ("address/street", "contacts/0/channel"); a flat form's paths are
 * its field names.
 */
export function validateFormData(schema: FormJsonSchema, answers: unknown): FieldError[] {
  const { errors } = validatorFor(schema).validate(answers);
  const byField = new Map<string, FieldError>();
  for (const unit of errors) {
    const error = toFieldError(unit);
    if (error && !byField.has(error.field)) byField.set(error.field, error);
  }
  for (const field of patternMismatches(schema, answers)) {
    if (!byField.has(field))
      byField.set(field, { field, code: 'pattern', message: `${field} ${MESSAGES.pattern}` });
  }
  if (byField.size === 0 && errors.length > 0) {
    byField.set('', { field: '', code: 'invalid', message: 'answers must be an object' });
  }
  const order = Object.keys(schema.properties);
  const rank = (error: FieldError) => order.indexOf(topField(error.field));
  return [...byField.values()].sort((a, b) => rank(a) - rank(b));
}

function toFieldError(unit: OutputUnit): FieldError | null {
  const code = KEYWORD_CODES[unit.keyword];
  if (!code) return null; // wrapper units such as "properties" repeat a nested error
  let field = unit.instanceLocation.replace(/^#\/?/, '');
  if (code === 'required' || code === 'unknownField') {
    const name = /"([^"]+)"/.exec(unit.error)?.[1];
    if (name) field = field === '' ? name : `${field}/${name}`;
  }
  if (field === '') return null;
  return { field, code, message: `${field} ${MESSAGES[code]}` };
}
