import { compileSafePattern, PatternError } from './safe-pattern.js';

/**
 * A form schema's `pattern` keywords are taken out of what the JSON Schema validator sees (it
 * would run them with the browser's backtracking RegExp) and checked here with the linear-time
 * automaton instead.
 */
type Node = Record<string, unknown>;

const SCHEMA_KEYWORDS = [
  'items',
  'additionalProperties',
  'if',
  'then',
  'else',
  'not',
  'contains',
  'propertyNames',
];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_MAPS = ['properties', '$defs', 'dependentSchemas'];

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every subschema with its place ("properties/name/items"), the schema itself first. */
function visit(node: Node, at: string, each: (node: Node, at: string) => void, depth = 0): void {
  if (depth > 64) return;
  each(node, at);
  const join = (part: string) => (at ? `${at}/${part}` : part);
  for (const key of SCHEMA_KEYWORDS) {
    const child = node[key];
    if (isNode(child)) visit(child, join(key), each, depth + 1);
  }
  for (const key of SCHEMA_LISTS) {
    const list = node[key];
    if (Array.isArray(list))
      list.forEach((child: unknown, i) => {
        if (isNode(child)) visit(child, join(`${key}/${i}`), each, depth + 1);
      });
  }
  for (const key of SCHEMA_MAPS) {
    const map = node[key];
    if (isNode(map))
      for (const [name, child] of Object.entries(map)) {
        if (isNode(child)) visit(child, join(`${key}/${name}`), each, depth + 1);
      }
  }
}

/** Why the schema's patterns cannot be evaluated safely on a terminal; empty when they can. */
export function schemaPatternProblems(schema: Node): string[] {
  const problems: string[] = [];
  visit(schema, '', (node, at) => {
    const where = at.replace(/(^|\/)properties\//g, '$1') || 'the schema';
    if ('patternProperties' in node) problems.push(`${where}: patternProperties is not supported`);
    const pattern = node['pattern'];
    if (pattern === undefined) return;
    if (typeof pattern !== 'string') {
      problems.push(`${where}: pattern must be a string`);
      return;
    }
    const compiled = compileSafePattern(pattern);
    if (compiled instanceof PatternError)
      problems.push(`${where}: pattern ${JSON.stringify(pattern)} refused: ${compiled.message}`);
  });
  return problems;
}

const stripped = new WeakMap<object, Node>();

/** The schema without `pattern` keywords (a copy, cached per schema object). */
export function withoutPatterns<T extends Node>(schema: T): T {
  const cached = stripped.get(schema);
  if (cached) return cached as T;
  const copy = JSON.parse(JSON.stringify(schema)) as Node;
  visit(copy, '', (node) => {
    delete node['pattern'];
    delete node['patternProperties'];
  });
  stripped.set(schema, copy);
  return copy as T;
}

/**
 * Paths ("name", "group/field", "list/0/field") of string answers that do not match their
 * field's pattern: through properties and items, as forms nest them. A pattern the terminal
 * cannot evaluate (refused by the form check, so only in content stored before it) is skipped.
 */
export function patternMismatches(schema: Node, answers: unknown): string[] {
  const found: string[] = [];
  const walk = (node: Node, value: unknown, path: string, depth: number) => {
    if (depth > 64) return;
    const pattern = node['pattern'];
    if (typeof pattern === 'string' && typeof value === 'string') {
      const compiled = compileSafePattern(pattern);
      if (!(compiled instanceof PatternError) && !compiled.test(value)) found.push(path);
    }
    const properties = node['properties'];
    if (isNode(properties) && isNode(value)) {
      for (const [name, child] of Object.entries(properties)) {
        if (isNode(child) && name in value)
          walk(child, value[name], path ? `${path}/${name}` : name, depth + 1);
      }
    }
    const items = node['items'];
    if (isNode(items) && Array.isArray(value)) {
      value.forEach((item: unknown, i) => walk(items, item, path ? `${path}/${i}` : String(i), depth + 1));
    }
  };
  walk(schema, answers, '', 0);
  return found;
}
