import type { FieldUi } from '../../protocol/forms.js';

/**
 * FIM rules as the form's conditions. FIM writes them as semi-formal German sentences; the
 * kinds the terminal evaluates:
 * - XDF 3: "WENN F… 'A' = 001 'x', DANN aktiviere F… 'B' [UND mache es zu einer Pflichtangabe]"
 *   (also "deaktiviere");
 * - XDF 2: "Wenn das Feld F… "A" = 001 "x" [ODER = 002 …] [UND das Feld F… <> wahr …], dann muss
 *   das Feld/die Feldgruppe … befüllt sein. Wenn … <> 001 …, dann darf … nicht befüllt sein.",
 *   "Wenn die Feldgruppe G… befüllt ist ODER …", "Wenn im Datenfeld F… der Wert 009 angegeben
 *   wurde, dann soll F… zum Pflichtfeld werden", "Wenn bei F… "02 Label" angegeben wird, dann wird
 *   G… zur Pflichtangabe", on codes (of a multiple choice too: "contains"),
 *   "wahr"/"falsch", "" or "leer" (answered / not answered); ODER and UND between conditions,
 *   UND binding closer, on several fields;
 * - "… ist/sind (nur dann) zu befüllen, wenn F… bejaht/verneint wurde";
 * - "Es muss entweder … oder … befüllt werden", "Es muss mindestens eines der Felder …": one of;
 * - "Das Feld F… kann bis zu N-mal ausgefüllt werden … jeder Eintrag maximal einmal": no repeats;
 * - "Wenn alle drei Felder F… (Tag), F… (Monat) und F… (Jahr) befüllt sind, muss die Validität des
 *   sich ergebenden Kalenderdatums sichergestellt werden": a real calendar date.
 * Shown-only-when becomes the field's `visibleWhen` (one value) or `visibleIf` (any condition);
 * required-when an if/then entry of the schema's `allOf`; one-of an `anyOf` entry. "Must be
 * filled in when C, must not be when not C" on a scan shows it only when C and requires it then.
 * A rule with any part left over (date arithmetic, brackets, conditions on uploads) is not evaluated.
 */
export interface RuleTarget {
  path: string;
  ui: FieldUi;
  /** The field's schema; null for a scan (its files are attachments, not answers). */
  schema: Record<string, unknown> | null;
  boolean: boolean;
  /** Required by its cardinality. */
  required: boolean;
  repeatable: boolean;
  /** FIM ids from the schema's root to this element, "G00001377/F00002372". */
  fimPath: string;
  /** The parent schema's `required` and this element's name there, so a hidden field can be optional. */
  parent?: { required: string[]; name: string } | undefined;
}

/** Every place a FIM id occurs outside repeatables (the same field may sit in several groups). */
export type RuleFields = Map<string, RuleTarget[]>;

type SchemaNode = Record<string, unknown>;
type Value = string | boolean;
type Atom =
  | { kind: 'equals'; target: RuleTarget; values: Value[]; negated: boolean }
  | { kind: 'answered'; target: RuleTarget; yes: boolean };
type Condition = Atom | { kind: 'and' | 'or'; items: Condition[] };
type Action = 'require' | 'forbid' | 'show' | 'hide' | 'show-require';

const ID = /\b((?:[FG]\d{5,}\.)*[FG]\d{5,})\b/g;
const ONE_ID = /^((?:[FG]\d{5,}\.)*[FG]\d{5,})\b\s*/;

