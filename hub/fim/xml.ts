/**
 * A small XML reader for trusted, well-formed documents such as FIM schemas: elements,
 * attributes, text, CDATA and character references. It refuses DOCTYPE declarations, so no
 * entity expansion ("billion laughs") and no external entities can ever happen. Namespace
 * prefixes are kept in `name` and stripped in `local`, because XDatenfelder 2 and 3 use different
 * namespaces for the same element names.
 */
export interface XmlElement {
  name: string;
  local: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export class XmlError extends Error {
  constructor(message: string, offset: number) {
    super(`${message} (at character ${offset})`);
  }
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string, offset = 0): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (_, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const named = NAMED_ENTITIES[ref];
    if (named === undefined) throw new XmlError(`unknown entity &${ref};`, offset);
    return named;
  });
}

export function parseXml(source: string): XmlElement {
  let pos = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const append = (text: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
    else if (text.trim() !== '') throw new XmlError('text outside the root element', pos);
  };
  while (pos < source.length) {
    const lt = source.indexOf('<', pos);
    if (lt === -1) {
      append(decodeEntities(source.slice(pos), pos));
      break;
    }
    if (lt > pos) append(decodeEntities(source.slice(pos, lt), pos));
    pos = lt;
    if (source.startsWith('<?', pos)) {
      pos = expectEnd(source, '?>', pos);
    } else if (source.startsWith('<!--', pos)) {
      pos = expectEnd(source, '-->', pos);
    } else if (source.startsWith('<![CDATA[', pos)) {
      const end = expectEnd(source, ']]>', pos);
      append(source.slice(pos + 9, end - 3));
      pos = end;
    } else if (source.startsWith('<!', pos)) {
      throw new XmlError('DOCTYPE and entity declarations are not accepted', pos);
    } else if (source.startsWith('</', pos)) {
      const end = expectEnd(source, '>', pos);
      const name = source.slice(pos + 2, end - 1).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new XmlError(`unexpected </${name}>`, pos);
      pos = end;
    } else {
      const end = tagEnd(source, pos);
      const selfClosing = source[end - 2] === '/';
      const inner = source.slice(pos + 1, selfClosing ? end - 2 : end - 1);
      const element = parseTag(inner, pos);
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else if (root) throw new XmlError('a second root element', pos);
      else root = element;
      if (!selfClosing) stack.push(element);
      pos = end;
    }
  }
  if (stack.length > 0) throw new XmlError(`<${stack[stack.length - 1]?.name}> is never closed`, pos);
  if (!root) throw new XmlError('no root element', 0);
  return root;
}

function expectEnd(source: string, terminator: string, from: number): number {
  const index = source.indexOf(terminator, from);
  if (index === -1) throw new XmlError(`missing "${terminator}"`, from);
  return index + terminator.length;
}

/** The end of a start tag, skipping ">" inside quoted attribute values. */
function tagEnd(source: string, from: number): number {
  let quote: string | null = null;
  for (let i = from + 1; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  throw new XmlError('unterminated tag', from);
}

function parseTag(inner: string, offset: number): XmlElement {
  const nameMatch = /^([^\s/>]+)/.exec(inner);
  if (!nameMatch?.[1]) throw new XmlError('element without a name', offset);
  const name = nameMatch[1];
  const attributes: Record<string, string> = {};
  const attributePattern = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  const rest = inner.slice(name.length);
  for (const match of rest.matchAll(attributePattern)) {
    const key = match[1] ?? '';
    attributes[key] = decodeEntities(match[3] ?? match[4] ?? '', offset);
  }
  return { name, local: name.slice(name.indexOf(':') + 1), attributes, children: [], text: '' };
}

/** The first child with this local name. */
export function child(element: XmlElement, local: string): XmlElement | undefined {
  return element.children.find((c) => c.local === local);
}

export function children(element: XmlElement, local: string): XmlElement[] {
  return element.children.filter((c) => c.local === local);
}

/** Trimmed text of a child, or '' when absent. */
export function childText(element: XmlElement, local: string): string {
  return child(element, local)?.text.trim() ?? '';
}
