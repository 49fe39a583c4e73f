import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { demoContent } from '../../../demo/demo-content.js';
import type { Service } from '../../../protocol/catalog.js';
import type { Locale } from '../../../protocol/i18n.js';
import { mergeServiceTranslations } from '../../../protocol/translations.js';
import { TEXTS } from '../i18n/texts.js';
import { ServiceScreen } from './ServiceScreen.js';

/** The kiosk says, in the citizen's language, which texts a machine made and which are missing. */
describe('marks of shared translations on a service', () => {
  const base = demoContent.services.find((s) => s.id === 'wohnsitz-anmelden') as Service;
  const german: Service = {
    ...base,
    name: { de: base.name.de },
    shortText: { de: base.shortText.de },
    longText: { de: base.longText.de },
  };
  const render = (service: Service, locale: Locale) =>
    renderToStaticMarkup(
      <ServiceScreen
        t={TEXTS[locale]}
        locale={locale}
        service={service}
        office={undefined}
        hasForm
        onStartForm={() => undefined}
        onBack={() => undefined}
      />,
    );
  const shared = (origin: 'human' | 'machine') =>
    mergeServiceTranslations(german, [
      {
        locale: 'tr',
        origin,
        texts: { name: 'İkametgah kaydı', shortText: 'Kısa', longText: 'Uzun metin' },
      },
    ]);

  it('marks a machine translation as such, in Turkish', () => {
    const html = render(shared('machine'), 'tr');
    expect(html).toContain('<h1>İkametgah kaydı</h1>');
    expect(html).toContain(TEXTS.tr.machineTranslated);
    expect(html).not.toContain(TEXTS.tr.notTranslated);
  });

  it('shows a translation made by people without a mark', () => {
    const html = render(shared('human'), 'tr');
    expect(html).not.toContain(TEXTS.tr.machineTranslated);
    expect(html).not.toContain(TEXTS.tr.notTranslated);
  });

  it('falls back to German with a note where no translation exists, in Ukrainian', () => {
    const html = render(shared('machine'), 'uk');
    expect(html).toContain(`<h1 lang="de" dir="ltr">${german.name.de}</h1>`);
    expect(html).toContain(TEXTS.uk.notTranslated);
    expect(html).not.toContain(TEXTS.uk.machineTranslated);
  });
});
