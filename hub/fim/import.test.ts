import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  dropHiddenAnswers,
  normalizeAnswers,
  requiredAttachmentCount,
  validateFormData,
  type FormAnswer,
} from '../../protocol/forms.js';
import { demoAnswers } from '../../demo/demo-answers.js';
import { missingAttachments } from '../../protocol/form-attachments.js';
import { field, schema, struktur } from './hostile-inputs.js';
import { importFimXml, withBundledCodeLists } from './import.js';
import { STEP_FIELDS } from './to-form.js';

const xml = readFileSync(join(import.meta.dirname, 'fixtures/BlaueKarte.xml'), 'utf8');
const options = { formId: 'blaue-karte', officeId: 'buergerbuero', updatedAt: '2026-11-01T08:30:00.000Z' };

describe('FIM import of the real BlaueKarte schema (XDatenfelder 2.0)', () => {
  const { form, notes } = importFimXml(xml, options);
  const props = form.schema.properties as Record<string, Record<string, unknown>>;

  it('turns top-level groups into steps and runs of top-level fields into "Weitere Angaben"', () => {
    expect(form.title.de).toBe('Antrag auf Blaue Karte EU');
    expect(form.ui.steps.map((s) => s.title.de)).toEqual([
      'Persönliche Angaben zum Antragsteller',
      'Anschrift des Antragstellers in Deutschland',
      'Angaben zu vorhandenem Visum oder Aufenthaltstitel',
      'Angaben zur Hochschulqualifikation',
      'Angaben zur Arbeitsstelle',
      'Angaben zur Krankenversicherung',
      'Weitere Angaben',
      'Angaben zur Anerkennung als international Schutzsuchender',
      'Weitere Angaben',
      'Angaben zur Vorbestrafung',
      'Angaben zu laufenden Ermittlungsverfahren',
      'Weitere Angaben',
    ]);
  });

  it('keeps label, help, type, cardinality and constraints of each field', () => {
    expect(form.ui.fields['familienname']?.label.de).toBe('Familienname');
    expect(form.ui.fields['familienname']?.help?.de).toMatch(/Nachnamen/);
    expect(form.schema.required).toContain('familienname');
    expect(form.schema.required).not.toContain('titel');
    expect(props['geburtsort']).toMatchObject({ type: 'string', minLength: 1, maxLength: 80 });
    expect(props['groesse']).toEqual({ type: 'number' });
    expect(props['jahresbruttobetragDerEinnahmen']).toEqual({ type: 'number', minimum: 0 });
    expect(props['einreiseInDasBundesgebietAm']).toEqual({ type: 'string', format: 'date' });
    expect(props['sindSieVorbestraft']).toEqual({ type: 'boolean' });
    expect(form.ui.fields['sindSieVorbestraft']?.widget).toBe('yesno');
  });

  it('makes nested groups sections with object answers, and repeatables arrays', () => {
    const address = props['anschriftInDeutschland'] as {
      properties: Record<string, Record<string, unknown>>;
    };
    expect(form.ui.fields['anschriftInDeutschland']?.widget).toBe('group');
    // Both addresses are optional (0:1): a required "applies to me" question stands before each.
    expect(Object.keys(address.properties)).toEqual([
      'strassenanschriftTrifftZu',
      'strassenanschrift',
      'anschriftPostfachTrifftZu',
      'anschriftPostfach',
    ]);
    const street = address.properties['strassenanschrift'] as { required: string[] };
    expect(street.required).toEqual(['strassenangaben', 'ort']);
    const employer = props['angabenZumArbeitgeber'] as {
      properties: Record<string, Record<string, unknown>>;
    };
    const contacts = employer.properties['kontaktmoeglichkeiten'] as { properties: Record<string, unknown> };
    expect(Object.values(contacts.properties)[0]).toMatchObject({ type: 'array', minItems: 1, maxItems: 20 });
    expect(JSON.stringify(props['angabenZurAusbildungsstaette'])).toContain('"minItems":2');
  });

  it('asks whether an optional group applies, and shows and requires it only then', () => {
    const home = form.ui.fields['anschriftInDeutschland'];
    expect(home?.fields?.['strassenanschriftTrifftZu']).toMatchObject({
      widget: 'yesno',
      wording: 'applies',
      label: { de: 'Straßenanschrift' },
    });
    expect(home?.fields?.['strassenanschrift']?.visibleWhen).toEqual({
      field: 'anschriftInDeutschland/strassenanschriftTrifftZu',
      equals: true,
    });
    const base = demoAnswers['blaue-karte'] ?? {};
    const at = (inDeutschland: Record<string, FormAnswer>) =>
      validateFormData(form.schema, normalizeAnswers({ ...base, anschriftInDeutschland: inDeutschland })).map(
        (e) => [e.field, e.code],
      );
    // The question itself must be answered.
    expect(at({ anschriftPostfachTrifftZu: false })).toEqual([
      ['anschriftInDeutschland/strassenanschriftTrifftZu', 'required'],
    ]);
    // "Applies" with nothing filled in: the group's required fields are asked for.
    expect(at({ strassenanschriftTrifftZu: false, anschriftPostfachTrifftZu: true })).toEqual([
      ['anschriftInDeutschland/anschriftPostfach', 'required'],
    ]);
    // "Does not apply" twice: nothing else is asked.
    expect(at({ strassenanschriftTrifftZu: false, anschriftPostfachTrifftZu: false })).toEqual([]);
    expect(notes.filter((n) => n.includes('asked whether it applies'))).toHaveLength(7);
  });

  it('makes the address groups it recognises address entries, keeping their FIM structure', () => {
    const home = form.ui.fields['anschriftInDeutschland']?.fields?.['strassenanschrift'];
    expect(home?.widget).toBe('address');
    expect(home?.address?.parts).toEqual({
      street: 'strassenangaben/strasse',
      houseNumber: 'strassenangaben/hausnummer',
      postalCode: 'ort/postleitzahl',
      city: 'ort/ort',
    });
    const employer = form.ui.fields['angabenZumArbeitgeber']?.fields?.['anschrift'];
    expect(employer?.address?.parts.postalCode).toBe('ortInland/postleitzahl');
    // A post-office box has no street: it stays a plain group.
    expect(form.ui.fields['anschriftInDeutschland']?.fields?.['anschriftPostfach']?.widget).toBe('group');
    expect(notes.filter((n) => n.includes('address entry'))).toHaveLength(3);
    const inGermany = validateFormData(form.schema, {
      ...demoAnswers['blaue-karte'],
      anschriftInDeutschland: {
        strassenanschriftTrifftZu: true,
        anschriftPostfachTrifftZu: false,
        strassenanschrift: {
          strassenangaben: { strasse: 'Markt' },
          ort: { postleitzahl: 'O1665', ort: 'X' },
        },
      },
    });
    expect(inGermany.map((e) => [e.field, e.code])).toEqual([
      ['anschriftInDeutschland/strassenanschrift/ort/postleitzahl', 'pattern'],
    ]);
    const withPlaces = importFimXml(xml, { ...options, places: [{ postalCode: '01665', city: 'Lindenau' }] });
    expect(
      withPlaces.form.ui.fields['anschriftInDeutschland']?.fields?.['strassenanschrift']?.address?.places,
    ).toEqual([{ postalCode: '01665', city: 'Lindenau' }]);
  });

  it('evaluates FIM rules of the kind "X is only filled in when Y was answered yes" as conditions', () => {
    expect(form.ui.fields['krankenversicherungstraeger']?.visibleWhen).toEqual({
      field: 'bestehtKrankenversicherungsschutzFuerDie',
      equals: true,
    });
    const convicted = [
      'bezeichnungDesGerichts',
      'aktenzeichen',
      'tatbestand',
      'datum',
      'woWurdeDieStrafeBegangen',
    ];
    for (const name of convicted)
      expect(form.ui.fields[name]?.visibleWhen).toEqual({ field: 'sindSieVorbestraft', equals: true });
    // The rule leaves out "Strafmaß": it stays visible, as FIM wrote it.
    expect(form.ui.fields['strafmass']?.visibleWhen).toBeUndefined();
    expect(notes.filter((n) => n.includes('evaluated:'))).toHaveLength(3);
    // Nothing left unevaluated: no note for the citizen.
    expect(form.ui.steps[0]?.fields[0]).toBe('titel');
  });

  it('evaluates FIM rules of the kind "X is filled in when Y was answered yes" as a condition on required', () => {
    const required = xml.replace(
      /"F00001028 Krankenversicherungsträger" ist nur dann zu befüllen[^<]*/,
      '"F00001028 Krankenversicherungsträger" ist zu befüllen, wenn "F00001027 Krankenversicherung vorhanden" bejaht wurde.',
    );
    const result = importFimXml(required, options);
    expect(result.notes).toContain(
      'rule R00000254 "Krankenversicherung" evaluated: krankenversicherungstraeger required when bestehtKrankenversicherungsschutzFuerDie is yes',
    );
    // Shown always, required only while the citizen says they are insured.
    expect(result.form.ui.fields['krankenversicherungstraeger']?.visibleWhen).toBeUndefined();
    expect(result.form.schema.required).not.toContain('krankenversicherungstraeger');
    const complete = normalizeAnswers(demoAnswers['blaue-karte'] ?? {});
    const without = (insured: boolean) => {
      const answers: Record<string, unknown> = {
        ...complete,
        bestehtKrankenversicherungsschutzFuerDie: insured,
      };
      delete answers['krankenversicherungstraeger'];
      return validateFormData(result.form.schema, answers).map((e) => `${e.field} ${e.code}`);
    };
    expect(without(true)).toEqual(['krankenversicherungstraeger required']);
    expect(without(false)).toEqual([]);
    // The other rules keep their show-when conditions, and the form without the rule has no such
    // condition (its conditions are those of the optional groups).
    expect(result.form.ui.fields['aktenzeichen']?.visibleWhen).toEqual({
      field: 'sindSieVorbestraft',
      equals: true,
    });
    expect(JSON.stringify(form.schema['allOf'])).not.toContain('krankenversicherungstraeger');
    expect(JSON.stringify(result.form.schema['allOf'])).toContain('krankenversicherungstraeger');
  });

  it('tells the citizen when a rule is not evaluated, and names it for the person importing', () => {
    const odd = xml.replace(
      /"F00001028 Krankenversicherungsträger" ist nur dann zu befüllen[^<]*/,
      'Der Beginn der Versicherung liegt vor dem Einreisedatum.',
    );
    const result = importFimXml(odd, options);
    expect(result.notes.some((n) => /R00000254 .* is not evaluated/.test(n))).toBe(true);
    expect(result.form.ui.fields['krankenversicherungstraeger']?.visibleWhen).toBeUndefined();
    const first = result.form.ui.steps[0]?.fields[0] ?? '';
    expect(result.form.ui.fields[first]).toMatchObject({ widget: 'note', label: { de: 'Hinweis' } });
    expect(result.form.ui.fields[first]?.help?.de).toMatch(/prüft das Terminal nicht/);
  });

  it('falls back to free text with a note for code lists', () => {
    expect(props['geschlecht']).toEqual({ type: 'string' });
    expect(form.ui.fields['geschlecht']?.help?.de).toMatch(/Auswahlliste ist am Terminal nicht verfügbar/);
    expect(notes.filter((n) => n.includes('code list'))).toHaveLength(5);
    expect(notes.filter((n) => n.startsWith('rule'))).toHaveLength(3);
  });

  it('makes the code lists it bundles choices, a list shipped with the export taking precedence', () => {
    const bundled = importFimXml(xml, { ...options, codeLists: withBundledCodeLists() });
    expect(bundled.report).toMatchObject({ selects: 5, selectsAsChoices: 4 });
    expect(bundled.form.ui.fields['geschlecht']?.widget).toBe('choice');
    expect(bundled.form.schema.properties['geschlecht']).toMatchObject({ enum: ['d', 'm', 'w', 'x'] });
    expect(bundled.notes).toContain(
      'F00000065 "Geschlecht": code list urn:xpersonenstand:schluesseltabelle:geschlecht as a choice of 4',
    );
    const shipped = withBundledCodeLists(
      new Map([
        [
          'urn:xpersonenstand:schluesseltabelle:geschlecht',
          {
            uri: 'urn:xpersonenstand:schluesseltabelle:geschlecht',
            version: '2',
            values: [{ code: 'w', name: 'weiblich' }],
          },
        ],
      ]),
    );
    const own = importFimXml(xml, { ...options, codeLists: shipped });
    expect(own.form.schema.properties['geschlecht']).toMatchObject({ enum: ['w'] });
  });

  it('makes file uploads document scans in their step, required as FIM says', () => {
    const scans = form.ui.steps.flatMap((step) =>
      step.fields
        .filter((name) => form.ui.fields[name]?.widget === 'scan')
        .map((name) => [step.id, name, form.ui.fields[name]?.minCount]),
    );
    expect(scans).toEqual([
      ['persoenliche-angaben-zum-antragsteller', 'nachweisAusweispapier', 1],
      ['anschrift-des-antragstellers-in-deutschland', 'nachweisMietvertrag', 1],
      ['anschrift-des-antragstellers-in-deutschland', 'nachweisMeldebescheinigung', 1],
      ['angaben-zur-hochschulqualifikation', 'nachweisHochschulqualifikation', 1],
      ['angaben-zur-arbeitsstelle', 'nachweisArbeitsvertragArbeitsplatzangebo', 1],
      ['angaben-zur-arbeitsstelle', 'nachweisBerufsausuebungserlaubnis', undefined],
      ['angaben-zur-krankenversicherung', 'nachweis', undefined],
    ]);
    expect(form.ui.fields['nachweisMietvertrag']?.label.de).toBe('Nachweis Mietvertrag');
    // Files are attachments, not answers: no schema property, nothing in "required".
    expect(props['nachweisMietvertrag']).toBeUndefined();
    expect(requiredAttachmentCount(form)).toBe(5);
    expect(notes.filter((n) => n.includes('document scan'))).toHaveLength(7);
    expect(notes).toContain(
      'the form requires 5 scans (terminals take up to attachments.maxCount, default 5)',
    );
  });

  it('keeps the biometric photo a note to bring one: a kiosk camera cannot make it', () => {
    expect(form.ui.fields['lichtbild']).toMatchObject({ widget: 'note', label: { de: 'Lichtbild' } });
    expect(form.ui.fields['lichtbild']?.help?.de).toMatch(/kein biometrisches Passfoto/);
    expect(Object.keys(form.ui.fields['lichtbild']?.help ?? {}).sort()).toEqual([
      'ar',
      'de',
      'en',
      'ru',
      'tr',
      'uk',
    ]);
    expect(props['lichtbild']).toBeUndefined();
    expect(notes.filter((n) => n.includes('biometric photo'))).toHaveLength(1);
  });

  it('accepts a complete application and explains what is missing by path', () => {
    expect(validateFormData(form.schema, normalizeAnswers(demoAnswers['blaue-karte'] ?? {}))).toEqual([]);
    const incomplete = {
      ...demoAnswers['blaue-karte'],
      anschriftInDeutschland: {
        strassenanschriftTrifftZu: true,
        anschriftPostfachTrifftZu: false,
        strassenanschrift: { ort: { postleitzahl: '01665' } },
      },
    };
    const errors = validateFormData(form.schema, normalizeAnswers(incomplete)).map((e) => [e.field, e.code]);
    expect(errors).toEqual([
      ['anschriftInDeutschland/strassenanschrift/strassenangaben', 'required'],
      ['anschriftInDeutschland/strassenanschrift/ort/ort', 'required'],
    ]);
  });
});

