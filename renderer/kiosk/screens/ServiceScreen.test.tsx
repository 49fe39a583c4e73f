import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { demoContent } from '../../../demo/demo-content.js';
import { LOCALES, type Locale } from '../../../protocol/i18n.js';
import { TEXTS } from '../i18n/texts.js';
import { ServiceScreen } from './ServiceScreen.js';

describe('service texts that fall back to German', () => {
  const service = demoContent.services.find((s) => s.id === 'wohnsitz-anmelden');
  if (!service) throw new Error('demo service missing');
  const office = demoContent.offices[0];
  if (!office) throw new Error('demo office missing');
  const render = (locale: 'ar' | 'en', withOffice = office) =>
    renderToStaticMarkup(
      <ServiceScreen
        t={TEXTS[locale]}
        locale={locale}
        service={service}
        office={withOffice}
        hasForm
        onStartForm={() => undefined}
        onBack={() => undefined}
      />,
    );

  it('are marked as German, left to right, inside an Arabic page', () => {
    const html = render('ar');
    expect(html).toContain(`<h1 lang="de" dir="ltr">${service.name.de}</h1>`);
    // In the item, not on the <li>: the bullet stays on the right of the Arabic page.
    expect(html).toMatch(/<li><span lang="de" dir="ltr">Personalausweis/);
  });

  it('are not marked where the translation exists', () => {
    expect(render('en')).toContain(`<h1>${service.name.en}</h1>`);
  });

  it('mark the office name without a translation, and the legal citations, which are German anyway', () => {
    const html = render('ar', { ...office, name: { de: 'Bürgerbüro Lindenau' } });
    expect(html).toContain('<strong lang="de" dir="ltr">Bürgerbüro Lindenau</strong>');
    for (const basis of service.legalBasis)
      expect(html).toContain(`<li><span lang="de" dir="ltr">${basis}</span></li>`);
    const translated = render('ar', { ...office, name: { de: 'Bürgerbüro', ar: 'مكتب المواطنين' } });
    expect(translated).toContain('<strong>مكتب المواطنين</strong>');
  });
});

describe('a form that needs more files than this terminal takes', () => {
  const service = demoContent.services.find((s) => s.id === 'blaue-karte-eu');
  if (!service) throw new Error('demo service missing');
  const render = (locale: Locale, callOffered: boolean, tooManyFiles = { needed: 5, allowed: 3 }) =>
    renderToStaticMarkup(
      <ServiceScreen
        t={TEXTS[locale]}
        locale={locale}
        service={service}
        office={undefined}
        hasForm
        tooManyFiles={tooManyFiles}
        callOffered={callOffered}
        onStartForm={() => undefined}
        onBack={() => undefined}
      />,
    );

  it('is not offered to start; the citizen reads where to apply instead, in every language', () => {
    for (const locale of LOCALES) {
      const html = render(locale, false);
      expect(html).not.toContain(TEXTS[locale].startForm);
      expect(html).toContain(
        `<p class="kiosk-note" role="status">${TEXTS[locale].formNeedsMoreFiles(5, 3)}</p>`,
      );
      expect(TEXTS[locale].formNeedsMoreFiles(5, 3)).toMatch(/5[^0-9]+3/);
    }
  });

  it('names the video call where the terminal offers one', () => {
    expect(render('de', true)).toContain(
      `${TEXTS.de.formNeedsMoreFiles(5, 3)} ${TEXTS.de.formNeedsMoreFilesCall}</p>`,
    );
    expect(render('de', false)).not.toContain(TEXTS.de.formNeedsMoreFilesCall);
  });
});

describe('fees', () => {
  const service = demoContent.services.find((s) => s.id === 'wohnsitz-anmelden');
  if (!service) throw new Error('demo service missing');
  const render = (fees: typeof service.fees) =>
    renderToStaticMarkup(
      <ServiceScreen
        t={TEXTS.de}
        locale="de"
        service={{ ...service, fees }}
        office={undefined}
        hasForm
        onStartForm={() => undefined}
        onBack={() => undefined}
      />,
    );

  it('say a free fee once: its own sentence, or "gebührenfrei" when it has none', () => {
    const described = render([{ description: { de: 'Die Anmeldung ist gebührenfrei.' }, amountCents: 0 }]);
    expect(described).toContain('<li><span>Die Anmeldung ist gebührenfrei.</span></li>');
    expect(described).not.toContain('gebührenfrei.: gebührenfrei');
    expect(render([{ description: { de: '' }, amountCents: 0 }])).toContain(
      '<li><span>gebührenfrei</span></li>',
    );
    expect(render([{ description: { de: 'Reisepass' }, amountCents: 3700 }])).toContain('Reisepass: 37,00');
  });
});
