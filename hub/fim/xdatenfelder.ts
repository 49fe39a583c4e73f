import { child, childText, children, parseXml, type XmlElement } from './xml.js';

/**
 * The parts of a FIM Stammdatenschema (XDatenfelder 2.0 and 3.0) a form needs: groups
 * (Datenfeldgruppen) and fields (Datenfelder) with their cardinality, labels, help, types,
 * constraints (praezisierung) and code lists. Everything else (status, authors, derivation
 * metadata) is left out.
 */
export interface FimCardinality {
  min: number;
  /** null: unbounded ("*"). */
  max: number | null;
}

export interface FimConstraints {
  minLength?: number;
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
  pattern?: string;
}

export interface FimField {
  kind: 'field';
  id: string;
  name: string;
  label: string;
  help: string;
  /** input, select, label, locked */
  fieldType: string;
  /** text, date, bool, num, num_int, num_currency, file, obj, ... */
  dataType: string;
  constraints: FimConstraints;
  /** URN of a code list that is not part of the file. */
  codeList: string | null;
  /** Values given in the file itself (XDatenfelder 3.0 "werte"). */
  values: { code: string; name: string }[];
  content: string;
  /** XDatenfelder 3 uploads: allowed media types and the largest size in bytes. */
  mediaTypes: string[];
  maxSize: number | null;
}

export interface FimGroup {
  kind: 'group';
  id: string;
  name: string;
  label: string;
  help: string;
  /** XDF 3 `art` X (Auswahlgruppe): the citizen fills in one of its children, not all. */
  choice: boolean;
  children: FimChild[];
}

export interface FimChild {
  element: FimField | FimGroup;
  cardinality: FimCardinality;
}

export interface FimSchema {
  version: '2.0' | '3.0';
  id: string;
  schemaVersion: string;
  name: string;
  label: string;
  description: string;
  legalBasis: string;
  children: FimChild[];
  /** Rules (regel): conditions between fields, written as German sentences in `definition`. */
  rules: FimRule[];
  /** freigabestatus (3.0) or status (2.0) code, '' when absent. */
  releaseStatus: string;
}

export interface FimRule {
  id: string;
  name: string;
  definition: string;
}

export class FimError extends Error {}

export const XDF2_NAMESPACE = 'urn:xoev-de:fim:standard:xdatenfelder_2';
export const XDF3_NAMESPACE = 'urn:xoev-de:fim:standard:xdatenfelder_3.0.0';

/** Limits of what a terminal form can carry; a schema beyond them is refused. */
export const FIM_LIMITS = { fields: 2000, groupDepth: 12, multiplicity: 100 };

export function readFimSchema(xml: string): FimSchema {
  const root = parseXml(xml, true);
  const prefix = root.name.includes(':') ? root.name.slice(0, root.name.indexOf(':')) : '';
  const namespace = root.attributes[prefix ? `xmlns:${prefix}` : 'xmlns'] ?? '';
  let version: FimSchema['version'];
  if (namespace === XDF3_NAMESPACE) version = '3.0';
  else if (namespace === XDF2_NAMESPACE) version = '2.0';
  else if (/xdatenfelder_?1|xdatenfelder\/1/i.test(namespace)) {
    throw new FimError(
      `XDatenfelder 1 (${namespace}) is not supported: export the schema as XDatenfelder 2 or 3`,
    );
  } else {
    throw new FimError(`unknown namespace "${namespace}" of <${root.name}>: expected XDatenfelder 2 or 3`);
  }
  if (!root.local.startsWith('xdatenfelder.stammdatenschema')) {
    throw new FimError(`not a Stammdatenschema message: root element is <${root.name}>`);
  }
  const schema = child(root, 'stammdatenschema');
  if (!schema) throw new FimError('the message has no <stammdatenschema>');
  const identification = child(schema, 'identifikation');
  const rules: FimRule[] = [];
  collectRules(schema, rules);
  const counter = { fields: 0 };
  const structure = readStructure(schema, counter, 0);
  if (structure.length === 0) throw new FimError('the schema has no structure (no <struktur> with fields)');
  const label =
    version === '3.0'
      ? childText(schema, 'bezeichnung') || childText(schema, 'bezeichnungEingabe')
      : childText(schema, 'bezeichnungEingabe');
  return {
    version,
    id: identification ? childText(identification, 'id') : '',
    schemaVersion: identification ? childText(identification, 'version') : '',
    name: childText(schema, 'name'),
    label: label || childText(schema, 'name'),
    description: childText(schema, 'beschreibung'),
    legalBasis: childText(schema, 'bezug'),
    children: structure,
    rules: rules.filter((rule, index) => rules.findIndex((r) => r.id === rule.id) === index),
    releaseStatus: codeOf(schema, version === '3.0' ? 'freigabestatus' : 'status'),
  };
}

function codeOf(element: XmlElement, local: string): string {
  const node = child(element, local);
  return node ? childText(node, 'code') || node.text.trim() : '';
}

