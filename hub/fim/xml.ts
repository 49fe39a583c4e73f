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
  constructor(
    message: string,
    readonly offset: number,
    source?: string,
  ) {
    super(
      source === undefined
        ? `${message} (at character ${offset})`
        : `${lineColumn(source, offset)}: ${message}`,
    );
  }
}

/** "line L, column C" of a character offset (both from 1), as editors count them. */
export function lineColumn(source: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return `line ${line}:${offset - start + 1}`;
}

/** Limits that keep a hostile file from exhausting the hub: nesting depth, elements, text size. */
export const XML_LIMITS = { depth: 64, elements: 200_000, text: 100_000 };

/**
 * The document's text from its bytes, in the encoding its XML declaration names: UTF-8 (the
 * default; an invalid byte sequence is refused with its position) or ISO-8859-1 / Windows-1252.
 * Any other declared encoding is refused.
 */
export function decodeXml(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^(?:\uFEFF|\u00EF\u00BB\u00BF)?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(
    head,
  )?.[1];
  const encoding = (declared ?? 'UTF-8').toLowerCase();
  if (['iso-8859-1', 'latin1', 'latin-1', 'iso8859-1', 'windows-1252', 'cp1252'].includes(encoding)) {
    return new TextDecoder('windows-1252').decode(bytes);
  }
  if (encoding !== 'utf-8' && encoding !== 'utf8') {
    throw new XmlError(`encoding "${declared}" is not supported (UTF-8 or ISO-8859-1)`, 0, head);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    throw new XmlError(
      `invalid UTF-8 (byte ${bad + 1}); declare the file's real encoding`,
      before.length,
      before,
    );
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = bytes.length;
  // The longest valid prefix, by halving (a prefix may end inside a character: allow 3 bytes).
  while (high - low > 4) {
    const middle = (low + high) >> 1;
    try {
      decoder.decode(bytes.subarray(0, middle), { stream: true });
      decoder.decode();
      low = middle;
    } catch {
      high = middle;
    }
  }
  return low;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string, offset = 0, source?: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,8}|#[0-9]{1,10}|[a-zA-Z]+);/g, (whole, ref: string, at: number) => {
    if (ref.startsWith('#')) {
      const code = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      // XML 1.0 Char: no NUL, no surrogates, nothing beyond U+10FFFF.
      const allowed =
        code === 0x9 ||
        code === 0xa ||
        code === 0xd ||
        (code >= 0x20 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd) ||
        (code >= 0x10000 && code <= 0x10ffff);
      if (!allowed)
        throw new XmlError(`character reference ${whole} is not a Unicode character`, offset + at, source);
      return String.fromCodePoint(code);
    }
    const named = NAMED_ENTITIES[ref];
    if (named === undefined) throw new XmlError(`unknown entity &${ref};`, offset + at, source);
    return named;
  });
}

export function parseXml(source: string, withPositions = false): XmlElement {
  let pos = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let elements = 0;
  const at = withPositions ? source : undefined;
  const append = (text: string) => {
    const top = stack[stack.length - 1];
    if (top) {
      if (top.text.length + text.length > XML_LIMITS.text) {
        throw new XmlError(`text of <${top.name}> longer than ${XML_LIMITS.text} characters`, pos, at);
      }
      top.text += text;
    } else if (text.trim() !== '') throw new XmlError('text outside the root element', pos, at);
  };
  const decode = (text: string, offset: number) => decodeEntities(text, offset, at);
  while (pos < source.length) {
    const lt = source.indexOf('<', pos);
    if (lt === -1) {
      append(decode(source.slice(pos), pos));
      break;
    }
    if (lt - pos > XML_LIMITS.text * 10) {
      throw new XmlError(`text longer than ${XML_LIMITS.text} characters`, pos, at);
    }
    if (lt > pos) append(decode(source.slice(pos, lt), pos));
    pos = lt;
    if (source.startsWith('<?', pos)) {
      pos = expectEnd(source, '?>', pos, at);
    } else if (source.startsWith('<!--', pos)) {
      pos = expectEnd(source, '-->', pos, at);
    } else if (source.startsWith('<![CDATA[', pos)) {
      const end = expectEnd(source, ']]>', pos, at);
      append(source.slice(pos + 9, end - 3));
      pos = end;
    } else if (source.startsWith('<!', pos)) {
      throw new XmlError('DOCTYPE and entity declarations are not accepted', pos, at);
    } else if (source.startsWith('</', pos)) {
      const end = expectEnd(source, '>', pos, at);
      const name = source.slice(pos + 2, end - 1).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new XmlError(`unexpected </${name}>`, pos, at);
      pos = end;
    } else {
      const end = tagEnd(source, pos, at);
      const selfClosing = source[end - 2] === '/';
      const inner = source.slice(pos + 1, selfClosing ? end - 2 : end - 1);
      const element = parseTag(inner, pos, at);
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else if (root) throw new XmlError('a second root element', pos, at);
      else root = element;
      if (++elements > XML_LIMITS.elements) {
        throw new XmlError(`more than ${XML_LIMITS.elements} elements`, pos, at);
      }
      if (!selfClosing) stack.push(element);
      if (stack.length > XML_LIMITS.depth) {
        throw new XmlError(`elements nested deeper than ${XML_LIMITS.depth}`, pos, at);
      }
      pos = end;
    }
  }
  if (stack.length > 0) throw new XmlError(`<${stack[stack.length - 1]?.name}> is never closed`, pos, at);
  if (!root) throw new XmlError('no root element', 0, at);
  return root;
}

function expectEnd(source: string, terminator: string, from: number, at: string | undefined): number {
  const index = source.indexOf(terminator, from);
  if (index === -1) throw new XmlError(`missing "${terminator}"`, from, at);
  return index + terminator.length;
}

/** The end of a start tag, skipping ">" inside quoted attribute values. */
function tagEnd(source: string, from: number, at: string | undefined): number {
  let quote: string | null = null;
  for (let i = from + 1; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  throw new XmlError('unterminated tag', from, at);
}

function parseTag(inner: string, offset: number, at: string | undefined): XmlElement {
  const nameMatch = /^([^\s/>]+)/.exec(inner);
  if (!nameMatch?.[1]) throw new XmlError('element without a name', offset, at);
  const name = nameMatch[1];
  const attributes: Record<string, string> = {};
  const attributePattern = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  const rest = inner.slice(name.length);
  for (const match of rest.matchAll(attributePattern)) {
    const key = match[1] ?? '';
    attributes[key] = decodeEntities(match[3] ?? match[4] ?? '', offset, at);
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
