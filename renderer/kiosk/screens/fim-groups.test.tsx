import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FormDefinition, type FieldUi } from '../../../protocol/forms.js';
import { requiredWhen } from '../../../protocol/required-when.js';
import { mergeFormTranslations } from '../../../protocol/translations.js';
import { GroupField } from '../components/fields/GroupField.js';
import { TEXTS } from '../i18n/texts.js';
import type { StoredForm } from '../storage/index.js';
import { FormStepScreen } from './FormStepScreen.js';
import { ReviewScreen } from './ReviewScreen.js';

/**
 * How the kiosk shows the group shapes the FIM import makes: a question whether an optional part
 * applies, a group holding only another group, a field a condition requires inside a group.
 */
const label = (de: string) => ({ de });
const street: FieldUi = {
  label: label('Anschrift'),
  widget: 'group',
  fields: {
    inland: {
      label: label('Inlandsanschrift'),
      help: label('Wo Sie wohnen.'),
      widget: 'group',
      fields: {
        strasse: { label: label('Straße'), widget: 'text' },
        zusatz: { label: label('Adresszusatz'), widget: 'text' },
      },
    },
  },
};
const form: StoredForm = {
  key: 'antrag@1',
  ...FormDefinition.parse({
    id: 'antrag',
    version: 1,
    title: { de: 'Antrag', en: 'Application' },
    description: label('Antrag'),
    officeId: 'buergerbuero',
    fimSchema: { id: 'S00000001', version: '1.0' },
    schema: {
      type: 'object',
      properties: {
        vertretungTrifftZu: { type: 'boolean' },
        vertretung: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            art: { type: 'string', enum: ['eltern', 'betreuung'] },
            aktenzeichen: { type: 'string' },
          },
          required: ['name', 'art'],
          additionalProperties: false,
        },
        anschrift: {
          type: 'object',
          properties: {
            inland: {
              type: 'object',
              properties: { strasse: { type: 'string' }, zusatz: { type: 'string' } },
              required: ['strasse'],
              additionalProperties: false,
            },
          },
          required: ['inland'],
          additionalProperties: false,
        },
      },
      required: ['vertretungTrifftZu', 'anschrift'],
      additionalProperties: false,
      allOf: [
        requiredWhen({ field: 'vertretungTrifftZu', equals: true }, ['vertretung']),
        requiredWhen({ field: 'vertretung/art', equals: 'betreuung' }, ['vertretung/aktenzeichen']),
      ],
    },
    ui: {
      steps: [
        { id: 'eins', title: label('Angaben'), fields: ['vertretungTrifftZu', 'vertretung', 'anschrift'] },
      ],
      fields: {
        vertretungTrifftZu: { label: label('Gesetzliche Vertretung'), widget: 'yesno', wording: 'applies' },
        vertretung: {
          label: label('Gesetzliche Vertretung'),
          widget: 'group',
          visibleWhen: { field: 'vertretungTrifftZu', equals: true },
          fields: {
            name: { label: label('Name der Vertretung'), widget: 'text' },
            art: {
              label: label('Art der Vertretung'),
              widget: 'choice',
              options: [
                { value: 'eltern', label: label('Eltern') },
                { value: 'betreuung', label: label('Betreuung') },
              ],
            },
            aktenzeichen: { label: label('Aktenzeichen des Betreuungsgerichts'), widget: 'text' },
          },
        },
        anschrift: street,
      },
    },
    updatedAt: '2026-11-21T10:00:00.000Z',
  }),
};

const step = (answers: Record<string, unknown>, locale: 'de' | 'tr' | 'en' = 'de', shown = form) =>
  renderToStaticMarkup(
    <FormStepScreen
      t={TEXTS[locale]}
      locale={locale}
      form={shown}
      stepIndex={0}
      answers={answers as never}
      errors={{}}
      onChange={() => undefined}
      onNext={() => undefined}
      onBack={() => undefined}
    />,
  );

const review = (answers: Record<string, unknown>) =>
  renderToStaticMarkup(
    <ReviewScreen
      t={TEXTS.de}
      locale="de"
      form={form}
      answers={answers as never}
      busy={false}
      failure={null}
      onEdit={() => undefined}
      onSubmit={() => undefined}
      onBack={() => undefined}
    />,
  );