function readStructure(parent: XmlElement, counter: { fields: number }, depth: number): FimChild[] {
  if (depth > FIM_LIMITS.groupDepth) {
    throw new FimError(
      `groups nested deeper than ${FIM_LIMITS.groupDepth} (at ${childText(child(parent, 'identifikation') ?? parent, 'id') || parent.name})`,
    );
  }
  const result: FimChild[] = [];
  for (const structure of children(parent, 'struktur')) {
    const cardinality = readCardinality(childText(structure, 'anzahl'));
    const contains = child(structure, 'enthaelt');
    for (const element of contains?.children ?? []) {
      if (++counter.fields > FIM_LIMITS.fields) {
        throw new FimError(`more than ${FIM_LIMITS.fields} fields and groups: too large for one form`);
      }
      if (element.local === 'datenfeldgruppe')
        result.push({ element: readGroup(element, counter, depth + 1), cardinality });
      else if (element.local === 'datenfeld') result.push({ element: readField(element), cardinality });
    }
  }
  return result;
}

function readCardinality(text: string): FimCardinality {
  const match = /^(\d{1,9}):(\d{1,9}|\*)$/.exec(text);
  if (!match) return { min: 0, max: 1 };
  const min = Number(match[1]);
  const max = match[2] === '*' ? null : Number(match[2]);
  if (min > FIM_LIMITS.multiplicity) {
    throw new FimError(
      `multiplicity "${text}" asks for at least ${min} entries; a form takes at most ${FIM_LIMITS.multiplicity}`,
    );
  }
  return { min, max };
}

function common(element: XmlElement) {
  const identification = child(element, 'identifikation');
  const name = childText(element, 'name');
  return {
    id: identification ? childText(identification, 'id') : '',
    name,
    label: childText(element, 'bezeichnungEingabe') || name,
    help: childText(element, 'hilfetextEingabe'),
  };
}

function readGroup(element: XmlElement, counter: { fields: number }, depth: number): FimGroup {
  return {
    kind: 'group',
    ...common(element),
    choice: codeOf(element, 'art') === 'X',
    children: readStructure(element, counter, depth),
  };
}

function readField(element: XmlElement): FimField {
  const codeOf = (local: string) => {
    const node = child(element, local);
    return node ? childText(node, 'code') || node.text.trim() : '';
  };
  const reference = child(element, 'codelisteReferenz');
  const values = children(child(element, 'werte') ?? emptyElement, 'wert').map((value) => ({
    code: childText(value, 'code'),
    name: childText(value, 'name') || childText(value, 'code'),
  }));
  return {
    kind: 'field',
    ...common(element),
    fieldType: codeOf('feldart') || 'input',
    dataType: codeOf('datentyp') || 'text',
    constraints: readConstraints(child(element, 'praezisierung')),
    codeList: reference ? codeListUrn(reference) : null,
    values,
    content: childText(element, 'inhalt'),
    mediaTypes: children(element, 'mediaType')
      .map((m) => m.text.trim())
      .filter(Boolean),
    maxSize: /^\d{1,12}$/.test(childText(element, 'maxSize')) ? Number(childText(element, 'maxSize')) : null,
  };
}

const emptyElement: XmlElement = { name: '', local: '', attributes: {}, children: [], text: '' };

function codeListUrn(reference: XmlElement): string {
  const identification = child(reference, 'genericodeIdentification') ?? reference;
  return (
    childText(identification, 'canonicalIdentification') ||
    childText(reference, 'canonicalIdentification') ||
    'unbekannt'
  );
}

/** 2.0 writes the constraints as a JSON string with string values; 3.0 as attributes. */
function readConstraints(node: XmlElement | undefined): FimConstraints {
  if (!node) return {};
  let raw: Record<string, unknown> = { ...node.attributes };
  const text = node.text.trim();
  if (text.startsWith('{')) {
    try {
      raw = { ...raw, ...(JSON.parse(text) as Record<string, unknown>) };
    } catch {
      throw new FimError(`praezisierung is not valid JSON: ${text}`);
    }
  }
  const constraints: FimConstraints = {};
  const number = (key: string) => {
    const value = raw[key];
    const parsed = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
    return Number.isFinite(parsed) ? parsed : undefined;
  };
  const set = <K extends keyof FimConstraints>(key: K, value: FimConstraints[K] | undefined) => {
    if (value !== undefined) constraints[key] = value;
  };
  set('minLength', number('minLength'));
  set('maxLength', number('maxLength'));
  set('minValue', number('minValue'));
  set('maxValue', number('maxValue'));
  const pattern = raw['pattern'];
  if (typeof pattern === 'string' && pattern !== '') constraints.pattern = pattern;
  return constraints;
}

function collectRules(element: XmlElement, into: FimRule[]): void {
  for (const node of element.children) {
    if (node.local === 'regel') {
      const identification = child(node, 'identifikation');
      const id = (identification && childText(identification, 'id')) || childText(node, 'name');
      const text =
        childText(node, 'freitextRegel') || childText(node, 'definition') || childText(node, 'beschreibung');
      const definition = text.replace(/\s+/g, ' ');
      into.push({ id, name: childText(node, 'name') || id, definition });
    } else collectRules(node, into);
  }
}
