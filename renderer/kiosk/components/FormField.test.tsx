import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FieldUi } from '../../../protocol/forms.js';
import { TEXTS } from '../i18n/texts.js';
import { matchingOptions, SHOWN_MATCHES } from './fields/ChoiceField.js';
import { FormField } from './FormField.js';

describe('a field shown only on a condition (FIM rule)', () => {
  const ui: FieldUi = {
    label: { de: 'Krankenversicherungsträger' },
    widget: 'text',
    visibleWhen: { field: 'versichert', equals: true },
  };
  const render = (answers: Record<string, unknown>) =>
    renderToStaticMarkup(
      <FormField
        name="traeger"
        ui={ui}
        property={{ type: 'string' }}
        required={false}
        value={undefined}
        error={undefined}
        answers={answers}
        locale="de"
        t={TEXTS.de}
        onChange={() => undefined}
      />,
    );

  it('appears once the other field has the answer, and not before', () => {
    expect(render({ versichert: true })).toContain('Krankenversicherungsträger');
    expect(render({ versichert: false })).toBe('');
    expect(render({})).toBe('');
  });
});

describe('a long code list', () => {
  const states = ['Albanien', 'Belgien', 'Dänemark', 'Estland', 'Finnland', 'Frankreich', 'Griechenland'];
  const options = [...states, ...Array.from({ length: 30 }, (_, i) => `Staat ${i + 1}`), 'Österreich'].map(
    (name, i) => ({ value: String(100 + i), label: { de: name } }),
  );
  const render = (value: string | undefined) =>
    renderToStaticMarkup(
      <FormField
        name="staat"
        ui={{ label: { de: 'Staat' }, widget: 'choice', options }}
        property={{ type: 'string', enum: options.map((o) => o.value) }}
        required
        value={value}
        error={undefined}
        locale="de"
        t={TEXTS.de}
        onChange={() => undefined}
      />,
    );

  it('gets a search box and shows the first matches, the chosen one always among them', () => {
    const html = render('137');
    expect(html).toContain('In der Liste suchen');
    expect(html.match(/type="radio"/g)).toHaveLength(SHOWN_MATCHES + 1);
    expect(html).toContain('Österreich');
    expect(html).toContain('17 weitere');
  });

  it('finds entries regardless of case and umlauts, by name or code', () => {
    expect(matchingOptions(options, 'osterr', 'de').map((o) => o.label.de)).toEqual(['Österreich']);
    expect(matchingOptions(options, 'DÄN', 'de').map((o) => o.value)).toEqual(['102']);
    expect(matchingOptions(options, '105', 'de').map((o) => o.label.de)).toEqual(['Frankreich']);
  });
});

describe('a scan inside a group', () => {
  it('is drawn by the step through renderAttachment, named by its path', () => {
    const paths: string[] = [];
    renderToStaticMarkup(
      <FormField
        name="kind"
        ui={{
          label: { de: 'Kind' },
          widget: 'group',
          fields: {
            vorname: { label: { de: 'Vorname' }, widget: 'text' },
            urkunde: { label: { de: 'Urkunde' }, widget: 'scan', minCount: 1 },
          },
        }}
        property={{ type: 'object', properties: { vorname: { type: 'string' } }, required: [] }}
        required={false}
        value={undefined}
        error={undefined}
        answers={{}}
        locale="de"
        t={TEXTS.de}
        onChange={() => undefined}
        renderAttachment={(path) => {
          paths.push(path);
          return null;
        }}
      />,
    );
    expect(paths).toEqual(['kind/urkunde']);
  });
});

describe('a repeatable whose entries hold scans', () => {
  it('offers to remove only its last entry, so no entry’s files move to another', () => {
    const html = renderToStaticMarkup(
      <FormField
        name="kinder"
        ui={{
          label: { de: 'Kinder' },
          widget: 'repeat',
          item: {
            label: { de: 'Kind' },
            widget: 'group',
            fields: {
              vorname: { label: { de: 'Vorname' }, widget: 'text' },
              urkunde: { label: { de: 'Urkunde' }, widget: 'scan' },
            },
          },
        }}
        property={{
          type: 'array',
          items: { type: 'object', properties: { vorname: { type: 'string' } }, required: [] },
        }}
        required={false}
        value={[{ vorname: 'Ada' }, { vorname: 'Max' }, { vorname: 'Eva' }]}
        error={undefined}
        answers={{}}
        locale="de"
        t={TEXTS.de}
        onChange={() => undefined}
      />,
    );
    expect(html.match(/Eintrag entfernen: /g)).toHaveLength(1);
    expect(html).toContain('Eintrag entfernen: Eintrag 3');
  });
});
