import { describe, expect, it } from 'vitest';
import { isVisible, validateFormData, type FieldUi, type FormJsonSchema } from '../../protocol/forms.js';
import { applyFimRule, revealChosenBranches, type RuleFields, type RuleTarget } from './rules.js';

/** A small form: the rule targets by FIM id, the root schema and the conditions the rules add. */
function setup() {
  const ui = (de: string, widget: FieldUi['widget'] = 'text'): FieldUi => ({ label: { de }, widget });
  const root: FormJsonSchema = {
    type: 'object',
    properties: {},
    required: [],
    additionalProperties: false,
  };
  const fields: RuleFields = new Map();
  const add = (
    id: string,
    path: string,
    schema: Record<string, unknown> | null,
    options: { widget?: FieldUi['widget']; required?: boolean; repeatable?: boolean; fimPath?: string } = {},
  ): RuleTarget => {
    const name = path.split('/').pop() ?? path;
    const target: RuleTarget = {
      path,
      ui: ui(name, options.widget),
      schema,
      boolean: schema?.['type'] === 'boolean',
      required: options.required ?? false,
      repeatable: options.repeatable ?? false,
      fimPath: options.fimPath ?? id,
    };
    if (schema && !path.includes('/')) {
      root.properties[path] = schema as never;
      if (target.required) root.required.push(path);
      target.parent = { required: root.required, name: path };
    }
    fields.set(id, [...(fields.get(id) ?? []), target]);
    return target;
  };
  const conditions: Record<string, unknown>[] = [];
  const schema = () => ({ ...root, allOf: conditions }) as FormJsonSchema;
  return { fields, add, conditions, schema, root };
}

const group = (properties: Record<string, Record<string, unknown>>) => ({
  type: 'object',
  properties,
  required: [],
  additionalProperties: false,
});