describe('FIM import of XDatenfelder 3.0', () => {
  const xdf3 = `<?xml version="1.0" encoding="UTF-8"?>
<xdf3:xdatenfelder.stammdatenschema.0102 xmlns:xdf3="urn:xoev-de:fim:standard:xdatenfelder_3.0.0">
  <xdf3:stammdatenschema>
    <xdf3:identifikation><xdf3:id>S1</xdf3:id><xdf3:version>1.0.0</xdf3:version></xdf3:identifikation>
    <xdf3:name>Test</xdf3:name><xdf3:bezeichnungEingabe>Testantrag</xdf3:bezeichnungEingabe>
    <xdf3:struktur><xdf3:anzahl>1:1</xdf3:anzahl><xdf3:enthaelt>
      <xdf3:datenfeld>
        <xdf3:identifikation><xdf3:id>F1</xdf3:id></xdf3:identifikation>
        <xdf3:name>Anrede</xdf3:name><xdf3:bezeichnungEingabe>Anrede</xdf3:bezeichnungEingabe>
        <xdf3:feldart><code>select</code></xdf3:feldart><xdf3:datentyp><code>text</code></xdf3:datentyp>
        <xdf3:werte><xdf3:wert><xdf3:code>frau</xdf3:code><xdf3:name>Frau</xdf3:name></xdf3:wert>
          <xdf3:wert><xdf3:code>herr</xdf3:code><xdf3:name>Herr</xdf3:name></xdf3:wert></xdf3:werte>
      </xdf3:datenfeld>
    </xdf3:enthaelt></xdf3:struktur>
    <xdf3:struktur><xdf3:anzahl>0:1</xdf3:anzahl><xdf3:enthaelt>
      <xdf3:datenfeld>
        <xdf3:identifikation><xdf3:id>F2</xdf3:id></xdf3:identifikation>
        <xdf3:name>Kinder</xdf3:name><xdf3:bezeichnungEingabe>Anzahl Kinder</xdf3:bezeichnungEingabe>
        <xdf3:feldart><code>input</code></xdf3:feldart><xdf3:datentyp><code>num_int</code></xdf3:datentyp>
        <xdf3:praezisierung minValue="0" maxValue="20"/>
      </xdf3:datenfeld>
    </xdf3:enthaelt></xdf3:struktur>
  </xdf3:stammdatenschema>
</xdf3:xdatenfelder.stammdatenschema.0102>`;

  const upload = (id: string, label: string, anzahl: string) => `
    <xdf3:struktur><xdf3:anzahl>${anzahl}</xdf3:anzahl><xdf3:enthaelt>
      <xdf3:datenfeld>
        <xdf3:identifikation><xdf3:id>${id}</xdf3:id></xdf3:identifikation>
        <xdf3:name>${label}</xdf3:name><xdf3:bezeichnungEingabe>${label}</xdf3:bezeichnungEingabe>
        <xdf3:hilfetextEingabe>Alle Seiten</xdf3:hilfetextEingabe>
        <xdf3:feldart><code>input</code></xdf3:feldart><xdf3:datentyp><code>file</code></xdf3:datentyp>
      </xdf3:datenfeld>
    </xdf3:enthaelt></xdf3:struktur>`;
  const withUploads = (uploads: string) =>
    xdf3.replace('</xdf3:stammdatenschema>', `${uploads}</xdf3:stammdatenschema>`);

  it('takes several pages of an upload as one scan field, with FIM help and minimum count', () => {
    const { form } = importFimXml(withUploads(upload('F3', 'Zeugnisse', '2:*')), {
      ...options,
      formId: 'test',
    });
    expect(form.ui.fields['zeugnisse']).toEqual({
      label: { de: 'Zeugnisse' },
      help: { de: 'Alle Seiten' },
      widget: 'scan',
      minCount: 2,
    });
  });

  it('makes uploads required beyond what one application carries optional, and says so', () => {
    const many = [1, 2, 3, 4, 5].map((n) => upload(`F${10 + n}`, `Nachweis ${n}`, '3:3')).join('');
    const { form, notes } = importFimXml(withUploads(many), { ...options, formId: 'test' });
    const counts = [1, 2, 3, 4, 5].map((n) => form.ui.fields[`nachweis${n}`]?.minCount);
    expect(counts).toEqual([3, 3, 3, 1, undefined]);
    expect(form.ui.fields['nachweis5']?.widget).toBe('scan');
    expect(requiredAttachmentCount(form)).toBe(10);
    expect(notes).toContain('nachweis4: requires 1 instead of 3, an application carries at most 10 files');
    expect(notes).toContain('nachweis5: optional, an application carries at most 10 files');
    expect(
      notes.some((n) =>
        n.startsWith('the form requires 10 scans: terminals need attachments.maxCount >= 10'),
      ),
    ).toBe(true);
  });

  it('makes an upload inside nested groups a scan, with FIM mediaType and maxSize', () => {
    const limited = upload('F20', 'Geburtsurkunde', '1:1').replace(
      '</xdf3:datentyp>',
      '</xdf3:datentyp><xdf3:mediaType>application/pdf</xdf3:mediaType><xdf3:mediaType>image/jpeg</xdf3:mediaType><xdf3:mediaType>image/tiff</xdf3:mediaType><xdf3:maxSize>2000000</xdf3:maxSize>',
    );
    const group = `
    <xdf3:struktur><xdf3:anzahl>1:1</xdf3:anzahl><xdf3:enthaelt>
      <xdf3:datenfeldgruppe>
        <xdf3:identifikation><xdf3:id>G1</xdf3:id></xdf3:identifikation>
        <xdf3:name>Kind</xdf3:name><xdf3:bezeichnungEingabe>Kind</xdf3:bezeichnungEingabe>
        <xdf3:struktur><xdf3:anzahl>1:1</xdf3:anzahl><xdf3:enthaelt>
          <xdf3:datenfeldgruppe>
            <xdf3:identifikation><xdf3:id>G2</xdf3:id></xdf3:identifikation>
            <xdf3:name>Geburt</xdf3:name><xdf3:bezeichnungEingabe>Geburt</xdf3:bezeichnungEingabe>
            ${limited}
          </xdf3:datenfeldgruppe>
        </xdf3:enthaelt></xdf3:struktur>
      </xdf3:datenfeldgruppe>
    </xdf3:enthaelt></xdf3:struktur>`;
    const { form, notes, report } = importFimXml(withUploads(group), { ...options, formId: 'test' });
    expect(form.ui.fields['geburt']?.fields?.['geburtsurkunde']).toEqual({
      label: { de: 'Geburtsurkunde' },
      help: { de: 'Alle Seiten' },
      widget: 'scan',
      minCount: 1,
      // TIFF is not a type the terminal makes or takes: left out.
      mediaTypes: ['application/pdf', 'image/jpeg'],
      maxBytes: 2000000,
    });
    expect(report).toMatchObject({ uploads: 1, uploadsAsScans: 1 });
    expect(notes).toContain(
      'F20 "Geburtsurkunde": file upload as a document scan, required (1), application/pdf/image/jpeg, at most 2000000 bytes',
    );
    // The group is required, so the scan is: missing, it is named by its path.
    expect(missingAttachments(form, {}, [])).toEqual([
      expect.objectContaining({ field: 'geburt/geburtsurkunde', code: 'required' }),
    ]);
    expect(missingAttachments(form, {}, [{ fieldId: 'geburt/geburtsurkunde' }])).toEqual([]);
  });

  it('makes an upload inside a repeatable a scan per entry', () => {
    const group = `
    <xdf3:struktur><xdf3:anzahl>0:5</xdf3:anzahl><xdf3:enthaelt>
      <xdf3:datenfeldgruppe>
        <xdf3:identifikation><xdf3:id>G3</xdf3:id></xdf3:identifikation>
        <xdf3:name>Kind</xdf3:name><xdf3:bezeichnungEingabe>Kind</xdf3:bezeichnungEingabe>
        <xdf3:struktur><xdf3:anzahl>0:1</xdf3:anzahl><xdf3:enthaelt>
          <xdf3:datenfeld>
            <xdf3:identifikation><xdf3:id>F31</xdf3:id></xdf3:identifikation>
            <xdf3:name>Vorname</xdf3:name><xdf3:bezeichnungEingabe>Vorname</xdf3:bezeichnungEingabe>
            <xdf3:feldart><code>input</code></xdf3:feldart><xdf3:datentyp><code>text</code></xdf3:datentyp>
          </xdf3:datenfeld>
        </xdf3:enthaelt></xdf3:struktur>
        ${upload('F32', 'Geburtsurkunde', '1:1')}
      </xdf3:datenfeldgruppe>
    </xdf3:enthaelt></xdf3:struktur>`;
    const { form } = importFimXml(withUploads(group), { ...options, formId: 'test' });
    const kind = form.ui.fields['kind'];
    expect(kind?.widget).toBe('repeat');
    expect(kind?.item?.fields?.['geburtsurkunde']).toMatchObject({ widget: 'scan', minCount: 1 });
    // An entry the citizen filled in needs its certificate; an empty optional entry does not.
    expect(missingAttachments(form, {}, [])).toEqual([]);
    const two = { kind: [{ vorname: 'Ada' }, { vorname: 'Max' }] };
    expect(missingAttachments(form, two, [{ fieldId: 'kind/0/geburtsurkunde' }])).toEqual([
      expect.objectContaining({ field: 'kind/1/geburtsurkunde', code: 'required' }),
    ]);
  });

  it('reads constraints from attributes and code lists given in the file', () => {
    const { form } = importFimXml(xdf3, { ...options, formId: 'test' });
    expect(form.schema.properties['anrede']).toEqual({ type: 'string', enum: ['frau', 'herr'] });
    expect(form.ui.fields['anrede']?.widget).toBe('choice');
    expect(form.schema.properties['anzahlKinder']).toEqual({ type: 'integer', minimum: 0, maximum: 20 });
    expect(form.schema.required).toEqual(['anrede']);
  });
});