describe('a question whether a part of the form applies', () => {
  it('reads "applies to me / does not apply" in the citizen language, and opens the part only after yes', () => {
    const closed = step({});
    expect(closed).toContain('<span>Trifft auf mich zu</span>');
    expect(closed).toContain('<span>Trifft nicht zu</span>');
    expect(closed).not.toContain('<span>Ja</span>');
    // Named apart from the part it opens, which has the same title.
    expect(closed).toContain('Gesetzliche Vertretung – Trifft das auf Sie zu?</legend>');
    expect(closed).not.toContain('Name der Vertretung');
    expect(step({ vertretungTrifftZu: true })).toContain('Name der Vertretung');
    const turkish = step({}, 'tr');
    expect(turkish).toContain(`<span>${TEXTS.tr.applies}</span>`);
    expect(turkish).toContain(`<span>${TEXTS.tr.doesNotApply}</span>`);
  });

  it('is read back in the same words on the review, and a part that does not apply is not listed', () => {
    const html = review({
      vertretungTrifftZu: false,
      // Typed before the citizen changed the answer: hidden now, so not sent and not listed.
      vertretung: { name: 'Erika Muster' },
      anschrift: { inland: { strasse: 'Markt 1' } },
    });
    expect(html).toContain('Trifft nicht zu');
    expect(html).not.toContain('Erika Muster');
    expect(html).not.toContain('Name der Vertretung');
  });
});

describe('a field a condition requires inside a group', () => {
  it('is marked optional only while the condition does not hold', () => {
    const answers = (art: string) => ({ vertretungTrifftZu: true, vertretung: { art } });
    expect(step(answers('eltern'))).toContain('Aktenzeichen des Betreuungsgerichts (freiwillig)');
    const html = step(answers('betreuung'));
    expect(html).toContain('Aktenzeichen des Betreuungsgerichts');
    expect(html).not.toContain('Aktenzeichen des Betreuungsgerichts (freiwillig)');
    // The group's own required fields stay required, the others optional.
    expect(html).not.toContain('Name der Vertretung (freiwillig)');
  });
});

describe('a group that holds only another group', () => {
  it('is one frame with the inner title and help below its legend', () => {
    const html = step({});
    expect(html.match(/<fieldset class="kiosk-section">/g)).toHaveLength(1); // Vertretung is hidden
    expect(html).toContain('<legend class="kiosk-section__title">Anschrift</legend>');
    expect(html).toContain('<p class="kiosk-section__subtitle">Inlandsanschrift</p>');
    expect(html).toContain('Wo Sie wohnen.');
    expect(html).not.toContain('<legend class="kiosk-section__title">Inlandsanschrift</legend>');
  });

  it('keeps the nesting of the answers', () => {
    const fields: { path: string; onChange(value: unknown): void }[] = [];
    let changed: unknown;
    GroupField({
      path: 'anschrift',
      ui: street,
      property: form.schema.properties['anschrift'] ?? {},
      value: { inland: { zusatz: 'Hinterhaus' } },
      error: undefined,
      locale: 'de',
      t: TEXTS.de,
      onChange: (value) => (changed = value),
      renderField: (field) => {
        fields.push(field);
        return null;
      },
    });
    expect(fields.map((f) => f.path)).toEqual(['anschrift/inland/strasse', 'anschrift/inland/zusatz']);
    fields[0]?.onChange('Markt 1');
    expect(changed).toEqual({ inland: { zusatz: 'Hinterhaus', strasse: 'Markt 1' } });
    fields[1]?.onChange(undefined);
    expect(changed).toEqual({ inland: {} });
  });

  it('is one list on the review too', () => {
    const html = review({ vertretungTrifftZu: false, anschrift: { inland: { strasse: 'Markt 1' } } });
    expect(html).toContain('Markt 1');
    expect(html).not.toContain('Inlandsanschrift');
    expect(html.match(/kiosk-review__nested/g)).toHaveLength(1);
  });
});

describe('marks of a shared form translation on a step', () => {
  const translated = (origin: 'human' | 'machine') =>
    ({
      ...mergeFormTranslations(form, [
        { locale: 'tr', origin, texts: { title: 'Başvuru', steps: { eins: 'Bilgiler' } } },
      ]),
      key: form.key,
    }) as StoredForm;

  it('marks a machine translation of the form in Turkish, and one by people not', () => {
    const machine = step({}, 'tr', translated('machine'));
    expect(machine).toContain('Başvuru');
    expect(machine).toContain('<h1 tabindex="-1">Bilgiler</h1>');
    expect(machine).toContain(TEXTS.tr.machineTranslated);
    expect(step({}, 'tr', translated('human'))).not.toContain(TEXTS.tr.machineTranslated);
  });

  it('says that field labels are shown in German where no translation has them', () => {
    expect(step({}, 'tr', translated('human'))).toContain(TEXTS.tr.fallbackNote);
    expect(step({}, 'en')).toContain(TEXTS.en.fallbackNote);
  });
});
