import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { demoContent } from '../../../demo/demo-content.js';
import type { Category, LifeSituation, Service } from '../../../protocol/catalog.js';
import { ATTACHMENT_DEFAULTS } from '../../../protocol/attachments.js';
import { FormDefinition, type FieldUi } from '../../../protocol/forms.js';
import type { Locale } from '../../../protocol/i18n.js';
import { germanParts, langDeCount } from '../i18n/german-parts.testing.js';
import { TEXTS } from '../i18n/texts.js';
import type { StoredForm } from '../storage/index.js';
import { FormField } from '../components/FormField.js';
import { AttractScreen } from './AttractScreen.js';
import { CatalogScreen } from './CatalogScreen.js';
import { FormStepScreen } from './FormStepScreen.js';
import { ReceiptScreen } from './ReceiptScreen.js';
import { ReviewScreen } from './ReviewScreen.js';

/**
 * WCAG 2.1 SC 3.1.2: German shown in place of a missing translation is marked lang="de" dir="ltr",
 * exactly there; translated texts are not. Each text below is either in all three languages or
 * German only, so the expected German parts are the same in Turkish and Arabic.
 */
const all = (de: string, tr: string, ar: string) => ({ de, tr, ar });
const germanOnly = (de: string) => ({ de });

const form: StoredForm = {
  key: 'hundesteuer@1',
  ...FormDefinition.parse({
    id: 'hundesteuer',
    version: 1,
    title: germanOnly('Hundesteuer'),
    description: germanOnly('Hundesteuer'),
    officeId: 'buergerbuero',
    schema: {
      type: 'object',
      properties: {
        name: { type: 'string' },
        rasse: { type: 'string', enum: ['mischling', 'dackel'] },
        anschrift: {
          type: 'object',
          properties: { strasse: { type: 'string' } },
          additionalProperties: false,
        },
        geburt: { type: 'string' },
        hunde: { type: 'array', items: { type: 'string' } },
      },
      required: ['name', 'rasse'],
      additionalProperties: false,
    },
    ui: {
      steps: [
        {
          id: 'halter',
          title: all('Halter', 'Sahip', 'المالك'),
          fields: ['name', 'rasse', 'anschrift', 'geburt', 'foto'],
        },
        { id: 'hund', title: germanOnly('Hund'), fields: ['hunde'] },
      ],
      fields: {
        name: {
          label: all('Name', 'Ad', 'الاسم'),
          help: germanOnly('Wie im Ausweis'),
          invalidMessage: germanOnly('Nur Buchstaben'),
          widget: 'text',
        },
        rasse: {
          label: germanOnly('Rasse'),
          widget: 'choice',
          options: [
            { value: 'mischling', label: all('Mischling', 'Melez', 'هجين') },
            { value: 'dackel', label: germanOnly('Dackel') },
          ],
        },
        anschrift: {
          label: all('Anschrift', 'Adres', 'العنوان'),
          widget: 'group',
          fields: { strasse: { label: germanOnly('Straße'), widget: 'text' } },
        },
        geburt: { label: germanOnly('Geburtsdatum'), widget: 'date' },
        foto: { label: germanOnly('Foto'), help: all('Hell', 'Aydınlık', 'مضاء'), widget: 'photo' },
        hunde: {
          label: all('Hunde', 'Köpekler', 'الكلاب'),
          widget: 'repeat',
          item: { label: germanOnly('Hund'), widget: 'text' },
        },
      },
    },
    updatedAt: '2026-11-21T10:00:00.000Z',
  }),
};

const LOCALES: Locale[] = ['tr', 'ar'];
const noop = () => undefined;