describe('long steps', () => {
  const step = (count: number) =>
    schema(
      struktur(
        '1:1',
        `<x:datenfeldgruppe><x:identifikation><x:id>G1</x:id></x:identifikation><x:name>Angaben</x:name><x:bezeichnungEingabe>Angaben</x:bezeichnungEingabe>${Array.from(
          { length: count },
          (_, i) => struktur('0:1', field(`F${100 + i}`, `Feld ${i + 1}`)),
        ).join('')}</x:datenfeldgruppe>`,
      ),
    );
  const options = { formId: 'test', officeId: 'buergerbuero', updatedAt: '2026-11-01T08:30:00.000Z' };

  it(`are split between their fields, at most ${STEP_FIELDS} answers a step`, () => {
    const { form, notes } = importFimXml(step(60), options);
    expect(form.ui.steps.map((s) => [s.id, s.title.de, s.fields.length])).toEqual([
      ['angaben', 'Angaben (1/3)', 25],
      ['angaben-2', 'Angaben (2/3)', 25],
      ['angaben-3', 'Angaben (3/3)', 10],
    ]);
    expect(notes).toContain('2 long steps split: at most 25 fields a step');
    expect(importFimXml(step(25), options).form.ui.steps.map((s) => s.id)).toEqual(['angaben']);
  });

  it('keep a part that would show nothing on some answers with the part before', () => {
    const xml = step(30).replace(
      '</x:stammdatenschema>',
      `<x:regel><x:identifikation><x:id>R1</x:id></x:identifikation><x:name>R</x:name><x:freitextRegel>WENN F00000100 = 001, DANN aktiviere F00000125, F00000126, F00000127, F00000128, F00000129</x:freitextRegel></x:regel></x:stammdatenschema>`,
    );
    const renamed = xml.replace(/<x:id>F(\d+)<\/x:id>/g, (_, n: string) => `<x:id>F00000${n}</x:id>`);
    const { form } = importFimXml(renamed, options);
    expect(form.ui.fields['feld26']?.visibleWhen).toEqual({ field: 'feld1', equals: '001' });
    expect(form.ui.steps.map((s) => s.fields.length)).toEqual([30]);
  });
});

