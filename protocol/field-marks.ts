import type { FieldError, FormJsonSchema } from './forms.js';

/**
 * A required group left entirely empty fails validation once, on the group ("address is
 * required"), while the citizen sees its boxes (street, house number, postcode, town). So that
 * every box that needs an answer is marked and counted, such an error is handed down to each
 * required part of the group, through nested groups; a group without required parts keeps its
 * one error. Other errors pass unchanged, in the same order.
 */
export function errorsPerBox(schema: FormJsonSchema, errors: readonly FieldError[]): FieldError[] {
  return errors.flatMap((error) =>
    error.code === 'required' ? requiredParts(schemaAt(schema, error.field), error.field) : [error],
  );

  function requiredParts(property: Record<string, unknown> | undefined, path: string): FieldError[] {
    const properties = asRecord(property?.['properties']);
    const required = property?.['required'];
    const names = Array.isArray(required)
      ? required.filter(
          (name): name is string => typeof name === 'string' && properties?.[name] !== undefined,
        )
      : [];
    if (property?.['type'] !== 'object' || names.length === 0)
      return [{ field: path, code: 'required', message: `${path} is required` }];
    return names.flatMap((name) => requiredParts(asRecord(properties?.[name]), `${path}/${name}`));
  }
}

/** The schema of the field at a path ("address/street", "contacts/0/channel"), if there is one. */
function schemaAt(schema: FormJsonSchema, path: string): Record<string, unknown> | undefined {
  let current: Record<string, unknown> | undefined = schema;
  for (const segment of path.split('/')) {
    if (current === undefined) return undefined;
    current = /^\d+$/.test(segment)
      ? asRecord(current['items'])
      : asRecord(asRecord(current['properties'])?.[segment]);
  }
  return current;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
