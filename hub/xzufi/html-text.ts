/**
 * XZuFi texts are HTML written by editorial offices. A terminal never gets markup: the hub turns
 * it into the catalog's plain structured text — paragraphs separated by a blank line, list items
 * as lines starting with "• " (or "1. " in numbered lists), links as their text followed by the
 * address in brackets. Scripts, styles and embedded objects are dropped with their content; every
 * other tag and every attribute (event handlers included) is dropped, only its text is kept.
 */

const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'blockquote', 'pre', 'address',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'dl', 'dt', 'dd', 'figure',
]); // prettier-ignore
const DROPPED = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'object',
  'embed',
  'noscript',
  'svg',
  'math',
]);
const LINK_SCHEMES = /^(?:https?:|mailto:|tel:)/i;

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', shy: '',
  auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß',
  eacute: 'é', egrave: 'è', aacute: 'á', agrave: 'à', ccedil: 'ç',
  euro: '€', sect: '§', para: '¶', deg: '°', copy: '©', reg: '®', middot: '·', bull: '•',
  ndash: '–', mdash: '—', hellip: '…', bdquo: '„', ldquo: '“', rdquo: '”', sbquo: '‚',
  lsquo: '‘', rsquo: '’', laquo: '«', raquo: '»', times: '×', frac12: '½',
}; // prettier-ignore

/** Decodes HTML character references; unknown names stay as written (they are only text). */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
      return valid ? String.fromCodePoint(code) : '';
    }
    return NAMED[ref] ?? whole;
  });
}

interface Tag {
  name: string;
  closing: boolean;
  href: string | undefined;
}

function readTag(raw: string): Tag | undefined {
  const match = /^<\s*(\/)?\s*([a-z][a-z0-9]*)/i.exec(raw);
  if (!match?.[2]) return undefined;
  const href = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(raw);
  return {
    name: match[2].toLowerCase(),
    closing: match[1] === '/',
    href: href ? decodeHtmlEntities(href[1] ?? href[2] ?? href[3] ?? '').trim() : undefined,
  };
}

/** The plain structured text of an HTML fragment (also fine for text that has no markup). */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let line = '';
  const lists: { ordered: boolean; next: number }[] = [];
  const links: (string | undefined)[] = [];
  let dropping: string | null = null;

  const endLine = () => {
    const text = line.replace(/[ \t]+/g, ' ').trim();
    if (text) out.push(text);
    line = '';
  };
  const endBlock = () => {
    endLine();
    if (out.length && out[out.length - 1] !== '') out.push('');
  };

  for (const piece of html.split(/(<!--[\s\S]*?-->|<[^>]*>)/)) {
    if (piece.startsWith('<!--')) continue;
    const tag = piece.startsWith('<') ? readTag(piece) : undefined;
    if (dropping) {
      if (tag?.closing && tag.name === dropping) dropping = null;
      continue;
    }
    if (!piece.startsWith('<')) {
      line += decodeHtmlEntities(piece.replace(/\s+/g, ' '));
      continue;
    }
    if (!tag) continue; // "<" that opens no tag, a doctype or a processing instruction: dropped
    if (DROPPED.has(tag.name)) {
      if (!tag.closing && !piece.endsWith('/>')) dropping = tag.name;
      continue;
    }
    if (tag.name === 'br') endLine();
    else if (tag.name === 'ul' || tag.name === 'ol') {
      endBlock();
      if (tag.closing) lists.pop();
      else lists.push({ ordered: tag.name === 'ol', next: 1 });
    } else if (tag.name === 'li') {
      endLine();
      if (!tag.closing) {
        const list = lists[lists.length - 1];
        const indent = '  '.repeat(Math.max(0, lists.length - 1));
        line = indent + (list?.ordered ? `${list.next++}. ` : '• ');
      }
    } else if (tag.name === 'a') {
      if (!tag.closing) links.push(tag.href && LINK_SCHEMES.test(tag.href) ? tag.href : undefined);
      else {
        const href = links.pop();
        const shown = href?.replace(/^(?:mailto:|tel:)/i, '');
        if (shown && !line.includes(shown)) line += ` (${shown})`;
      }
    } else if (BLOCKS.has(tag.name)) endBlock();
    else if (tag.name === 'td' || tag.name === 'th') {
      if (tag.closing) line += ' ';
    }
  }
  endLine();
  while (out[out.length - 1] === '') out.pop();
  // List items stay on adjacent lines; everything else is a paragraph of its own.
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

/** List items of an HTML list as separate texts (a "Unterlagen" module becomes several documents). */
export function htmlToItems(html: string): string[] {
  const text = htmlToText(html);
  const items = text
    .split('\n')
    .filter((l) => /^\s*(?:•|\d+\.)\s/.test(l))
    .map((l) => l.replace(/^\s*(?:•|\d+\.)\s+/, '').trim());
  if (items.length) return items;
  return text
    ? text
        .split('\n\n')
        .map((p) => p.trim())
        .filter(Boolean)
    : [];
}
