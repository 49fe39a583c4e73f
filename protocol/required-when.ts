import { Validator } from '@cfworker/json-schema';
import type { FormJsonSchema, VisibleWhen } from './forms.js';
import { withoutPatterns } from './pattern/schema-patterns.js';

type SchemaNode = Record<string, unknown>;

/** One entry of the form schema's `allOf`: fields required while another field has an answer. */
export interface RequiredWhenSchema {
  if: SchemaNode;
  then: SchemaNode;
}

/**
 * "These fields must be answered while that field has this answer" as JSON Schema 2020-12
 * (`if`/`then`, one entry of the form schema's `allOf`); FIM writes it "X ist zu befüllen, wenn Y
 * bejaht wurde". Paths go from the form's root through groups ("anschrift/ort"). Because it is
 * part of the schema, `validateFormData` enforces it wherever the form is checked.
 */
export function requiredWhen(condition: VisibleWhen, targets: readonly string[]): RequiredWhenSchema {
  const [last, ...outer] = condition.field.split('/').reverse();
  let test: SchemaNode = { properties: { [last ?? '']: { const: condition.equals } }, required: [last] };
  for (const name of outer) test = { properties: { [name]: test }, required: [name] };
  const then: SchemaNode = {};
  for (const target of targets) {
    let node = then;
    for (const name of target.split('/')) {
      const required = (node['required'] ??= []) as string[];
      if (!required.includes(name)) required.push(name);
      const properties = (node['properties'] ??= {}) as Record<string, SchemaNode>;
      node = properties[name] ??= {};
    }
  }
  return { if: test, then: withoutEmptyProperties(then) };
}

/**
 * Whether the field at `path` must be answered for these answers: required by the schema (every
 * group on the way too), or by an `allOf` entry whose `if` the answers meet.
 */
export function isRequired(schema: FormJsonSchema, path: string, answers: Record<string, unknown>): boolean {
  if (requires(schema, path)) return true;
  const conditions: unknown = schema['allOf'];
  if (!Array.isArray(conditions)) return false;
  return conditions.some((entry: unknown) => {
    if (!isNode(entry) || !isNode(entry['if']) || !isNode(entry['then'])) return false;
    return requires(entry['then'], path) && validatorFor(entry['if']).validate(answers).valid;
  });
}

/**
 * Whether the field at `path` must be answered once its group is: in its group's `required`, or
 * required by an `allOf` entry whose `if` the answers meet. What a citizen sees as "required"
 * inside a group: a field a condition requires is not "(optional)", and a required field of an
 * optional group is required as soon as the group is filled in.
 */
export function isRequiredWithin(
  schema: FormJsonSchema,
  path: string,
  answers: Record<string, unknown>,
): boolean {
  const names = path.split('/');
  const leaf = names.pop() ?? '';
  let parent: SchemaNode | undefined = schema;
  for (const name of names) {
    const properties: unknown = parent?.['properties'];
    parent = isNode(properties) && isNode(properties[name]) ? properties[name] : undefined;
  }
  const required: unknown = parent?.['required'];
  if (Array.isArray(required) && required.includes(leaf)) return true;
  return isRequired(schema, path, answers);
}

function requires(node: SchemaNode, path: string): boolean {
  let current: SchemaNode | undefined = node;
  for (const name of path.split('/')) {
    const required: unknown = current?.['required'];
    if (!Array.isArray(required) || !required.includes(name)) return false;
    const properties: unknown = current?.['properties'];
    current = isNode(properties) && isNode(properties[name]) ? properties[name] : undefined;
  }
  return true;
}

function withoutEmptyProperties(node: SchemaNode): SchemaNode {
  const result: SchemaNode = { ...node };
  const properties = node['properties'] as Record<string, SchemaNode> | undefined;
  delete result['properties'];
  const kept = Object.entries(properties ?? {})
    .map(([name, child]) => [name, withoutEmptyProperties(child)] as const)
    .filter(([, child]) => Object.keys(child).length > 0);
  if (kept.length > 0) result['properties'] = Object.fromEntries(kept);
  return result;
}

const validators = new WeakMap<object, Validator>();

function validatorFor(schema: SchemaNode): Validator {
  let validator = validators.get(schema);
  if (!validator) {
    validator = new Validator(withoutPatterns(schema) as never, '2020-12', false);
    validators.set(schema, validator);
  }
  return validator;
}

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
