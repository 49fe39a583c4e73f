import type { FieldUi } from '../../protocol/forms.js';

/**
 * FIM rules as the form's conditions. FIM writes them as semi-formal German sentences; the
 * kinds the terminal evaluates:
 * - XDF 3: "WENN F… 'A' = 001 'x', DANN aktiviere F… 'B' [UND mache es zu einer Pflichtangabe]"
 *   (also "deaktiviere" on a yes/no field);
 * - XDF 2: "Wenn das Feld F… "A" = 001 "x" [ODER = 002 …], dann muss das Feld/die Feldgruppe
 *   … befüllt sein. Wenn … <> 001 …, dann darf … nicht befüllt sein." and "Wenn im Datenfeld F…
 *   der Wert 009 angegeben wurde, dann soll F… zum Pflichtfeld werden", on codes, "wahr"/"falsch",
 *   or "" (answered / not answered);
 * - "… ist/sind (nur dann) zu befüllen, wenn F… bejaht/verneint wurde";
 * - "Es muss entweder … oder … befüllt werden", "Es muss mindestens eines der Felder …": one of;
 * - "Das Feld F… kann bis zu N-mal ausgefüllt werden … jeder Eintrag maximal einmal": no repeats.
 * Shown-only-when becomes the field's `visibleWhen`; required-when an if/then entry of the
 * schema's `allOf`; one-of an `anyOf` entry. A rule with any sentence left over is not evaluated.
 */
export interface RuleTarget {
  path: string;
  ui: FieldUi;
  schema: Record<string, unknown>;
  boolean: boolean;
  /** Required by its cardinality: never hidden (it would make the form unsubmittable). */
  required: boolean;
  repeatable: boolean;
}

type SchemaNode = Record<string, unknown>;
type Test = { kind: 'equals'; values: (string | boolean)[] } | { kind: 'answered'; yes: boolean };

const ID = /\b(?:[FG]\d{5,}\.)*([FG]\d{5,})\b/g;

/** The definition with quoted labels removed and values turned into plain tokens. */
function normalize(definition: string): string {
  return definition
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .replace(/[„“”]/g, '"')
    .replace(/"(wahr|ja|true)"|'(wahr|ja|true)'/gi, ' WAHR ')
    .replace(/"(falsch|nein|false)"|'(falsch|nein|false)'/gi, ' FALSCH ')
    .replace(/""|''/g, ' LEER ')
    .replace(/"((?:[FG]\d{5,}\.)*[FG]\d{5,})\b[^"]*"/g, ' $1 ')
    .replace(/"[^"]*"|'[^']*'/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.])/g, '$1')
    .trim();
}

function ids(text: string): string[] {
  return [...text.matchAll(ID)].map((m) => m[1] ?? '');
}