/** The definition with quoted labels removed and values turned into plain tokens. */
function normalize(definition: string): string {
  return (
    definition
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/\s+/g, ' ')
      .replace(/[„“”]/g, '"')
      .replace(/"(wahr|ja|true)"|'(wahr|ja|true)'/gi, ' WAHR ')
      .replace(/"(falsch|nein|false)"|'(falsch|nein|false)'/gi, ' FALSCH ')
      .replace(/""|''/g, ' LEER ')
      // "Wenn bei F… "02 Label" angegeben wird": the code leads the quoted label.
      .replace(
        /\bbei ((?:[FG]\d{5,}\.)*[FG]\d{5,}) "([\w-]{1,20}) [^"]*" angegeben wird/gi,
        ' im Datenfeld $1 der Wert $2 angegeben wurde ',
      )
      .replace(/"((?:[FG]\d{5,}\.)*[FG]\d{5,})\b[^"]*"/g, ' $1 ')
      .replace(/"[^"]*"|'[^']*'/g, ' ')
      .replace(/\s+/g, ' ')
      .replace(/\s+([,.])/g, '$1')
      .trim()
  );
}

function idsIn(text: string): string[] {
  return [...text.matchAll(ID)].map((m) => m[1] ?? '');
}

function depth(target: RuleTarget): number {
  return target.fimPath.split('/').length;
}

