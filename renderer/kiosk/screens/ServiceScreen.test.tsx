import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { demoContent } from '../../../hub/seed/demo-content.js';
import { TEXTS } from '../i18n/texts.js';
import { ServiceScreen } from './ServiceScreen.js';

describe('service texts that fall back to German', () => {
  const service = demoContent.services.find((s) => s.id === 'wohnsitz-anmelden');
  if (!service) throw new Error('demo service missing');
  const render = (locale: 'ar' | 'en') =>
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

  it('are marked as German, left to right, inside an Arabic page', () => {
    const html = render('ar');
    expect(html).toContain(`<h1 lang="de" dir="ltr">${service.name.de}</h1>`);
    expect(html).toMatch(/<li lang="de" dir="ltr">Personalausweis/);
  });

  it('are not marked where the translation exists', () => {
    expect(render('en')).toContain(`<h1>${service.name.en}</h1>`);
  });
});