describe('FIM groups the citizen may leave out or choose between (XDF 3)', () => {
  const group = (id: string, label: string, inner: string, extra = '') =>
    `<x:datenfeldgruppe><x:identifikation><x:id>${id}</x:id></x:identifikation><x:name>${label}</x:name><x:bezeichnungEingabe>${label}</x:bezeichnungEingabe>${extra}${inner}</x:datenfeldgruppe>`;
  const upload = (id: string, label: string) =>
    `<x:datenfeld><x:identifikation><x:id>${id}</x:id></x:identifikation><x:name>${label}</x:name><x:bezeichnungEingabe>${label}</x:bezeichnungEingabe><x:feldart><code>input</code></x:feldart><x:datentyp><code>file</code></x:datentyp></x:datenfeld>`;
  const select = (id: string, label: string) =>
    `<x:datenfeld><x:identifikation><x:id>${id}</x:id></x:identifikation><x:name>${label}</x:name><x:bezeichnungEingabe>${label}</x:bezeichnungEingabe><x:feldart><code>select</code></x:feldart><x:datentyp><code>text</code></x:datentyp><x:werte><x:wert><x:code>001</x:code><x:name>Ja</x:name></x:wert><x:wert><x:code>002</x:code><x:name>Nein</x:name></x:wert></x:werte></x:datenfeld>`;
  const xml = schema(
    struktur(
      '1:1',
      group(
        'G00000010',
        'Antragsteller',
        struktur('1:1', field('F00000001', 'Name')) +
          struktur(
            '0:1',
            group('G00000020', 'Abweichende Postanschrift', struktur('1:1', field('F00000002', 'Postfach'))),
          ) +
          struktur('1:1', select('F00000004', 'Handeln Sie für jemanden')) +
          struktur(
            '0:1',
            group('G00000030', 'Vertretung', struktur('1:1', field('F00000003', 'Name der Vertretung'))),
          ) +
          struktur(
            '1:1',
            group(
              'G00000040',
              'Nachweis der Identität',
              struktur('1:1', field('F00000005', 'Personalausweisnummer')) +
                struktur('1:1', field('F00000006', 'Reisepassnummer')) +
                struktur('1:1', upload('F00000007', 'Aufenthaltstitel')),
              '<x:art><code>X</code></x:art>',
            ),
          ),
      ),
    ),
    '<x:regel><x:identifikation><x:id>R1</x:id></x:identifikation><x:name>Vertretung</x:name><x:freitextRegel>WENN F00000004 = 001, DANN aktiviere G00000030</x:freitextRegel></x:regel>',
  );
  const options = { formId: 'test', officeId: 'buergerbuero', updatedAt: '2026-11-01T08:30:00.000Z' };
  const { form, notes } = importFimXml(xml, options);
  const errors = (answers: Record<string, unknown>) =>
    validateFormData(form.schema, normalizeAnswers(dropHiddenAnswers(form.ui.fields, answers))).map(
      (e) => `${e.field} ${e.code}`,
    );
  const base = { name: 'Ada Krause', handelnSieFuerJemanden: '002' };

  it('asks first whether an optional group applies; a group a rule opens keeps the rule', () => {
    expect(form.ui.steps[0]?.fields).toEqual([
      'name',
      'abweichendePostanschriftTrifftZu',
      'abweichendePostanschrift',
      'handelnSieFuerJemanden',
      'vertretung',
      'nachweisDerIdentitaet',
    ]);
    expect(form.ui.fields['abweichendePostanschriftTrifftZu']).toMatchObject({
      widget: 'yesno',
      wording: 'applies',
      label: { de: 'Abweichende Postanschrift' },
    });
    expect(form.schema.required).toContain('abweichendePostanschriftTrifftZu');
    expect(form.ui.fields['vertretung']?.visibleWhen).toEqual({
      field: 'handelnSieFuerJemanden',
      equals: '001',
    });
    const chosen = {
      ...base,
      nachweisDerIdentitaet: { auswahl: 'personalausweisnummer', personalausweisnummer: 'L01X00T47' },
    };
    expect(errors(chosen)).toEqual(['abweichendePostanschriftTrifftZu required']);
    expect(errors({ ...chosen, abweichendePostanschriftTrifftZu: true })).toEqual([
      'abweichendePostanschrift required',
    ]);
    expect(
      errors({
        ...chosen,
        abweichendePostanschriftTrifftZu: false,
        abweichendePostanschrift: { postfach: '12' },
      }),
    ).toEqual([]);
    expect(notes).toContain(
      'G00000010/G00000020: optional group, asked whether it applies (abweichendePostanschriftTrifftZu)',
    );
  });

  it('makes a choice group (art X) a required choice, each child shown and required for its answer', () => {
    const proof = form.ui.fields['nachweisDerIdentitaet'];
    expect(Object.keys(proof?.fields ?? {})).toEqual([
      'auswahl',
      'personalausweisnummer',
      'reisepassnummer',
      'aufenthaltstitel',
    ]);
    expect(proof?.fields?.['auswahl']).toMatchObject({
      widget: 'choice',
      options: [
        { value: 'personalausweisnummer', label: { de: 'Personalausweisnummer' } },
        { value: 'reisepassnummer', label: { de: 'Reisepassnummer' } },
        { value: 'aufenthaltstitel', label: { de: 'Aufenthaltstitel' } },
      ],
    });
    expect(proof?.fields?.['reisepassnummer']?.visibleWhen).toEqual({
      field: 'nachweisDerIdentitaet/auswahl',
      equals: 'reisepassnummer',
    });
    // The scan asks for its file only while it is the chosen one.
    expect(proof?.fields?.['aufenthaltstitel']).toMatchObject({ widget: 'scan', minCount: 1 });
    const answers = { ...base, abweichendePostanschriftTrifftZu: false };
    expect(errors(answers)).toEqual(['nachweisDerIdentitaet required']);
    expect(errors({ ...answers, nachweisDerIdentitaet: { auswahl: 'reisepassnummer' } })).toEqual([
      'nachweisDerIdentitaet/reisepassnummer required',
    ]);
    // What was typed for another choice is not sent.
    expect(
      errors({
        ...answers,
        nachweisDerIdentitaet: {
          auswahl: 'reisepassnummer',
          reisepassnummer: 'C01X00T47',
          personalausweisnummer: 'x',
        },
      }),
    ).toEqual([]);
    expect(
      dropHiddenAnswers(form.ui.fields, {
        nachweisDerIdentitaet: {
          auswahl: 'reisepassnummer',
          reisepassnummer: 'C01X00T47',
          personalausweisnummer: 'x',
        },
      }),
    ).toEqual({ nachweisDerIdentitaet: { auswahl: 'reisepassnummer', reisepassnummer: 'C01X00T47' } });
    expect(errors({ ...answers, nachweisDerIdentitaet: { auswahl: 'aufenthaltstitel' } })).toEqual([]);
  });

  it('keeps a choice group inside a repeatable a plain group, and says so', () => {
    const repeated = xml.replace(
      '<x:anzahl>1:1</x:anzahl><x:enthaelt><x:datenfeldgruppe><x:identifikation><x:id>G00000040',
      '<x:anzahl>0:3</x:anzahl><x:enthaelt><x:datenfeldgruppe><x:identifikation><x:id>G00000040',
    );
    const result = importFimXml(repeated, options);
    expect(result.form.ui.fields['nachweisDerIdentitaet']?.widget).toBe('repeat');
    expect(Object.keys(result.form.ui.fields['nachweisDerIdentitaet']?.item?.fields ?? {})).toEqual([
      'personalausweisnummer',
      'reisepassnummer',
      'aufenthaltstitel',
    ]);
    expect(result.notes).toContain(
      'G00000040 "Nachweis der Identität": choice group shown as a plain group (inside a repeatable)',
    );
  });
});