describe('FIM rules in their XDatenfelder 2 wording', () => {
  it('reads several codes joined by ODER, and their negation joined by UND, on a group', () => {
    const { fields, add, conditions, schema } = setup();
    add('F00000001', 'vertretung', { type: 'string', enum: ['001', '002', '003', '005'] });
    const person = add('G00000002', 'juristischePerson', group({ name: { type: 'string' } }));
    const done = applyFimRule(
      'Wenn das Feld F00000001 "Vertretung" = 003 "Ja, gesetzlich (juristisch)." ODER = 005 "Ja, bevollmächtigt.", dann muss die Datenfeldgruppe G00000002 "Juristische Person" befüllt sein. Wenn das Feld F00000001 "Vertretung" <> 003 "Ja." UND <> 005 "Ja.", dann darf die Datenfeldgruppe G00000002 "Juristische Person" nicht befüllt sein.',
      fields,
      conditions,
    );
    expect(done).toBe(
      'juristischePerson required when vertretung is 003 or vertretung is 005; juristischePerson not asked when vertretung is not 003 and vertretung is not 005',
    );
    expect(isVisible(person.ui, { vertretung: '003' })).toBe(true);
    expect(isVisible(person.ui, { vertretung: '005' })).toBe(true);
    expect(isVisible(person.ui, { vertretung: '002' })).toBe(false);
    expect(isVisible(person.ui, {})).toBe(false);
    const errors = (answers: Record<string, unknown>) =>
      validateFormData(schema(), answers).map((e) => e.field);
    expect(errors({ vertretung: '005' })).toEqual(['juristischePerson']);
    expect(errors({ vertretung: '002' })).toEqual([]);
  });

  it('reads "Wenn bei F… "02 Label" angegeben wird, dann wird G… zur Pflichtangabe"', () => {
    const { fields, add, conditions, schema } = setup();
    add('F05001047', 'halter', { type: 'string', enum: ['01', '02'] });
    add('G05000499', 'andererHalter', group({ name: { type: 'string' } }));
    const done = applyFimRule(
      'Wenn bei F05001047 "02 Das Fahrzeug ist auf einen anderen Halter zugelassen." angegeben wird, dann wird G05000499 zur Pflichtangabe. ',
      fields,
      conditions,
    );
    expect(done).toBe('andererHalter required when halter is 02');
    const errors = (answers: Record<string, unknown>) =>
      validateFormData(schema(), answers).map((e) => e.field);
    expect(errors({ halter: '02' })).toEqual(['andererHalter']);
    expect(errors({ halter: '01' })).toEqual([]);
    expect(
      applyFimRule(
        'Wenn bei F05001047 "02 eine Erneuerung (Verlängerung)." angegeben wird, dann wird G05000499 eine Pflichtangabe.',
        fields,
        [],
      ),
    ).toBe('andererHalter required when halter is 02');
  });

  it('reads "Feldgruppe … befüllt ist" joined by ODER and "nicht befüllt ist" joined by UND', () => {
    const { fields, add, conditions } = setup();
    add('G00000001', 'unternehmen', group({ a: { type: 'string' } }));
    add('G00000002', 'objekt', group({ b: { type: 'string' } }));
    const more = add('G00000003', 'weiteres', group({ c: { type: 'string' } }));
    const done = applyFimRule(
      'Wenn die Feldgruppe G00000001 "U" befüllt ist, ODER die Feldgruppe G00000002 "O" befüllt ist, dann muss die Feldgruppe G00000003 "W" befüllt sein. Wenn die Feldgruppe G00000001 "U" nicht befüllt ist UND die Feldgruppe G00000002 "O" nicht befüllt ist, dann darf die Feldgruppe G00000003 "W" nicht befüllt sein.',
      fields,
      conditions,
    );
    expect(done).not.toBeNull();
    expect(isVisible(more.ui, {})).toBe(false);
    // An empty group counts as not filled in.
    expect(isVisible(more.ui, { unternehmen: { a: '  ' } })).toBe(false);
    expect(isVisible(more.ui, { objekt: { b: 'x' } })).toBe(true);
  });

  it('reads "leer ist" / "nicht leer ist" and "muss … nicht befüllt sein"', () => {
    const { fields, add, conditions } = setup();
    add('F00000001', 'fachbetrieb', { type: 'boolean' });
    add('F00000002', 'deponie', { type: 'string' });
    const other = add('F00000003', 'andereArt', { type: 'string' });
    const done = applyFimRule(
      'Wenn Feld F00000001 "Fachbetrieb" <> wahr ODER das Feld F00000002 "Deponie" leer ist, dann muss das Feld F00000003 "Andere" befüllt sein. Wenn Feld F00000001 "Fachbetrieb" = wahr UND das Feld F00000002 "Deponie" nicht leer ist, dann muss das Feld F00000003 "Andere" nicht befüllt sein.',
      fields,
      conditions,
    );
    expect(done).not.toBeNull();
    expect(isVisible(other.ui, { fachbetrieb: true, deponie: 'Nord' })).toBe(false);
    expect(isVisible(other.ui, { fachbetrieb: true })).toBe(true);
    expect(isVisible(other.ui, { fachbetrieb: false, deponie: 'Nord' })).toBe(true);
  });

  it('reads a code of a multiple choice as "among the chosen"', () => {
    const { fields, add, conditions } = setup();
    add('F00000001', 'einrichtungen', { type: 'array', items: { type: 'string' } }, { repeatable: true });
    const other = add('F00000002', 'sonstige', { type: 'string' });
    const done = applyFimRule(
      'Wenn das Feld F00000001 "Einrichtungen" = 99 "Sonstige", dann muss das Feld F00000002 "Sonstige" befüllt sein. Wenn das Feld F00000001 "Einrichtungen" <> 99 "Sonstige", dann darf das Feld F00000002 "Sonstige" nicht befüllt sein.',
      fields,
      conditions,
    );
    expect(done).not.toBeNull();
    expect(isVisible(other.ui, { einrichtungen: ['01', '99'] })).toBe(true);
    expect(isVisible(other.ui, { einrichtungen: ['01'] })).toBe(false);
  });

  it('shows an upload only when it must be given, and requires it then', () => {
    const { fields, add, conditions } = setup();
    add('F00000001', 'art', { type: 'string', enum: ['003', '007'] });
    const proof = add('F00000002', 'nachweis', null, { widget: 'scan' });
    const done = applyFimRule(
      'Wenn das Feld F00000001 "Art"= 003 "Beschäftigung", dann muss das Feld F00000002 "Nachweis" befüllt werden. Wenn das Feld F00000001 "Art" <> 003 "Beschäftigung", dann darf das Feld F00000002 "Nachweis" nicht befüllt werden.',
      fields,
      conditions,
    );
    expect(done).not.toBeNull();
    expect(proof.ui).toMatchObject({ visibleWhen: { field: 'art', equals: '003' }, minCount: 1 });
    expect(conditions).toEqual([]);
  });

  it('does not read "required when" alone on an upload: its files are no answers', () => {
    const { fields, add, conditions } = setup();
    add('F00000001', 'art', { type: 'string' });
    const proof = add('F00000002', 'nachweis', null, { widget: 'scan' });
    expect(
      applyFimRule(
        'Wenn das Feld F00000001 "Art" = 003, dann muss das Feld F00000002 "Nachweis" befüllt sein.',
        fields,
        conditions,
      ),
    ).toBeNull();
    expect(proof.ui.minCount).toBeUndefined();
  });

  it('makes a field required by its cardinality but hidden by a rule required while shown', () => {
    const { fields, add, conditions, schema, root } = setup();
    add('F00000001', 'vorhanden', { type: 'boolean' });
    const authority = add('F00000002', 'behoerde', { type: 'string' }, { required: true });
    const done = applyFimRule(
      'Wenn das Feld F00000001 "Vorhanden" <> "wahr", dann darf das Feld Feld F00000002 "Behörde" nicht befüllt sein.',
      fields,
      conditions,
    );
    expect(done).not.toBeNull();
    expect(root.required).not.toContain('behoerde');
    expect(authority.ui.visibleWhen).toEqual({ field: 'vorhanden', equals: true });
    const errors = (answers: Record<string, unknown>) =>
      validateFormData(schema(), answers).map((e) => e.field);
    expect(errors({ vorhanden: true })).toEqual(['behoerde']);
    expect(errors({ vorhanden: false })).toEqual([]);
  });

  it('reads "mindestes eines der Felder … und …" (as written) as one of', () => {
    const { fields, add, conditions, schema } = setup();
    add('F00000001', 'einweg', { type: 'string' });
    add('F00000002', 'mehrweg', { type: 'string' });
    expect(
      applyFimRule(
        'Es muss mindestes eines der Felder F00000001 "Einweg" und F00000002 "Mehrweg" befüllt sein.',
        fields,
        conditions,
      ),
    ).toBe('one of einweg, mehrweg required');
    expect(validateFormData(schema(), {}).length).toBeGreaterThan(0);
    expect(validateFormData(schema(), { mehrweg: 'Typ 5' })).toEqual([]);
  });

  it('reads "kann bist zu achtmal ausgefüllt werden … maximal einmal" (as written) as no repeats', () => {
    const { fields, add, conditions } = setup();
    const list = add(
      'F00000001',
      'liste',
      { type: 'array', items: { type: 'string' } },
      { repeatable: true },
    );
    expect(
      applyFimRule(
        'Das Feld F00000001 "Liste" kann bist zu achtmal ausgefüllt werden. Dabei darf aber jeder Eintrag nur maximal einmal ausgewählt werden.',
        fields,
        conditions,
      ),
    ).not.toBeNull();
    expect(list.schema?.['uniqueItems']).toBe(true);
  });

  it('checks that day, month and year make a real calendar date', () => {
    const { fields, add, conditions, schema } = setup();
    add('F00000001', 'tag', { type: 'integer' });
    add('F00000002', 'monat', { type: 'integer' });
    add('F00000003', 'jahr', { type: 'integer' });
    expect(
      applyFimRule(
        'Wenn alle drei Felder F00000001 "Tag", F00000002 "Monat" und F00000003 "Jahr" befüllt sind, muss die Validität des sich ergebenden Kalenderdatums sichergestellt werden. D.h. es muss z.B. 30.02.2019 verhindert werden.',
        fields,
        conditions,
      ),
    ).toBe('tag, monat, jahr form a real calendar date');
    const valid = (tag: number, monat: number, jahr: number) =>
      validateFormData(schema(), { tag, monat, jahr }).length === 0;
    expect(valid(31, 11, 1968)).toBe(false);
    expect(valid(30, 2, 2019)).toBe(false);
    expect(valid(29, 2, 2019)).toBe(false);
    expect(valid(29, 2, 2020)).toBe(true);
    expect(valid(29, 2, 1900)).toBe(false);
    expect(valid(29, 2, 2000)).toBe(true);
    expect(valid(31, 12, 2019)).toBe(true);
    // Partly known: without the day nothing is checked.
    expect(validateFormData(schema(), { monat: 2, jahr: 2019 })).toEqual([]);
  });

  it('reads "mindestens ein Feld der Feldgruppe …" and "die ersten vier Felder der Feldgruppe …"', () => {
    const { fields, add, conditions } = setup();
    const yesNo = { type: 'boolean' };
    const activities = add(
      'G00000001',
      'taetigkeiten',
      group({ a: yesNo, b: yesNo, c: yesNo, d: yesNo, e: yesNo, note: { type: 'string' } }),
    );
    activities.ui.fields = Object.fromEntries(
      ['a', 'b', 'c', 'd', 'e', 'note'].map((n) => [n, { label: { de: n }, widget: 'yesno' as const }]),
    );
    const first = add('G00000002', 'vorhandene', group({ x: { type: 'string' } }));
    const done = applyFimRule(
      'Wenn die ersten vier Felder der Feldgruppe G00000001 "Tätigkeiten" <> "wahr", dann muss die Feldgruppe G00000002 "V" befüllt sein. Wenn mindestens ein Feld der Feldgruppe G00000001 "Tätigkeiten" = "wahr", dann darf die Feldgruppe G00000002 "V" nicht befüllt sein.',
      fields,
      conditions,
    );
    expect(done).not.toBeNull();
    expect(isVisible(first.ui, { taetigkeiten: { e: false } })).toBe(true);
    expect(isVisible(first.ui, { taetigkeiten: { e: true } })).toBe(false);
    expect(conditions).toHaveLength(1);
  });

  it('picks the occurrence a qualified id names, else the one nearest the condition', () => {
    const { fields, add, conditions } = setup();
    add('F00000001', 'art', { type: 'string' }, { fimPath: 'G00000000/F00000001' });
    const far = add('F00000009', 'a/nachweis', null, {
      widget: 'scan',
      fimPath: 'G00000000/G00000005/F00000009',
    });
    const near = add('F00000009', 'nachweis', null, { widget: 'scan', fimPath: 'G00000000/F00000009' });
    applyFimRule(
      'Wenn das Feld F00000001 = 018, dann muss das Feld F00000009 befüllt werden. Wenn das Feld F00000001 <> 018, dann darf das Feld F00000009 nicht befüllt werden.',
      fields,
      conditions,
    );
    expect(near.ui.visibleWhen).toEqual({ field: 'art', equals: '018' });
    expect(far.ui.visibleWhen).toBeUndefined();
    applyFimRule(
      'Wenn das Feld G00000000.F00000001 = 019, dann aktiviere G00000000.G00000005.F00000009',
      fields,
      conditions,
    );
    expect(far.ui.visibleWhen).toEqual({ field: 'art', equals: '019' });
  });

  it('requires a field of a group by a rule only once its group is filled in', () => {
    const { fields, add, conditions, schema } = setup();
    const abfall = group({ fachbetrieb: { type: 'boolean' }, andere: { type: 'string' } });
    add('G00000001', 'abfall', abfall);
    add('F00000532', 'abfall/fachbetrieb', { type: 'boolean' }, { fimPath: 'G00000001/F00000532' });
    add('F00000550', 'abfall/andere', { type: 'string' }, { fimPath: 'G00000001/F00000550' });
    applyFimRule(
      'Wenn Feld F00000532 "Fachbetrieb" <> wahr, dann muss das Feld F00000550 "Andere Art" befüllt sein.',
      fields,
      conditions,
    );
    const errors = (answers: Record<string, unknown>) =>
      validateFormData(schema(), answers).map((e) => e.field);
    // A skipped (or hidden) group asks for nothing; once begun, the rule holds.
    expect(errors({})).toEqual([]);
    expect(errors({ abfall: { fachbetrieb: false } })).toEqual(['abfall/andere']);
    expect(errors({ abfall: { fachbetrieb: true } })).toEqual([]);
  });

  it('takes "required when" on a group of scans only as "shown when", its scans asking for files', () => {
    const { fields, add, conditions, schema } = setup();
    add('F00000001', 'zweck', { type: 'string', enum: ['001', '002'] });
    const proofs = add('G00000002', 'nachweise', group({}));
    const done = applyFimRule(
      'Wenn das Feld F00000001 = 001, dann muss die Feldgruppe G00000002 befüllt sein. Wenn das Feld F00000001 <> 001, dann darf die Feldgruppe G00000002 nicht befüllt sein.',
      fields,
      conditions,
    );
    expect(done).toContain('nachweise required when zweck is 001');
    // Its answer is never more than {}: requiring it would make the form impossible to send.
    expect(validateFormData(schema(), { zweck: '001' })).toEqual([]);
    expect(isVisible(proofs.ui, { zweck: '001' })).toBe(true);
    expect(isVisible(proofs.ui, { zweck: '002' })).toBe(false);
  });

  it('applies a one-of rule of a building block in every place the block sits', () => {
    const { fields, add, conditions, schema } = setup();
    const address = () =>
      group({ strasse: group({ s: { type: 'string' } }), postfach: group({ p: { type: 'string' } }) });
    for (const [gid, name] of [
      ['G00000010', 'unternehmen'],
      ['G00000011', 'behoerde'],
    ] as const) {
      add(gid, name, address());
      add('G00000237', `${name}/strasse`, group({ s: { type: 'string' } }), { fimPath: `${gid}/G00000237` });
      add('G00000238', `${name}/postfach`, group({ p: { type: 'string' } }), { fimPath: `${gid}/G00000238` });
    }
    const done = applyFimRule(
      'Es muss entweder die Feldgruppe G00000237 "Straßenanschrift" oder die Feldgruppe G00000238 "Postfach" befüllt werden.',
      fields,
      conditions,
    );
    expect(done).toBe(
      'one of unternehmen/strasse, unternehmen/postfach required; one of behoerde/strasse, behoerde/postfach required',
    );
    const errors = (answers: Record<string, unknown>) =>
      validateFormData(schema(), answers).map((e) => e.field);
    expect(errors({ unternehmen: { postfach: { p: '1' } } })).toEqual([]);
    expect(errors({ behoerde: { strasse: { s: 'Markt' } }, unternehmen: { postfach: { p: '1' } } })).toEqual(
      [],
    );
    expect(conditions).toHaveLength(2);
  });

  it('applies a conditional rule of a building block in each place, within that place', () => {
    const { fields, add, conditions, schema } = setup();
    const contact = () =>
      group({ name: { type: 'string' }, telefon: { type: 'string' }, mail: { type: 'string' } });
    for (const [gid, name] of [
      ['G00000001', 'firma'],
      ['G00000002', 'ansprechperson'],
    ] as const) {
      add(gid, name, contact());
      add('F60000240', `${name}/telefon`, { type: 'string' }, { fimPath: `${gid}/F60000240` });
      add('F60000242', `${name}/mail`, { type: 'string' }, { fimPath: `${gid}/F60000242` });
    }
    const done = applyFimRule(
      'Wenn im Datenfeld F60000240 der Wert "" angegeben wurde, dann soll F60000242 zum Pflichtfeld werden.',
      fields,
      conditions,
    );
    expect(done).toBe(
      'firma/mail required when firma/telefon is unanswered; ansprechperson/mail required when ansprechperson/telefon is unanswered',
    );
    const errors = (answers: Record<string, unknown>) =>
      validateFormData(schema(), answers).map((e) => e.field);
    // The contact person's phone does not stand in for the company's, nor the other way round.
    expect(errors({ firma: { telefon: '1' }, ansprechperson: { mail: 'a@b.de' } })).toEqual([]);
    expect(errors({ firma: { telefon: '1' }, ansprechperson: { name: 'Ada' } })).toEqual([
      'ansprechperson/mail',
    ]);
    expect(errors({ firma: { name: 'Lindenau GmbH' } })).toEqual(['firma/mail']);
  });

  it('shows only the branch a choice picks when each answer requires its own optional group', () => {
    const { fields, add, conditions } = setup();
    add('G60000001', 'anschrift', group({}));
    add(
      'F60000263',
      'anschrift/wo',
      { type: 'string', enum: ['001', '002'] },
      { fimPath: 'G60000001/F60000263' },
    );
    const inland = add('G60000093', 'anschrift/inland', group({ ort: { type: 'string' } }), {
      fimPath: 'G60000001/G60000093',
    });
    const abroad = add('G60000094', 'anschrift/ausland', group({ staat: { type: 'string' } }), {
      fimPath: 'G60000001/G60000094',
    });
    for (const [target, code] of [
      ['G60000093', '001'],
      ['G60000094', '002'],
    ])
      applyFimRule(
        `Wenn das Feld F60000263 = ${code}, dann muss die Feldgruppe ${target} befüllt sein.`,
        fields,
        conditions,
      );
    expect(isVisible(inland.ui, { anschrift: { wo: '002' } })).toBe(true); // rules alone: both shown
    expect(revealChosenBranches(conditions)).toEqual([
      'anschrift/inland shown only when anschrift/wo is 001',
      'anschrift/ausland shown only when anschrift/wo is 002',
    ]);
    expect(isVisible(inland.ui, { anschrift: { wo: '001' } })).toBe(true);
    expect(isVisible(inland.ui, { anschrift: { wo: '002' } })).toBe(false);
    expect(isVisible(abroad.ui, { anschrift: { wo: '002' } })).toBe(true);
    expect(isVisible(abroad.ui, {})).toBe(false);
  });

  it('changes nothing for date arithmetic, brackets or conditions on uploads', () => {
    const { fields, add, conditions } = setup();
    add('F00000001', 'beginn', { type: 'string', format: 'date' });
    const short = add('F00000002', 'frist', { type: 'boolean' });
    add('F00000003', 'anlage', null, { widget: 'scan' });
    const group2 = add('G00000004', 'plan', group({ x: { type: 'string' } }));
    for (const rule of [
      'Wenn (aktuelles Datum - F00000001 "Beginn") < 7 Tage, dann muss das Feld F00000002 "Frist" befüllt sein.',
      'Es muss entweder das Feld F00000001 oder (das Feld F00000002 und das Feld F00000003) befüllt sein.',
      'Wenn das Feld F00000003 "Anlage" befüllt ist, dann darf die Gruppe G00000004 "Plan" nicht befüllt sein.',
    ]) {
      expect(applyFimRule(rule, fields, conditions)).toBeNull();
    }
    expect(conditions).toEqual([]);
    expect(short.ui.visibleIf).toBeUndefined();
    expect(group2.ui.visibleIf).toBeUndefined();
  });
});
