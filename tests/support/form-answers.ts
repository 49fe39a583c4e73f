import {
  dropHiddenAnswers,
  normalizeAnswers,
  validateFormData,
  type FieldUi,
  type FormAnswer,
  type FormAnswers,
  type FormDefinition,
} from '../../protocol/forms.js';
import { compileSafePattern } from '../../protocol/pattern/safe-pattern.js';

type Node = Record<string, unknown>;

/** Texts a citizen might type, tried in order against a field's pattern and length. */
const TEXT_CANDIDATES = ['04109', 'Lindenau', 'Markt', '12', 'A'];

/**
 * Answers a citizen could give to a whole form: `chosen` (paths to answers, "anschrift/staat")
 * first, then every field the form requires for those answers — required by cardinality, by a
 * rule that its condition switches on, or by being an entry of a required list — with a
 * plausible value, until the form's own check passes. Hidden fields get no answer.
 */
export function answersFor(form: FormDefinition, chosen: Record<string, FormAnswer> = {}): FormAnswers {
  const typed = new Counter();
  let answers: FormAnswers = {};
  for (const [path, value] of Object.entries(chosen)) answers = setAt(answers, path, value);
  for (let round = 0; round < 100; round++) {
    answers = dropHiddenAnswers(form.ui.fields, answers) as FormAnswers;
    const errors = validateFormData(form.schema, normalizeAnswers(answers));
    if (errors.length === 0) return answers;
    const missing = errors.filter((e) => e.code === 'required');
    if (missing.length === 0)
      throw new Error(`answers for ${form.id}: ${errors.map((e) => e.message).join('; ')}`);
    for (const { field } of missing) {
      const at = nodeAt(form, field);
      if (!at) throw new Error(`answers for ${form.id}: no field ${field}`);
      answers = setAt(answers, field, valueFor(at.ui, at.schema, typed));
    }
  }
  const left = validateFormData(form.schema, normalizeAnswers(answers)).map((e) => e.message);
  throw Object.assign(
    new Error(`answers for ${form.id}: required fields keep coming back: ${left.join('; ')}`),
    { answers },
  );
}

class Counter {
  private n = 0;
  next(): number {
    return ++this.n;
  }
}

function valueFor(ui: FieldUi, schema: Node, typed: Counter): FormAnswer {
  if (ui.widget === 'group' || ui.widget === 'address' || schema['type'] === 'object') {
    const properties = (schema['properties'] ?? {}) as Record<string, Node>;
    const result: Record<string, FormAnswer> = {};
    let names = (schema['required'] ?? []) as string[];
    if (names.length === 0) {
      // Nothing required on its own: the first alternative of a "one of", else the first field.
      const oneOf = (schema['anyOf'] ?? schema['oneOf']) as Node[] | undefined;
      const first = (oneOf?.[0]?.['required'] as string[] | undefined) ?? Object.keys(properties).slice(0, 1);
      names = first;
    }
    for (const name of names) {
      const child = ui.fields?.[name];
      if (child && properties[name]) result[name] = valueFor(child, properties[name], typed);
    }
    return result;
  }
  if (ui.widget === 'repeat' || schema['type'] === 'array') {
    const count = Math.max(1, Number(schema['minItems'] ?? 1));
    return Array.from({ length: count }, () =>
      valueFor(ui.item ?? ui, (schema['items'] ?? {}) as Node, typed),
    );
  }
  if (ui.options && ui.options.length > 0) {
    // The country a citizen here most likely names, else the list's first entry.
    const home = ui.options.find((o) => o.label.de === 'Deutschland');
    return (home ?? ui.options[0])?.value ?? '';
  }
  if (schema['type'] === 'boolean') return schema['const'] === true ? true : false;
  if (schema['type'] === 'integer' || schema['type'] === 'number') {
    const min = Number(schema['minimum'] ?? -Infinity);
    const max = Number(schema['maximum'] ?? Infinity);
    return [1985, 175, 12, 1].find((n) => n >= min && n <= max) ?? (Number.isFinite(min) ? min : 0);
  }
  if (schema['format'] === 'date' || ui.widget === 'date') return '1985-04-12';
  const label = ui.label.de;
  const candidates = /mail/i.test(label)
    ? ['ada.krause@example.org']
    : /telefon|handy|mobil/i.test(label)
      ? ['0341 123456']
      : [`${label.split(/[\s(/]/)[0] ?? 'Angabe'} ${typed.next()}`, ...TEXT_CANDIDATES];
  const fits = (text: string) => {
    if (text.length < Number(schema['minLength'] ?? 0)) return false;
    if (text.length > Number(schema['maxLength'] ?? Infinity)) return false;
    const pattern = typeof schema['pattern'] === 'string' ? compileSafePattern(schema['pattern']) : null;
    return !pattern || pattern instanceof Error || pattern.test(text);
  };
  const text = candidates.find(fits);
  if (text === undefined) throw new Error(`no text fits "${label}" (${String(schema['pattern'])})`);
  return text;
}

/** The UI and schema of the field at a path ("anschrift/0/ort"). */
export function nodeAt(form: FormDefinition, path: string): { ui: FieldUi; schema: Node } | undefined {
  const [first, ...rest] = path.split('/');
  let ui: FieldUi | undefined = form.ui.fields[first ?? ''];
  let schema = form.schema.properties[first ?? ''] as Node | undefined;
  for (const name of rest) {
    if (!ui || !schema) return undefined;
    if (/^\d+$/.test(name)) {
      ui = ui.item;
      schema = schema['items'] as Node | undefined;
    } else {
      ui = ui.fields?.[name];
      schema = ((schema['properties'] ?? {}) as Record<string, Node>)[name];
    }
  }
  return ui && schema ? { ui, schema } : undefined;
}

function setAt(answers: FormAnswers, path: string, value: FormAnswer): FormAnswers {
  const [name = '', ...rest] = path.split('/');
  return { ...answers, [name]: rest.length === 0 ? value : setInside(answers[name], rest, value) };
}

function setInside(container: FormAnswer | undefined, path: string[], value: FormAnswer): FormAnswer {
  const [name = '', ...rest] = path;
  if (/^\d+$/.test(name)) {
    const list = Array.isArray(container) ? [...container] : [];
    list[Number(name)] = rest.length === 0 ? value : setInside(list[Number(name)], rest, value);
    return list;
  }
  const group =
    typeof container === 'object' && container !== null && !Array.isArray(container) ? container : {};
  return { ...group, [name]: rest.length === 0 ? value : setInside(group[name], rest, value) };
}