function commonPrefix(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/**
 * The element a (possibly qualified: "G1.F2") id names: where it occurs more than once, the one
 * the qualification fits, nearest to `near` (the rule's condition), then the shallowest.
 */
function resolve(qualified: string, fields: RuleFields, near?: RuleTarget): RuleTarget | undefined {
  const parts = qualified.split('.');
  const suffix = parts.join('/');
  const candidates = (fields.get(parts[parts.length - 1] ?? '') ?? []).filter(
    (t) => t.fimPath === suffix || t.fimPath.endsWith(`/${suffix}`),
  );
  const score = (t: RuleTarget) => (near ? commonPrefix(t.fimPath, near.fimPath) * 100 : 0) - depth(t);
  return candidates.sort((a, b) => score(b) - score(a))[0];
}

/** "das Feld", "die Feldgruppe", "im Datenfeld" … before an id or an operator. */
const FILLER =
  /^(?:(?:das|die|der|dem|im|in|aus)\s+)?(?:datenfeldgruppe|feldgruppe|datenfeld|feld|gruppe)?\s*/i;

function stripFiller(text: string): string {
  let rest = text.trim();
  for (let i = 0; i < 3; i++) {
    const next = rest.replace(FILLER, '').trim();
    if (next === rest) break;
    rest = next;
  }
  return rest;
}

function parseValue(token: string, target: RuleTarget): Value | null {
  const clean = token.replace(/[,.]$/, '');
  if (/^(?:WAHR|wahr|ja)$/.test(clean)) return target.boolean ? true : 'true';
  if (/^(?:FALSCH|falsch|nein)$/.test(clean)) return target.boolean ? false : 'false';
  if (/^[\w-]{1,20}$/.test(clean) && clean !== 'LEER') return target.boolean ? null : clean;
  return null;
}

const COUNTS: Record<string, number> = { zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6 };

/** The yes/no fields directly in a group, in order, as rule targets. */
function groupChildren(group: RuleTarget): RuleTarget[] {
  const properties = (group.schema?.['properties'] ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(properties).flatMap(([name, schema]) => {
    const ui = group.ui.fields?.[name];
    if (!ui) return [];
    return [
      {
        path: `${group.path}/${name}`,
        ui,
        schema,
        boolean: schema['type'] === 'boolean',
        required: false,
        repeatable: false,
        fimPath: `${group.fimPath}/${name}`,
      },
    ];
  });
}

/**
 * "mindestens ein Feld der Feldgruppe G… = wahr" (any of its fields) and "die ersten vier Felder
 * der Feldgruppe G… <> wahr" (none of its first four): on a group of yes/no fields.
 */
function parseGroupAtom(text: string, fields: RuleFields, anchor?: RuleTarget): Condition | null | undefined {
  const any = /^mindestens ein feld der feldgruppe (\S+) (=|<>) (\S+)$/i.exec(text);
  const first = /^die ersten (\S+) felder der feldgruppe (\S+) (=|<>) (\S+)$/i.exec(text);
  if (!any && !first) return undefined;
  const group = resolve((any ? any[1] : first?.[2]) ?? '', fields, anchor);
  if (!group || group.schema?.['type'] !== 'object') return null;
  let children = groupChildren(group);
  if (first) {
    const count = COUNTS[(first[1] ?? '').toLowerCase()] ?? Number(first[1]);
    if (!Number.isInteger(count) || count < 1 || count > children.length) return null;
    children = children.slice(0, count);
  } else children = children.filter((c) => c.boolean); // only a yes/no field can be "wahr"

  if (children.length === 0 || children.some((c) => !c.boolean)) return null;
  const [operator, token] = any ? [any[2], any[3]] : [first?.[3], first?.[4]];
  const value = parseValue(token ?? '', children[0] as RuleTarget);
  if (value === null) return null;
  const atoms: Condition[] = children.map((target) => ({
    kind: 'equals',
    target,
    values: [value],
    negated: operator !== '=',
  }));
  return { kind: any ? 'or' : 'and', items: atoms };
}

/** One comparison: "F… = 001", "= 002" (the field before), "G… befüllt ist", "F… leer ist". */
function parseAtom(
  text: string,
  fields: RuleFields,
  previous: RuleTarget | undefined,
  anchor?: RuleTarget,
): Atom | null {
  let rest = stripFiller(text.replace(/[,.]$/, ''));
  let target = previous;
  const id = ONE_ID.exec(rest);
  if (id) {
    target = resolve(id[1] ?? '', fields, anchor);
    rest = rest.slice(id[0].length).trim();
  }
  if (!target || target.schema === null) return null;
  const operator = /^(=|<>|!=|≠)\s*(\S+)$/.exec(rest);
  if (operator) {
    const negated = operator[1] !== '=';
    if (operator[2] === 'LEER') return { kind: 'answered', target, yes: negated };
    const value = parseValue(operator[2] ?? '', target);
    return value === null ? null : { kind: 'equals', target, values: [value], negated };
  }
  const given = /^(nicht )?der wert (\S+) angegeben wurde$/i.exec(rest);
  if (given) {
    const negated = Boolean(given[1]);
    if (given[2] === 'LEER') return { kind: 'answered', target, yes: negated };
    const value = parseValue(given[2] ?? '', target);
    return value === null ? null : { kind: 'equals', target, values: [value], negated };
  }
  if (/^(?:befüllt|ausgefüllt) (?:ist|sind)$|^nicht leer(?: ist)?$/i.test(rest)) {
    return { kind: 'answered', target, yes: true };
  }
  if (/^(?:nicht (?:befüllt|ausgefüllt)|leer) (?:ist|sind)$|^leer$/i.test(rest)) {
    return { kind: 'answered', target, yes: false };
  }
  return null;
}

/** Conditions joined by ODER and UND (UND binding closer); brackets and arithmetic are not read. */
function parseCondition(text: string, fields: RuleFields, anchor?: RuleTarget): Condition | null {
  if (/[()]|\b(?:tage|jahre|monate|datum)\b/i.test(text)) return null;
  let previous: RuleTarget | undefined;
  const any: Condition[] = [];
  for (const disjunct of text.split(/,?\s+oder\s+/i)) {
    const all: Condition[] = [];
    for (const conjunct of disjunct.split(/,?\s+und\s+/i)) {
      const quantified = parseGroupAtom(conjunct.replace(/[,.]$/, '').trim(), fields, anchor);
      if (quantified !== undefined) {
        if (quantified === null) return null;
        all.push(quantified);
        continue;
      }
      const atom = parseAtom(conjunct, fields, previous, anchor);
      if (!atom) return null;
      previous = atom.target;
      all.push(atom);
    }
    any.push(all.length === 1 ? (all[0] as Condition) : { kind: 'and', items: all });
  }
  return any.length === 1 ? (any[0] as Condition) : { kind: 'or', items: any };
}

function targetsOf(condition: Condition): RuleTarget[] {
  if ('items' in condition) return condition.items.flatMap(targetsOf);
  return [condition.target];
}

function firstTarget(condition: Condition): RuleTarget | undefined {
  return targetsOf(condition)[0];
}

const ACTIONS: [RegExp, Action][] = [
  [
    /^(?:muss|soll)(?: und)* (?:befüllt (?:sein|werden)|zum pflichtfeld werden|ausgefüllt (?:sein|werden))$/,
    'require',
  ],
  [/^wird (?:zur|zu einer|eine) pflicht(?:angabe|feld)$/, 'require'],
  [/^(?:darf|muss)(?: und)* nicht (?:befüllt|ausgefüllt) (?:sein|werden)$/, 'forbid'],
  [/^darf(?: und)* nicht leer sein$/, 'require'],
  [/^kann(?: und)* (?:befüllt|ausgefüllt) werden$/, 'show'],
  [
    /^aktiviere(?: (?:und|,))* und mache (?:es|sie) zu (?:einer|einem) pflicht(?:angabe|feld)(?:en)?$/,
    'show-require',
  ],
  [/^aktiviere(?: (?:und|,))*$/, 'show'],
  [/^deaktiviere(?: (?:und|,))*$/, 'hide'],
];

interface Sentence {
  condition: Condition;
  action: Action;
  targets: RuleTarget[];
}

/** One "Wenn … dann …" sentence, or null when it is not one the terminal can read. */
function readConditional(sentence: string, fields: RuleFields, anchor?: RuleTarget): Sentence | null {
  const match =
    /^wenn (.+?),? dann (.+)$/i.exec(sentence) ?? /^wenn (.+?),? (muss .+|darf .+|soll .+)$/i.exec(sentence);
  if (!match) return null;
  const condition = parseCondition(match[1] ?? '', fields, anchor);
  if (!condition) return null;
  const near = firstTarget(condition);
  const actionText = match[2] ?? '';
  const targets = idsIn(actionText).map((id) => resolve(id, fields, near));
  const conditionPaths = new Set(targetsOf(condition).map((t) => t.path));
  if (targets.length === 0 || targets.some((t) => t === undefined || conditionPaths.has(t.path))) return null;
  const words = actionText
    .replace(ID, ' ')
    .toLowerCase()
    .replace(/\.$/, '')
    .split(/\s+/)
    .filter((w) => w && !/^(?:das|die|der|feld|feldgruppe|datenfeld|datenfeldgruppe|gruppe|felder)$/.test(w))
    .join(' ');
  const found = ACTIONS.find(([pattern]) => pattern.test(words));
  if (!found) return null;
  return { condition, action: found[1], targets: targets as RuleTarget[] };
}

// ---------------------------------------------------------------------------------------------
// Conditions as JSON Schema (evaluated on the answers with empty ones removed).

function pathTest(path: string, leaf: SchemaNode): SchemaNode {
  const [last, ...outer] = path.split('/').reverse();
  let node: SchemaNode = { properties: { [last ?? '']: leaf }, required: [last] };
  for (const name of outer) node = { properties: { [name]: node }, required: [name] };
  return node;
}

function requiredPaths(paths: string[]): SchemaNode {
  const root: SchemaNode = {};
  for (const path of paths) {
    let node = root;
    for (const name of path.split('/')) {
      const required = (node['required'] ??= []) as string[];
      if (!required.includes(name)) required.push(name);
      const properties = (node['properties'] ??= {}) as Record<string, SchemaNode>;
      node = properties[name] ??= {};
    }
  }
  return root;
}

function toSchema(condition: Condition): SchemaNode {
  switch (condition.kind) {
    case 'and':
      return { allOf: condition.items.map(toSchema) };
    case 'or':
      return { anyOf: condition.items.map(toSchema) };
    case 'answered': {
      const answered = pathTest(condition.target.path, {});
      return condition.yes ? answered : { not: answered };
    }
    case 'equals': {
      const { values, target } = condition;
      let leaf: SchemaNode = values.length === 1 ? { const: values[0] } : { enum: values };
      if (target.repeatable) leaf = { contains: leaf }; // a multiple choice: the code is among them
      const test = pathTest(target.path, leaf);
      return condition.negated ? { not: test } : test;
    }
  }
}

function negate(condition: SchemaNode): SchemaNode {
  const inner = condition['not'];
  return Object.keys(condition).length === 1 && inner ? (inner as SchemaNode) : { not: condition };
}

function describe(condition: Condition): string {
  switch (condition.kind) {
    case 'and':
      return condition.items.map(describe).join(' and ');
    case 'or':
      return condition.items.map(describe).join(' or ');
    case 'answered':
      return `${condition.target.path} is ${condition.yes ? 'answered' : 'unanswered'}`;
    case 'equals': {
      const shown = condition.values.map((v) => (v === true ? 'yes' : v === false ? 'no' : v)).join('/');
      return `${condition.target.path} ${condition.negated ? 'is not' : 'is'} ${shown}`;
    }
  }
}

/** A single-value condition as `visibleWhen` says it, as the first evaluated rules did. */
function simpleVisibility(condition: Condition, inverse: boolean): { field: string; equals: Value } | null {
  if (condition.kind !== 'equals' || condition.values.length !== 1 || condition.target.repeatable)
    return null;
  const value = condition.values[0] as Value;
  const negated = condition.negated !== inverse;
  if (!negated) return { field: condition.target.path, equals: value };
  return typeof value === 'boolean' ? { field: condition.target.path, equals: !value } : null;
}

interface Effect {
  target: RuleTarget;
  require: Condition[];
  /** Shown only when each holds (schema and, where one value says it, a visibleWhen). */
  shown: { schema: SchemaNode; simple: { field: string; equals: Value } | null; text: string }[];
}

/**
 * Applies one rule to the form; returns what it did, or null (nothing changed) when any part of
 * it cannot be read.
 */
export function applyFimRule(
  definition: string,
  fields: RuleFields,
  conditions: SchemaNode[],
): string | null {
  const text = normalize(definition);
  if (text === '') return null;
  return (
    oneOfRule(text, fields, conditions) ??
    uniqueRule(text, fields) ??
    calendarDateRule(text, fields, conditions) ??
    legacyRule(text, fields, conditions) ??
    conditionalRule(text, fields, conditions)
  );
}

function oneOfRule(text: string, fields: RuleFields, conditions: SchemaNode[]): string | null {
  const oneOf =
    /^es muss (?:entweder|mindeste?n?s eine[sr]?(?: der felder)?) (.+?) (?:befüllt|ausgefüllt) (?:werden|sein)\.?$/i.exec(
      text,
    );
  if (!oneOf) return null;
  if (/\(/.test(oneOf[1] ?? '')) return null; // "oder (A und B)": nested alternatives
  const ids = idsIn(oneOf[1] ?? '');
  if (ids.length < 2) return null;
  // A rule of a building block (an address, a contact) holds wherever the block sits: one entry
  // per place of the first element, the others taken from the same block.
  const [first = '', ...others] = ids;
  const pathsFrom = (head: RuleTarget | undefined): string[] | null => {
    const targets = [head, ...others.map((id) => resolve(id, fields, head))];
    if (targets.some((t) => !t || t.schema === null)) return null;
    const paths = (targets as RuleTarget[]).map((t) => t.path);
    return new Set(paths).size === paths.length ? paths : null;
  };
  const places = (fields.get(first.split('.').pop() ?? '') ?? []).filter(
    (t) => resolve(first, fields, t) === t,
  );
  const entries = new Map<string, string[]>();
  for (const place of places) {
    const paths = pathsFrom(place);
    if (paths && sharedParent(paths)) entries.set(paths.join(','), paths);
  }
  if (entries.size === 0) {
    const paths = pathsFrom(resolve(first, fields));
    if (!paths) return null;
    entries.set(paths.join(','), paths);
  }
  for (const paths of entries.values()) {
    const entry: SchemaNode = { anyOf: paths.map((p) => requiredPaths([p])) };
    // Inside an optional group: only once the group is filled in.
    const parent = sharedParent(paths);
    conditions.push(parent ? { if: pathTest(parent, {}), then: entry } : entry);
  }
  return [...entries.values()].map((paths) => `one of ${paths.join(', ')} required`).join('; ');
}

function sharedParent(paths: string[]): string {
  const split = paths.map((p) => p.split('/').slice(0, -1));
  const first = split[0] ?? [];
  let n = 0;
  while (n < first.length && split.every((s) => s[n] === first[n])) n++;
  return first.slice(0, n).join('/');
}

function uniqueRule(text: string, fields: RuleFields): string | null {
  const unique =
    /^das feld ([FG]\d+) kann bist? zu? \S+ ?(?:mal)? ausgefüllt werden[.,] (?:dabei )?darf (?:aber )?jeder eintrag (?:nur )?maximal einmal ausgewählt werden\.?$/i.exec(
      text,
    );
  if (!unique) return null;
  const target = resolve(unique[1] ?? '', fields);
  if (!target?.repeatable || !target.schema) return null;
  target.schema['uniqueItems'] = true;
  return `${target.path}: each entry at most once`;
}

/** Day, month and year in three number fields: no 30 February, no 31 November, 29 February in leap years. */
function calendarDateRule(text: string, fields: RuleFields, conditions: SchemaNode[]): string | null {
  const match =
    /^wenn alle drei felder ([FG]\d+),? ([FG]\d+),? und ([FG]\d+) befüllt sind, muss die validität des sich ergebenden kalenderdatums sichergestellt werden\b/i.exec(
      text,
    );
  if (!match) return null;
  const [day, month, year] = [match[1], match[2], match[3]].map((id) => resolve(id ?? '', fields));
  if (!day || !month || !year) return null;
  if (![day, month, year].every((t) => t.schema?.['type'] === 'integer')) return null;
  const at = (target: RuleTarget, leaf: SchemaNode) => pathTest(target.path, leaf);
  const all = [day, month, year].map((t) => at(t, {}));
  const rules: SchemaNode[] = [
    { if: { allOf: [...all, at(month, { enum: [4, 6, 9, 11] })] }, then: at(day, { maximum: 30 }) },
    { if: { allOf: [...all, at(month, { const: 2 })] }, then: at(day, { maximum: 29 }) },
    {
      if: { allOf: [...all, at(month, { const: 2 }), at(day, { const: 29 })] },
      then: at(year, {
        multipleOf: 4,
        anyOf: [{ not: { multipleOf: 100 } }, { multipleOf: 400 }],
      }),
    },
  ];
  conditions.push(...rules);
  return `${day.path}, ${month.path}, ${year.path} form a real calendar date`;
}

function legacyRule(text: string, fields: RuleFields, conditions: SchemaNode[]): string | null {
  const legacy =
    /^(.*)\b(?:ist|sind) (nur dann |dann )?(?:zu befüllen|auszufüllen|anzugeben), wenn ([FG]\d+) (bejaht|verneint) wurde\.?$/i.exec(
      text,
    );
  if (!legacy) return null;
  const condition = resolve(legacy[3] ?? '', fields);
  const targets = idsIn(legacy[1] ?? '').map((id) => resolve(id, fields, condition));
  if (!condition?.boolean || targets.length === 0 || targets.some((t) => !t)) return null;
  const sentence: Sentence = {
    condition: { kind: 'equals', target: condition, values: [legacy[4] === 'bejaht'], negated: false },
    action: legacy[2] === 'nur dann ' ? 'show' : 'require',
    targets: targets as RuleTarget[],
  };
  return apply([sentence], conditions);
}

function conditionalRule(text: string, fields: RuleFields, conditions: SchemaNode[]): string | null {
  const sentences = text
    .split(/(?<=\.)\s+(?=wenn\b)/i)
    .map((s) => s.replace(/\.$/, '').trim())
    .filter(Boolean);
  const readAll = (anchor?: RuleTarget): Sentence[] | null => {
    const read = sentences.map((s) => readConditional(s, fields, anchor));
    return read.length === 0 || read.some((s) => s === null) ? null : (read as Sentence[]);
  };
  // A rule of a building block (a contact, an address) holds wherever the block sits: read once
  // per place of its first element, everything else taken from the same block.
  const [first] = idsIn(text);
  const places = first
    ? (fields.get(first.split('.').pop() ?? '') ?? []).filter((t) => resolve(first, fields, t) === t)
    : [];
  if (places.length > 1) {
    const readings = new Map<string, Sentence[]>();
    for (const place of places) {
      const read = readAll(place);
      if (!read) continue;
      const paths = read.flatMap((s) => [...targetsOf(s.condition), ...s.targets].map((t) => t.path));
      if (!sharedParent(paths)) continue; // not all in one block here
      readings.set(paths.join(','), read);
    }
    if (readings.size > 0) {
      const done: string[] = [];
      for (const read of readings.values()) {
        const result = apply(read, conditions);
        if (result === null) return done.length > 0 ? done.join('; ') : null;
        done.push(result);
      }
      return done.join('; ');
    }
  }
  const read = readAll();
  return read ? apply(read, conditions) : null;
}

function apply(sentences: Sentence[], conditions: SchemaNode[]): string | null {
  const effects = new Map<string, Effect>();
  const done: string[] = [];
  for (const { condition, action, targets } of sentences) {
    const when = describe(condition);
    const schema = toSchema(condition);
    for (const target of targets) {
      let effect = effects.get(target.path);
      if (!effect) effects.set(target.path, (effect = { target, require: [], shown: [] }));
      const showWhen = (inverse: boolean) =>
        effect.shown.push({
          schema: inverse ? negate(schema) : schema,
          simple: simpleVisibility(condition, inverse),
          text: inverse ? `not (${when})` : when,
        });
      if (action === 'require' || action === 'show-require') effect.require.push(condition);
      if (action === 'show' || action === 'show-require') showWhen(false);
      if (action === 'hide' || action === 'forbid') showWhen(true);
    }
    const paths = targets.map((t) => t.path).join(', ');
    const verb = {
      require: 'required when',
      'show-require': 'shown and required only when',
      show: 'shown only when',
      hide: 'hidden when',
      forbid: 'not asked when',
    }[action];
    done.push(`${paths} ${verb} ${when}`);
  }
  const plan: (() => void)[] = [];
  for (const { target, require, shown } of effects.values()) {
    if (target.schema === null || isAnswerlessGroup(target.schema)) {
      // A scan, or a group of scans only: "required when C" only together with "shown only when C"
      // (files are no answers; a group's scans ask for their own files while it is shown).
      if (require.length > 0 && shown.length === 0) return null;
      plan.push(() => {
        restrictVisibility(target, shown);
        if (require.length > 0 && target.schema === null) {
          target.ui.minCount = Math.max(target.ui.minCount ?? 0, 1);
        }
      });
      continue;
    }
    // Inside a group the rule holds once the group is filled in: a hidden or skipped group is never
    // required through one of its fields.
    const within = target.path.split('/').slice(0, -1).join('/');
    for (const condition of require) {
      const simple = simpleVisibility(condition, false);
      if (simple) plan.push(() => recordRequirement(conditions, target, simple));
      const when = toSchema(condition);
      const entry = {
        if: within ? { allOf: [when, pathTest(within, {})] } : when,
        then: requiredPaths([target.path]),
      };
      plan.push(() => conditions.push(entry));
    }
    if (shown.length === 0) continue;
    if (target.required) {
      // Required by its cardinality but hidden at times: required while shown (and its group answered).
      if (!target.parent) return null;
      const parentPath = target.path.split('/').slice(0, -1).join('/');
      const when = [...shown.map((s) => s.schema), ...(parentPath ? [pathTest(parentPath, {})] : [])];
      const parent = target.parent;
      plan.push(() => {
        const index = parent.required.indexOf(parent.name);
        if (index >= 0) parent.required.splice(index, 1);
        target.required = false;
        conditions.push({
          if: when.length === 1 ? when[0] : { allOf: when },
          then: requiredPaths([target.path]),
        });
      });
    }
    plan.push(() => restrictVisibility(target, shown));
  }
  for (const step of plan) step();
  return done.join('; ');
}

/** A group whose fields are all scans or notes: nothing of it is in the answers. */
function isAnswerlessGroup(schema: SchemaNode): boolean {
  return schema['type'] === 'object' && Object.keys((schema['properties'] ?? {}) as SchemaNode).length === 0;
}

/** Adds conditions to a field's visibility: one simple value as visibleWhen, anything else as visibleIf. */
function restrictVisibility(target: RuleTarget, shown: Effect['shown']): void {
  const ui = target.ui;
  const schemas: SchemaNode[] = [];
  for (const item of shown) {
    if (item.simple && !ui.visibleWhen && !ui.visibleIf && shown.length === 1) ui.visibleWhen = item.simple;
    else schemas.push(item.schema);
  }
  if (schemas.length === 0) return;
  if (ui.visibleIf) schemas.unshift(ui.visibleIf);
  ui.visibleIf = schemas.length === 1 ? schemas[0] : { allOf: schemas };
}

/** "G required when choice C = v", kept per form (by its conditions list) for revealChosenBranches. */
const requirements = new WeakMap<
  SchemaNode[],
  { target: RuleTarget; when: { field: string; equals: Value } }[]
>();

function recordRequirement(
  conditions: SchemaNode[],
  target: RuleTarget,
  when: { field: string; equals: Value },
) {
  const list = requirements.get(conditions) ?? [];
  list.push({ target, when });
  requirements.set(conditions, list);
}

/**
 * A choice that picks which of its neighbouring optional groups to fill in ("Wo befindet sich die
 * Anschrift?" 001 → inland address required, 002 → foreign address required): each group is shown
 * only for its answer, so the citizen sees the branch chosen, not both with required-looking
 * fields. Needs two or more such groups on one choice, each for other answers. Returns what it did.
 */
export function revealChosenBranches(conditions: SchemaNode[]): string[] {
  const byChoice = new Map<string, { target: RuleTarget; equals: Value }[]>();
  for (const { target, when } of requirements.get(conditions) ?? []) {
    byChoice.set(when.field, [...(byChoice.get(when.field) ?? []), { target, equals: when.equals }]);
  }
  const done: string[] = [];
  for (const [field, branches] of byChoice) {
    const parent = (path: string) => path.split('/').slice(0, -1).join('/');
    const targets = new Set(branches.map((b) => b.target.path));
    const values = new Set(branches.map((b) => String(b.equals)));
    const fits = branches.every(
      ({ target }) =>
        target.schema?.['type'] === 'object' &&
        !target.required &&
        !target.ui.visibleWhen &&
        !target.ui.visibleIf &&
        parent(target.path) === parent(field) &&
        branches.filter((b) => b.target.path === target.path).length === 1,
    );
    if (!fits || targets.size < 2 || values.size !== targets.size || typeof branches[0]?.equals !== 'string')
      continue;
    for (const { target, equals } of branches) {
      target.ui.visibleWhen = { field, equals };
      done.push(`${target.path} shown only when ${field} is ${String(equals)}`);
    }
  }
  return done;
}
