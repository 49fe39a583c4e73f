import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '../repo-root.js';
import { child, children, childText, parseXml, type XmlElement } from './xml.js';

/**
 * A genericode code list as XDatenfelder 2 exports ship them beside the schema: its canonical
 * URI and its rows (code and name, by the columns its keys and names say).
 */
export interface CodeList {
  uri: string;
  version: string;
  values: { code: string; name: string }[];
}

export function readGenericode(xml: string): CodeList | null {
  const root = parseXml(xml, true);
  if (root.local !== 'CodeList') return null;
  const identification = child(root, 'Identification');
  const uri = identification ? childText(identification, 'CanonicalUri') : '';
  if (!uri) return null;
  const columns = children(child(root, 'ColumnSet') ?? root, 'Column').map((c) => c.attributes['Id'] ?? '');
  const key = child(child(root, 'ColumnSet') ?? root, 'Key');
  const keyColumn = child(key ?? root, 'ColumnRef')?.attributes['Ref'] ?? columns[0] ?? 'code';
  const nameColumn =
    columns.find((c) => /^(name|beschreibung|wert)$/i.test(c)) ??
    columns.find((c) => c !== keyColumn) ??
    keyColumn;
  const values: CodeList['values'] = [];
  for (const row of children(child(root, 'SimpleCodeList') ?? root, 'Row')) {
    const cell = (column: string) => {
      const value = children(row, 'Value').find((v: XmlElement) => v.attributes['ColumnRef'] === column);
      return value ? childText(value, 'SimpleValue') : '';
    };
    const code = cell(keyColumn);
    if (code) values.push({ code, name: cell(nameColumn) || code });
  }
  return { uri, version: identification ? childText(identification, 'Version') : '', values };
}

/**
 * The code lists bundled with the hub (hub/fim/code-lists/common.json: sex, state, nationality),
 * for schemas that reference them without shipping them; `shipped` lists with the same canonical
 * URI take precedence.
 */
export function withBundledCodeLists(
  shipped: ReadonlyMap<string, CodeList> = new Map(),
): Map<string, CodeList> {
  const lists = new Map<string, CodeList>();
  for (const list of bundledCodeLists()) lists.set(list.uri, list);
  for (const [uri, list] of shipped) lists.set(uri, list);
  return lists;
}

let bundled: CodeList[] | undefined;
function bundledCodeLists(): CodeList[] {
  bundled ??= JSON.parse(
    readFileSync(join(findRepoRoot(), 'hub/fim/code-lists/common.json'), 'utf8'),
  ) as CodeList[];
  return bundled;
}
