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
}

export interface FimGroup {
  kind: 'group';
  id: string;
  name: string;
  label: string;
  help: string;
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
}

export interface FimRule {
  id: string;
  name: string;
  definition: string;
}

export class FimError extends Error {}

export function readFimSchema(xml: string): FimSchema {
  const root = parseXml(xml);
  if (!root.local.startsWith('xdatenfelder.stammdatenschema')) {
    throw new FimError(`not a Stammdatenschema message: root element is <${root.name}>`);
  }
  const namespace = Object.values(root.attributes).find((v) => v.includes('xdatenfelder')) ?? '';
  const version = /xdatenfelder_3/.test(namespace) ? '3.0' : '2.0';
  const schema = child(root, 'stammdatenschema');
  if (!schema) throw new FimError('the message has no <stammdatenschema>');
  const identification = child(schema, 'identifikation');
  const rules: FimRule[] = [];
  collectRules(schema, rules);
  return {
    version,
    id: identification ? childText(identification, 'id') : '',
    schemaVersion: identification ? childText(identification, 'version') : '',
    name: childText(schema, 'name'),
    label: childText(schema, 'bezeichnungEingabe') || childText(schema, 'name'),
    description: childText(schema, 'beschreibung'),
    legalBasis: childText(schema, 'bezug'),
    children: readStructure(schema),
    rules: rules.filter((rule, index) => rules.findIndex((r) => r.id === rule.id) === index),
  };
}

function readStructure(parent: XmlElement): FimChild[] {
  const result: FimChild[] = [];
  for (const structure of children(parent, 'struktur')) {
    const cardinality = readCardinality(childText(structure, 'anzahl'));
    const contains = child(structure, 'enthaelt');
    for (const element of contains?.children ?? []) {
      if (element.local === 'datenfeldgruppe') result.push({ element: readGroup(element), cardinality });
      else if (element.local === 'datenfeld') result.push({ element: readField(element), cardinality });
    }
  }
  return result;
}

function readCardinality(text: string): FimCardinality {
  const match = /^(\d+):(\d+|\*)$/.exec(text);
  if (!match) return { min: 0, max: 1 };
  return { min: Number(match[1]), max: match[2] === '*' ? null : Number(match[2]) };
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

function readGroup(element: XmlElement): FimGroup {
  return { kind: 'group', ...common(element), children: readStructure(element) };
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
      const definition = childText(node, 'definition').replace(/\s+/g, ' ');
      into.push({ id, name: childText(node, 'name') || id, definition });
    } else collectRules(node, into);
  }
}
