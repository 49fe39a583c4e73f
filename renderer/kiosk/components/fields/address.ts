import type { AddressUi, FieldUi, FormAnswer } from '../../../../protocol/forms.js';

type GroupAnswer = { [name: string]: FormAnswer };

/** The answer at a path inside a group's answer ("ort/postleitzahl"). */
export function getAt(answers: GroupAnswer, path: string): FormAnswer | undefined {
  let current: FormAnswer | undefined = answers;
  for (const name of path.split('/')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = current[name];
  }
  return current;
}

/** A copy of the answers with the path set; undefined removes it, and groups left empty go too. */
export function setAt(answers: GroupAnswer, path: string, value: FormAnswer | undefined): GroupAnswer {
  const [name = '', ...rest] = path.split('/');
  const others = Object.fromEntries(Object.entries(answers).filter(([key]) => key !== name));
  let next: FormAnswer | undefined = value;
  if (rest.length > 0) {
    const inner = answers[name];
    const group = typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? inner : {};
    const updated = setAt(group, rest.join('/'), value);
    next = Object.keys(updated).length === 0 ? undefined : updated;
  }
  return next === undefined ? others : { ...others, [name]: next };
}

/** The towns of the region with this postcode, in their listed order; none until it has five digits. */
export function townsFor(places: AddressUi['places'], postalCode: string): string[] {
  if (!/^\d{5}$/.test(postalCode)) return [];
  const towns = (places ?? []).filter((p) => p.postalCode === postalCode).map((p) => p.city);
  return [...new Set(towns)];
}

export interface Leftover {
  name: string;
  /** Inside the address group. */
  path: string;
  ui: FieldUi;
  property: Record<string, unknown>;
  required: boolean;
}

/**
 * The fields of an address group that are not one of its parts (FIM's "Hausnummerzusatz",
 * "Adresszusatz", ...), in display order: nested groups that hold a part are looked into, every
 * other field is kept whole.
 */
export function leftoverFields(
  ui: FieldUi,
  property: Record<string, unknown>,
  partPaths: (string | undefined)[],
  prefix = '',
  requiredSoFar = true,
): Leftover[] {
  const properties = (property['properties'] ?? {}) as Record<string, Record<string, unknown>>;
  const required = Array.isArray(property['required']) ? (property['required'] as string[]) : [];
  const leftovers: Leftover[] = [];
  for (const [name, child] of Object.entries(ui.fields ?? {})) {
    const path = prefix ? `${prefix}/${name}` : name;
    if (partPaths.includes(path)) continue;
    const childProperty = properties[name] ?? {};
    const childRequired = requiredSoFar && required.includes(name);
    if (child.widget === 'group' && partPaths.some((p) => p?.startsWith(`${path}/`))) {
      leftovers.push(...leftoverFields(child, childProperty, partPaths, path, childRequired));
    } else {
      leftovers.push({ name, path, ui: child, property: childProperty, required: childRequired });
    }
  }
  return leftovers;
}
