import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXzufi, XZUFI_MAX_BYTES, XzufiError } from './read.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../tests/fixtures/xzufi', name));
const bytes = (text: string) => new TextEncoder().encode(text);

function refusal(input: Uint8Array): string {
  try {
    readXzufi(input);
  } catch (error) {
    expect(error).toBeInstanceOf(XzufiError);
    expect((error as Error).message).not.toContain('\n');
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('reading XZuFi 2.2.0', () => {
  const message = readXzufi(fixture('lindenau-v1.xml'));

  it('reads Leistungen with their text modules in every language, as plain text', () => {
    const parking = message.services.find((s) => s.leistungId === 'L100042_1020304');
    expect(parking).toMatchObject({
      leikaKey: '99108001000000',
      name: { de: 'Parkausweis für Bewohner beantragen', en: "Apply for a residents' parking permit" },
      shortText: { de: 'Mit dem Bewohnerparkausweis parken Sie in Ihrer Zone ohne Parkschein.' },
      requiredDocuments: [
        { de: 'Personalausweis', en: 'Identity card' },
        {
          de: 'Fahrzeugschein (Zulassungsbescheinigung Teil I)',
          en: 'Vehicle registration certificate part I',
        },
      ],
      prerequisites: [{ de: 'Hauptwohnsitz in der Parkzone' }],
      fees: [{ description: { de: 'Gebühr je Jahr' }, amountCents: 3070 }],
      processingTime: { de: 'Etwa eine Woche' },
      legalBasis: ['§ 45 Abs. 1b StVO'],
      keywords: ['Anwohnerparken', 'Parkausweis'],
    });
    expect(parking?.longText.de).toBe(
      'Wer in einer Bewohnerparkzone mit Hauptwohnsitz gemeldet ist, kann einen Ausweis je Fahrzeug beantragen.\n\n' +
        'Der Ausweis gilt ein Jahr. Mehr unter lindenau.example (https://www.lindenau.example/parken).',
    );
    // No markup, no script text survives into the catalog.
    expect(JSON.stringify(message.services)).not.toMatch(/<|>|alert|onclick/);
  });

  it('falls back for missing short texts and processing times', () => {
    const found = message.services.find((s) => s.leistungId === 'L100042_1020399');
    expect(found?.shortText).toEqual({ de: 'Gefundene Gegenstände geben Sie im Fundbüro ab.' });
    expect(found?.processingTime).toEqual({ de: 'Die Bearbeitungsdauer ist nicht angegeben.' });
  });

  it('lists what it cannot read, by id, and reads the rest', () => {
    expect(message.problems).toEqual(['leistung L100042_broken: no 14-digit LeiKa key in <referenzLeiKa>']);
    expect(message.unreadable).toEqual(['L100042_broken']);
    expect(message.services).toHaveLength(2);
  });

  it('reads organisational units with address, contact and responsibilities', () => {
    expect(message.units).toEqual([
      {
        id: 'OE-ORDNUNGSAMT',
        name: { de: 'Ordnungsamt Lindenau' },
        address: { street: 'Rathausplatz 3', postalCode: '01234', city: 'Lindenau' },
        phone: '+49 1234 5670',
        email: 'ordnungsamt@lindenau.example',
        leistungIds: ['L100042_1020304', 'L100042_1020399'],
      },
    ]);
  });

  it('refuses other versions, non-XML, empty messages and oversized files in one line', () => {
    const v21 = fixture('lindenau-v1.xml').toString().replace('xzufi/2_2_0', 'xzufi/2_1_0');
    expect(refusal(bytes(v21))).toMatch(/^unknown namespace "http:\/\/xoev.de\/schemata\/xzufi\/2_1_0"/);
    expect(refusal(bytes('<a><b></a>'))).toMatch(/^line 1:/);
    expect(refusal(bytes('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'))).toMatch(
      /DOCTYPE/,
    );
    expect(refusal(bytes('<x:m xmlns:x="http://xoev.de/schemata/xzufi/2_2_0"><x:schreibe/></x:m>'))).toBe(
      'the message holds no leistung and no organisationseinheit',
    );
    expect(refusal(new Uint8Array(XZUFI_MAX_BYTES + 1))).toBe(
      `the file is larger than ${XZUFI_MAX_BYTES} bytes`,
    );
  });
});
