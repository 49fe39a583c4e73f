import { describe, expect, it } from 'vitest';
import {
  beyondUnicode,
  field,
  hugeFile,
  hugeLabel,
  hugeMultiplicity,
  invalidUtf8,
  latin1Bytes,
  latin1Schema,
  nestedGroups,
  schema,
  struktur,
  unknownEncoding,
  unknownNamespace,
  withoutStructure,
  xdf1,
} from './hostile-inputs.js';
import { FimError, importFimBytes, importFimXml, XmlError } from './import.js';

const options = { formId: 'test', officeId: 'buergerbuero', updatedAt: '2026-11-01T08:30:00.000Z' };
/**
 * Imports and returns the one-line refusal (or null); fails on anything but a clean refusal.
 * How long a refusal takes is a benchmark's question, not a test's: the caps that bound it are
 * asserted by the messages below.
 */
function refusal(input: string | Uint8Array): string | null {
  try {
    if (typeof input === 'string') importFimXml(input, options);
    else importFimBytes(input, options);
    return null;
  } catch (error) {
    expect(error instanceof FimError || error instanceof XmlError, String(error)).toBe(true);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
}

describe('hostile FIM files: each refused in one line', () => {
  it('1,000 nested groups', () => {
    expect(refusal(nestedGroups(1000))).toMatch(/^line 2:\d+: elements nested deeper than 64$/);
  });

  it('a character reference beyond Unicode', () => {
    expect(refusal(beyondUnicode())).toMatch(
      /^line 2:\d+: character reference &#x110000; is not a Unicode character$/,
    );
  });

  it('a schema without structure', () => {
    expect(refusal(withoutStructure())).toBe('the schema has no structure (no <struktur> with fields)');
  });

  it('a 50 MB label', () => {
    expect(refusal(hugeLabel())).toMatch(/longer than 100000 characters$/);
  });

  it('a 50 MB file', () => {
    expect(refusal(hugeFile())).toMatch(/larger than 10485760 bytes$/);
  });

  it('a multiplicity of 100,000 (refused as a minimum, capped as a maximum)', () => {
    expect(refusal(hugeMultiplicity())).toMatch(/at least 100000 entries/);
    const { form, notes } = importFimXml(schema(struktur('0:100000', field('F1', 'Name'))), options);
    expect(JSON.stringify(form.schema)).toContain('"maxItems":100');
    expect(notes.some((n) => n.includes('at most 100 entries instead of 100000'))).toBe(true);
  });

  it('invalid UTF-8 is refused with its position; Latin-1 is decoded as declared', () => {
    expect(refusal(invalidUtf8())).toMatch(/^line 2:\d+: invalid UTF-8/);
    const { form } = importFimBytes(latin1Bytes(latin1Schema()), options);
    expect(form.ui.fields['strasse']?.label.de).toBe('Straße');
    expect(refusal(unknownEncoding())).toMatch(/encoding "EBCDIC" is not supported/);
  });

  it('XDatenfelder 1 and unknown namespaces', () => {
    expect(refusal(xdf1())).toMatch(/^XDatenfelder 1 .* is not supported/);
    expect(refusal(unknownNamespace())).toMatch(/^unknown namespace/);
  });
});

describe('patterns and rules from XDatenfelder 3', () => {
  it('drops the junk pattern "Mehrfachauswahl" so a required field stays submittable', () => {
    const { form, notes, report } = importFimXml(
      schema(struktur('1:1', field('F1', 'Tätigkeit', '<x:praezisierung pattern="Mehrfachauswahl"/>'))),
      options,
    );
    expect(JSON.stringify(form.schema)).not.toContain('pattern');
    expect(report.patternsDropped).toBe(1);
    expect(notes.some((n) => n.includes('"Mehrfachauswahl" is a plain word'))).toBe(true);
  });

  it('keeps ^(a+)+$ (evaluated in linear time) and anchors XSD patterns', () => {
    const { form } = importFimXml(
      schema(
        struktur('1:1', field('F1', 'Eins', '<x:praezisierung pattern="(a+)+"/>')) +
          struktur('1:1', field('F2', 'Zwei', '<x:praezisierung pattern="[0-9]{5}"/>')),
      ),
      options,
    );
    const props = form.schema.properties as Record<string, { pattern?: string }>;
    expect(props['eins']?.pattern).toBe('^(?:a+)+$');
    expect(props['zwei']?.pattern).toBe('^[0-9]{5}$');
  });

  it('turns WENN … DANN aktiviere … UND mache es zu einer Pflichtangabe into conditions', () => {
    const select = `<x:datenfeld><x:identifikation><x:id>F17000009294</x:id></x:identifikation><x:name>Status</x:name><x:bezeichnungEingabe>Status</x:bezeichnungEingabe><x:feldart><code>select</code></x:feldart><x:datentyp><code>text</code></x:datentyp><x:werte><x:wert><x:code>001</x:code><x:name>schwanger</x:name></x:wert><x:wert><x:code>002</x:code><x:name>stillend</x:name></x:wert></x:werte></x:datenfeld>`;
    const rule = `<x:regel><x:identifikation><x:id>R1</x:id></x:identifikation><x:name>Status</x:name><x:freitextRegel>WENN F17000009294 'Status' = 001 'schwanger', DANN aktiviere F17000009295 'Termin' UND mache es zu einer Pflichtangabe.</x:freitextRegel></x:regel>`;
    const unreadable = `<x:regel><x:identifikation><x:id>R2</x:id></x:identifikation><x:name>Datum</x:name><x:freitextRegel>Das Datum muss plausibel sein.</x:freitextRegel></x:regel>`;
    const { form, report } = importFimXml(
      schema(struktur('1:1', select) + struktur('0:1', field('F17000009295', 'Termin')), rule + unreadable),
      options,
    );
    expect(form.title.de).toBe('Antrag'); // bezeichnung, not the internal name
    expect(form.ui.fields['termin']?.visibleWhen).toEqual({ field: 'status', equals: '001' });
    expect(JSON.stringify(form.schema['allOf'])).toContain('"required":["termin"]');
    expect(form.ui.fields['status']?.widget).toBe('choice');
    expect(report.rulesEvaluated).toBe(1);
    expect(report.unevaluatedRules).toEqual([{ id: 'R2', name: 'Datum' }]);
  });
});
