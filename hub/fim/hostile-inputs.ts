/**
 * Hostile FIM files, built the same way for the unit tests (hub/fim/hostile.test.ts: each is
 * refused in one line) and for the benchmark (bench/fim-hostile.ts: how long each refusal takes).
 */
export const NS3 = 'urn:xoev-de:fim:standard:xdatenfelder_3.0.0';

export const field = (id: string, label: string, extra = '') =>
  `<x:datenfeld><x:identifikation><x:id>${id}</x:id></x:identifikation><x:name>${label}</x:name><x:bezeichnungEingabe>${label}</x:bezeichnungEingabe><x:feldart><code>input</code></x:feldart><x:datentyp><code>text</code></x:datentyp>${extra}</x:datenfeld>`;

export const schema = (body: string, head = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<x:xdatenfelder.stammdatenschema.0102 xmlns:x="${NS3}"><x:stammdatenschema><x:identifikation><x:id>S1</x:id><x:version>1.0.0</x:version></x:identifikation><x:name>intern</x:name><x:bezeichnung>Antrag</x:bezeichnung>${head}${body}</x:stammdatenschema></x:xdatenfelder.stammdatenschema.0102>`;

export const struktur = (anzahl: string, inner: string) =>
  `<x:struktur><x:anzahl>${anzahl}</x:anzahl><x:enthaelt>${inner}</x:enthaelt></x:struktur>`;

export const bytes = (text: string) => new TextEncoder().encode(text);

export function nestedGroups(depth = 1000): string {
  let inner = field('F1', 'Name');
  for (let i = 0; i < depth; i++) {
    inner = `<x:datenfeldgruppe><x:identifikation><x:id>G${i}</x:id></x:identifikation><x:name>g</x:name>${struktur('1:1', inner)}</x:datenfeldgruppe>`;
  }
  return schema(struktur('1:1', inner));
}

export const beyondUnicode = () => schema(struktur('1:1', field('F1', 'Name &#x110000;')));
export const withoutStructure = () => schema('');
export const hugeLabel = () => schema(struktur('1:1', field('F1', 'x'.repeat(50_000_000))));
export const hugeFile = () => new Uint8Array(50 * 1024 * 1024);
export const hugeMultiplicity = () => schema(struktur('100000:100000', field('F1', 'Name')));

export function invalidUtf8(): Uint8Array {
  const broken = bytes(schema(struktur('1:1', field('F1', 'Stra__e'))));
  const at = broken.indexOf(0x5f);
  broken[at] = 0xc3;
  broken[at + 1] = 0x28;
  return broken;
}

export const latin1Schema = () =>
  schema(struktur('1:1', field('F1', 'Straße'))).replace('UTF-8', 'ISO-8859-1');
export const latin1Bytes = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
export const unknownEncoding = () => bytes(latin1Schema().replace('ISO-8859-1', 'EBCDIC'));
export const xdf1 = () =>
  schema(struktur('1:1', field('F1', 'a'))).replace(NS3, 'urn:xoev-de:fim:standard:xdatenfelder_1.0');
export const unknownNamespace = () => schema(struktur('1:1', field('F1', 'a'))).replace(NS3, 'urn:example');

/** Every file that must be refused, by name, for the benchmark. */
export const HOSTILE_FILES: { name: string; build: () => string | Uint8Array }[] = [
  { name: '1,000 nested groups', build: () => nestedGroups() },
  { name: 'character reference beyond Unicode', build: beyondUnicode },
  { name: 'schema without structure', build: withoutStructure },
  { name: '50 MB label', build: hugeLabel },
  { name: '50 MB file', build: hugeFile },
  { name: 'multiplicity of 100,000', build: hugeMultiplicity },
  { name: 'invalid UTF-8', build: invalidUtf8 },
  { name: 'unknown encoding', build: unknownEncoding },
  { name: 'XDatenfelder 1', build: xdf1 },
  { name: 'unknown namespace', build: unknownNamespace },
];