function pathTest(path: string, leaf: SchemaNode, required: boolean): SchemaNode {
  const [last, ...outer] = path.split('/').reverse();
  let node: SchemaNode = { properties: { [last ?? '']: leaf }, ...(required ? { required: [last] } : {}) };
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

function ifNode(condition: RuleTarget, test: Test): SchemaNode {
  if (test.kind === 'answered') {
    const answered = pathTest(condition.path, {}, true);
    return test.yes ? answered : { not: answered };
  }
  const leaf = test.values.length === 1 ? { const: test.values[0] } : { enum: test.values };
  return pathTest(condition.path, leaf, true);
}

function parseValue(token: string, condition: RuleTarget): string | boolean | null {
  if (token === 'WAHR') return condition.boolean ? true : 'true';
  if (token === 'FALSCH') return condition.boolean ? false : 'false';
  if (/^[\w-]{1,20}$/.test(token) && token !== 'LEER') return condition.boolean ? null : token;
  return null;
}

interface Sentence {
  condition: RuleTarget;
  test: Test;
  negated: boolean;
  action: 'require' | 'show' | 'forbid' | 'show-require' | 'hide';
  targets: RuleTarget[];
}

/** One "Wenn … dann …" sentence, or null when it is not one the terminal can read. */
function readConditional(sentence: string, fields: Map<string, RuleTarget>): Sentence | null {
  const match =
    /^wenn (.+?),? dann (.+)$/i.exec(sentence) ?? /^wenn (.+?) (muss .+|darf .+|soll .+)$/i.exec(sentence);
  if (!match) return null;
  const [conditionText = '', actionText = ''] = [match[1], match[2]];
  const conditionIds = ids(conditionText);
  if (conditionIds.length !== 1) return null;
  const condition = fields.get(conditionIds[0] ?? '');
  if (!condition || condition.repeatable) return null;
  const rest = conditionText.replace(ID, ' ').replace(/\s+/g, ' ').trim();
  let test: Test;
  let negated = false;
  const valueMatch =
    /^(?:im datenfeld|das feld|feld|die feldgruppe)?\s*(nicht )?der wert (\S+) angegeben wurde$/i.exec(
      rest,
    ) ?? /^(?:im datenfeld|das feld|feld)?\s*(=|<>|!=|≠)\s*(\S+)((?:,? oder =\s*\S+)*)$/i.exec(rest);
  if (valueMatch && /^(?:nicht )?$/i.test(valueMatch[1] ?? '') && /der wert/i.test(rest)) {
    negated = Boolean(valueMatch[1]);
    const token = valueMatch[2] ?? '';
    if (token === 'LEER') test = { kind: 'answered', yes: negated };
    else {
      const value = parseValue(token, condition);
      if (value === null) return null;
      test = { kind: 'equals', values: [value] };
    }
    if (token === 'LEER') negated = false;
  } else if (valueMatch) {
    negated = valueMatch[1] !== '=';
    const tokens = [
      valueMatch[2] ?? '',
      ...[...(valueMatch[3] ?? '').matchAll(/=\s*(\S+)/g)].map((m) => m[1] ?? ''),
    ];
    const values = tokens.map((t) => parseValue(t.replace(/[,.]$/, ''), condition));
    if (values.some((v) => v === null)) return null;
    test = { kind: 'equals', values: values as (string | boolean)[] };
  } else if (
    /^(?:das feld|die feldgruppe|feld)?\s*(?:befüllt ist|nicht leer(?: ist)?|ausgefüllt ist)$/i.test(rest)
  ) {
    test = { kind: 'answered', yes: true };
  } else if (
    /^(?:das feld|die feldgruppe|feld)?\s*(?:nicht befüllt ist|leer ist|nicht ausgefüllt ist)$/i.test(rest)
  ) {
    test = { kind: 'answered', yes: false };
  } else return null;

  const targetIds = ids(actionText);
  const targets = targetIds.map((id) => fields.get(id));
  if (targets.length === 0 || targets.some((t) => t === undefined || t.path === condition.path)) return null;
  const action = actionText.replace(ID, ' ').replace(/\s+/g, ' ').trim().toLowerCase().replace(/\.$/, '');
  const phrases: [RegExp, Sentence['action']][] = [
    [
      /^(?:muss|soll) (?:das feld|die feldgruppe|feldgruppe|die gruppe|feld)? ?(?:(?:und|,) (?:das feld|die feldgruppe) ?)*(?:befüllt (?:sein|werden)|zum pflichtfeld werden|ausgefüllt (?:sein|werden))$/,
      'require',
    ],
    [
      /^darf (?:das feld|die feldgruppe|die gruppe|feld)? ?nicht (?:befüllt|ausgefüllt) (?:sein|werden)$/,
      'forbid',
    ],
    [/^darf (?:das feld|die feldgruppe|feld)? ?nicht leer sein$/, 'require'],
    [/^kann (?:das feld|die feldgruppe|feld)? ?(?:befüllt|ausgefüllt) werden$/, 'show'],
    [
      /^aktiviere(?: (?:und|,))* und mache (?:es|sie) zu (?:einer|einem) pflicht(?:angabe|feld)(?:en)?$/,
      'show-require',
    ],
    [/^aktiviere(?: (?:und|,))*$/, 'show'],
    [/^deaktiviere(?: (?:und|,))*$/, 'hide'],
  ];
  const found = phrases.find(([pattern]) => pattern.test(action));
  if (!found) return null;
  return { condition, test, negated, action: found[1], targets: targets as RuleTarget[] };
}

/**
 * Applies one rule to the form; returns what it did, or null (nothing changed) when any part of
 * it cannot be read.
 */
export function applyFimRule(
  definition: string,
  fields: Map<string, RuleTarget>,
  conditions: SchemaNode[],
): string | null {
  const text = normalize(definition);
  if (text === '') return null;
  const oneOf =
    /^es muss (?:entweder|mindestens eine[sr]?) (.+?) (?:befüllt|ausgefüllt) (?:werden|sein)\.?$/i.exec(text);
  if (oneOf) {
    const targets = ids(oneOf[1] ?? '').map((id) => fields.get(id));
    if (targets.length < 2 || targets.some((t) => !t)) return null;
    if (/\(/.test(oneOf[1] ?? '')) return null; // "oder (A und B)": nested alternatives
    const paths = (targets as RuleTarget[]).map((t) => t.path);
    conditions.push({ anyOf: paths.map((p) => requiredPaths([p])) });
    return `one of ${paths.join(', ')} required`;
  }
  const unique =
    /^das feld ([FG]\d+) kann bis zu? \S+ ?(?:mal)? ausgefüllt werden[.,] (?:dabei )?darf (?:aber )?jeder eintrag (?:nur )?maximal einmal ausgewählt werden\.?$/i.exec(
      text,
    );
  if (unique) {
    const target = fields.get(unique[1] ?? '');
    if (!target?.repeatable) return null;
    target.schema['uniqueItems'] = true;
    return `${target.path}: each entry at most once`;
  }
  const legacy =
    /^(.*)\b(?:ist|sind) (nur dann |dann )?(?:zu befüllen|auszufüllen|anzugeben), wenn ([FG]\d+) (bejaht|verneint) wurde\.?$/i.exec(
      text,
    );
  if (legacy) {
    const condition = fields.get(legacy[3] ?? '');
    const targets = ids(legacy[1] ?? '').map((id) => fields.get(id));
    if (!condition?.boolean || targets.length === 0 || targets.some((t) => !t)) return null;
    const sentence: Sentence = {
      condition,
      test: { kind: 'equals', values: [legacy[4] === 'bejaht'] },
      negated: false,
      action: legacy[2] === 'nur dann ' ? 'show' : 'require',
      targets: targets as RuleTarget[],
    };
    return apply([sentence], conditions);
  }
  const sentences = text
    .split(/(?<=\.)\s+(?=wenn\b)/i)
    .map((s) => s.replace(/\.$/, '').trim())
    .filter(Boolean);
  const read = sentences.map((s) => readConditional(s, fields));
  if (read.length === 0 || read.some((s) => s === null)) return null;
  return apply(read as Sentence[], conditions);
}

function apply(sentences: Sentence[], conditions: SchemaNode[]): string | null {
  const done: string[] = [];
  const plan: (() => void)[] = [];
  for (const sentence of sentences) {
    const { condition, test, negated, targets } = sentence;
    const single = test.kind === 'equals' && test.values.length === 1 ? test.values[0] : undefined;
    const shown = (v: string | boolean) => (v === true ? 'yes' : v === false ? 'no' : v);
    const what =
      test.kind === 'answered' ? (test.yes ? 'answered' : 'unanswered') : test.values.map(shown).join('/');
    const when = `${condition.path} ${negated ? 'is not' : 'is'} ${what}`;
    const condNode = negated ? { not: ifNode(condition, test) } : ifNode(condition, test);
    const requireAll = () =>
      plan.push(() => conditions.push({ if: condNode, then: requiredPaths(targets.map((t) => t.path)) }));
    // Shown only while the condition holds: a single value, as visibleWhen can say it.
    const showOnlyWhen = (equals: string | boolean | undefined, inverse: boolean): boolean => {
      if (equals === undefined) return false;
      let value: string | boolean = equals;
      if (inverse) {
        if (typeof equals !== 'boolean') return false;
        value = !equals;
      }
      if (targets.some((t) => t.required)) return false;
      plan.push(() => {
        for (const target of targets) target.ui.visibleWhen = { field: condition.path, equals: value };
      });
      return true;
    };
    switch (sentence.action) {
      case 'require':
        requireAll();
        done.push(`${targets.map((t) => t.path).join(', ')} required when ${when}`);
        break;
      case 'show-require':
        if (negated || !showOnlyWhen(single, false)) return null;
        requireAll();
        done.push(`${targets.map((t) => t.path).join(', ')} shown and required only when ${when}`);
        break;
      case 'show':
        if (negated || !showOnlyWhen(single, false)) return null;
        done.push(`${targets.map((t) => t.path).join(', ')} shown only when ${when}`);
        break;
      case 'hide':
        if (negated || !showOnlyWhen(single, true)) return null;
        done.push(`${targets.map((t) => t.path).join(', ')} hidden when ${when}`);
        break;
      case 'forbid': {
        // "… <> v, dann darf … nicht befüllt sein": shown only when = v.
        const ok = negated ? showOnlyWhen(single, false) : showOnlyWhen(single, true);
        if (!ok) return null;
        done.push(
          `${targets.map((t) => t.path).join(', ')} not asked unless ${condition.path} ${negated ? 'is' : 'is not'} ${String(single)}`,
        );
        break;
      }
    }
  }
  for (const step of plan) step();
  return done.join('; ');
}