describe.each(LOCALES)('German fallback marked in %s', (locale) => {
  const t = TEXTS[locale];

  it('on a form step: title, help, the form’s own error message, labels, options', () => {
    const html = renderToStaticMarkup(
      <FormStepScreen
        t={t}
        locale={locale}
        form={form}
        stepIndex={0}
        answers={{}}
        errors={{ name: 'pattern' }}
        onChange={noop}
        attachments={{
          items: [],
          limits: ATTACHMENT_DEFAULTS,
          onAdd: () => Promise.resolve(null),
          onRemove: noop,
        }}
        onNext={noop}
        onBack={noop}
      />,
    );
    expect(germanParts(html)).toEqual([
      'Hundesteuer',
      'Wie im Ausweis',
      'Nur Buchstaben',
      'Rasse',
      'Dackel',
      'Straße',
      'Geburtsdatum',
      'Foto',
    ]);
    expect(langDeCount(html)).toBe(8);
    // The kiosk's own "(optional)" stays outside the German part.
    expect(html).toContain(`<span lang="de" dir="ltr">Straße</span> (${t.optional})`);
    expect(html).toContain(`>${form.ui.steps[0]?.title[locale]}</h1>`);
  });

  it('on a form step whose title is German only, but not on the kiosk’s own "Entry 1"', () => {
    const html = renderToStaticMarkup(
      <FormStepScreen
        t={t}
        locale={locale}
        form={form}
        stepIndex={1}
        answers={{}}
        errors={{}}
        onChange={noop}
        onNext={noop}
        onBack={noop}
      />,
    );
    expect(germanParts(html)).toEqual(['Hundesteuer', 'Hund']);
    expect(langDeCount(html)).toBe(2);
    expect(html).toContain(t.entry(1));
  });

  it('on the review: labels, a chosen option, step titles (also inside the "change" button)', () => {
    const html = renderToStaticMarkup(
      <ReviewScreen
        t={t}
        locale={locale}
        form={form}
        answers={{ name: 'Ali', rasse: 'dackel', anschrift: { strasse: 'Hauptstr. 1' }, hunde: ['Bello'] }}
        busy={false}
        failure={null}
        onEdit={noop}
        onSubmit={noop}
        onBack={noop}
      />,
    );
    expect(germanParts(html)).toEqual([
      'Hundesteuer',
      'Rasse',
      'Dackel',
      'Straße',
      'Geburtsdatum',
      'Foto',
      'Hund',
      'Hund',
    ]);
    expect(langDeCount(html)).toBe(8);
    // The button's name, "Change: Hund", is hidden text so the German step title keeps its lang.
    expect(html).toContain(`${t.change}: <span lang="de" dir="ltr">Hund</span>`);
  });

  it('on the review, a translated option in the citizen’s language without marks', () => {
    const html = renderToStaticMarkup(
      <ReviewScreen
        t={t}
        locale={locale}
        form={form}
        answers={{ name: 'Ali', rasse: 'mischling' }}
        busy={false}
        failure={null}
        onEdit={noop}
        onSubmit={noop}
        onBack={noop}
      />,
    );
    expect(html).toContain(`<dd>${form.ui.fields['rasse']?.options?.[0]?.label[locale]}</dd>`);
    expect(germanParts(html)).not.toContain('Mischling');
  });

  it('on the receipt (screen and printout): form title and office, not the translated processing time', () => {
    const office = demoContent.offices[0];
    if (!office) throw new Error('demo office missing');
    const html = renderToStaticMarkup(
      <ReceiptScreen
        t={t}
        locale={locale}
        trackingCode="ABCD-EFGH"
        formTitle={form.title}
        municipality="Gemeinde Lindenau"
        office={{ ...office, name: germanOnly('Bürgerbüro') }}
        processingTime={all('2 Wochen', '2 hafta', 'أسبوعان')}
        submittedAt="2026-11-21T10:00:00.000Z"
        delivered
        printState="idle"
        onPrint={noop}
        onFinish={noop}
      />,
    );
    expect(germanParts(html)).toEqual(['Hundesteuer', 'Bürgerbüro']);
    expect(langDeCount(html)).toBe(2);
    expect(html).toContain(`${t.processingTime}: ${locale === 'tr' ? '2 hafta' : 'أسبوعان'}`);
  });

  it('in the catalog: tiles, categories and life situations', () => {
    const [first, second] = demoContent.services;
    if (!first || !second) throw new Error('demo services missing');
    const services: Service[] = [
      {
        ...first,
        name: all('Hundesteuer anmelden', 'Köpek vergisi', 'ضريبة الكلاب'),
        shortText: germanOnly('Kurz erklärt'),
      },
      { ...second, name: germanOnly('Sperrmüll'), shortText: all('Abholung', 'Toplama', 'الجمع') },
    ];
    const categories: Category[] = [
      { id: 'ordnung', name: germanOnly('Ordnung'), icon: '', order: 1 },
      { id: 'familie', name: all('Familie', 'Aile', 'الأسرة'), icon: '', order: 2 },
    ];
    const lifeSituations: LifeSituation[] = [
      { id: 'umzug', name: germanOnly('Umzug') },
      { id: 'hund', name: all('Hund', 'Köpek', 'كلب') },
    ];
    const html = renderToStaticMarkup(
      <CatalogScreen
        t={t}
        locale={locale}
        services={services}
        categories={categories}
        lifeSituations={lifeSituations}
        onOpen={noop}
        onOpenStatus={noop}
      />,
    );
    expect(germanParts(html).sort()).toEqual(['Kurz erklärt', 'Ordnung', 'Sperrmüll', 'Umzug']);
    expect(langDeCount(html)).toBe(4);
  });
});

describe.each(LOCALES)('German fallback marked in %s, more places', (locale) => {
  const t = TEXTS[locale];

  it('in an address: the parts without a translation, not the translated group title', () => {
    const text = (label: { de: string }): FieldUi => ({ label, widget: 'text' });
    const ui: FieldUi = {
      label: all('Anschrift', 'Adres', 'العنوان'),
      widget: 'address',
      fields: {
        strasse: text(germanOnly('Straße')),
        plz: text(all('Postleitzahl', 'Posta kodu', 'الرمز البريدي')),
        ort: text(germanOnly('Ort')),
      },
      address: { parts: { street: 'strasse', postalCode: 'plz', city: 'ort' }, places: [] },
    };
    const string = { type: 'string' };
    const html = renderToStaticMarkup(
      <FormField
        name="anschrift"
        ui={ui}
        property={{
          type: 'object',
          properties: { strasse: string, plz: string, ort: string },
          required: ['strasse', 'plz', 'ort'],
          additionalProperties: false,
        }}
        required
        value={undefined}
        error={undefined}
        locale={locale}
        t={t}
        onChange={noop}
      />,
    );
    expect(germanParts(html)).toEqual(['Straße', 'Ort']);
    expect(langDeCount(html)).toBe(2);
  });

  it('on the attract screen: a German-only subtitle, not the translated title', () => {
    const html = renderToStaticMarkup(
      <AttractScreen
        t={t}
        locale={locale}
        title={all('Rathaus', 'Belediye', 'البلدية')}
        subtitle={germanOnly('Gemeinde Lindenau')}
        onStart={noop}
      />,
    );
    expect(germanParts(html)).toEqual(['Gemeinde Lindenau']);
    expect(langDeCount(html)).toBe(1);
  });
});
