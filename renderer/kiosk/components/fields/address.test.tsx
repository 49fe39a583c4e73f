import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FieldUi } from '../../../../protocol/forms.js';
import { TEXTS } from '../../i18n/texts.js';
import { FormField } from '../FormField.js';
import { getAt, leftoverFields, setAt, townsFor } from './address.js';

const text = (de: string): FieldUi => ({ label: { de }, widget: 'text' });
/** The shape of FIM's "Straßenanschrift": parts in nested groups, extra fields beside them. */
const ui: FieldUi = {
  label: { de: 'Straßenanschrift' },
  widget: 'address',
  fields: {
    strassenangaben: {
      label: { de: 'Straßenangaben' },
      widget: 'group',
      fields: { strasse: text('Straße'), hausnummer: text('Hausnummer'), zusatz: text('Hausnummerzusatz') },
    },
    ort: {
      label: { de: 'Ort' },
      widget: 'group',
      fields: { postleitzahl: text('Postleitzahl'), ort: text('Ort') },
    },
    adresszusatz: text('Adresszusatz'),
  },
  address: {
    parts: {
      street: 'strassenangaben/strasse',
      houseNumber: 'strassenangaben/hausnummer',
      postalCode: 'ort/postleitzahl',
      city: 'ort/ort',
    },
    places: [
      { postalCode: '01665', city: 'Lindenau' },
      { postalCode: '01667', city: 'Oberlindenau' },
      { postalCode: '01667', city: 'Unterlindenau' },
    ],
  },
};
const string = { type: 'string' };
const property = {
  type: 'object',
  properties: {
    strassenangaben: {
      type: 'object',
      properties: { strasse: string, hausnummer: string, zusatz: string },
      required: ['strasse'],
      additionalProperties: false,
    },
    ort: {
      type: 'object',
      properties: { postleitzahl: string, ort: string },
      required: ['postleitzahl', 'ort'],
      additionalProperties: false,
    },
    adresszusatz: string,
  },
  required: ['strassenangaben', 'ort'],
  additionalProperties: false,
};

describe('address answers', () => {
  it('reads and writes parts inside nested groups, dropping groups left empty', () => {
    const answers = setAt(setAt({}, 'ort/postleitzahl', '01665'), 'ort/ort', 'Lindenau');
    expect(answers).toEqual({ ort: { postleitzahl: '01665', ort: 'Lindenau' } });
    expect(getAt(answers, 'ort/ort')).toBe('Lindenau');
    expect(getAt(answers, 'strassenangaben/strasse')).toBeUndefined();
    expect(setAt(setAt(answers, 'ort/ort', undefined), 'ort/postleitzahl', undefined)).toEqual({});
  });

  it('suggests the towns of a complete postcode of the region only', () => {
    expect(townsFor(ui.address?.places, '01667')).toEqual(['Oberlindenau', 'Unterlindenau']);
    expect(townsFor(ui.address?.places, '01665')).toEqual(['Lindenau']);
    expect(townsFor(ui.address?.places, '0166')).toEqual([]);
    expect(townsFor(ui.address?.places, '99999')).toEqual([]);
    expect(townsFor(undefined, '01665')).toEqual([]);
  });

  it('keeps the fields that are not parts, looking into groups that hold parts', () => {
    const parts = Object.values(ui.address?.parts ?? {});
    expect(leftoverFields(ui, property, parts).map((l) => [l.path, l.required])).toEqual([
      ['strassenangaben/zusatz', false],
      ['adresszusatz', false],
    ]);
  });
});

describe('address widget', () => {
  const render = (value: Record<string, unknown> | undefined, errors = {}) =>
    renderToStaticMarkup(
      <FormField
        name="anschrift"
        ui={ui}
        property={property}
        required
        value={value as never}
        error={undefined}
        errors={errors}
        locale="de"
        t={TEXTS.de}
        onChange={() => undefined}
      />,
    );

  it('shows street and number, then postcode on the number pad and town, then the other fields', () => {
    const html = render({ ort: { postleitzahl: '01667' } });
    const optional = TEXTS.de.optional;
    const order = [
      '>Straße<',
      `>Hausnummer (${optional})<`,
      '>Postleitzahl<',
      '>Ort<',
      `Hausnummerzusatz (${optional})`,
    ];
    const positions = order.map((label) => html.indexOf(label));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).toMatch(/inputMode="numeric" data-keyboard="numeric"[^>]*maxLength="5"[^>]*value="01667"/);
    expect(html).toContain('Oberlindenau übernehmen');
    expect(html).toContain('Unterlindenau übernehmen');
  });

  it('says in plain words what a postcode needs, next to the postcode', () => {
    const html = render({ ort: { postleitzahl: '0166' } }, { 'anschrift/ort/postleitzahl': 'pattern' });
    expect(html).toContain(TEXTS.de.postalCodeInvalid);
    expect(html).not.toContain('übernehmen');
  });
});
