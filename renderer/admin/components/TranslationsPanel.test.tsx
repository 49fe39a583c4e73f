import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { de } from '../texts.js';
import { TranslationsPanel } from './TranslationsPanel.js';

describe('the admin console’s translations view', () => {
  it('shows per language what people and machines translated and what is missing', () => {
    const none = { human: 0, machine: 0, missing: 2 };
    const html = renderToStaticMarkup(
      <TranslationsPanel
        t={de}
        coverage={{
          services: 3,
          forms: 2,
          languages: [
            { locale: 'tr', services: { human: 1, machine: 1, missing: 1 }, forms: none },
            { locale: 'uk', services: { human: 0, machine: 0, missing: 3 }, forms: none },
          ],
        }}
      />,
    );
    expect(html).toContain('<h2 id="admin-translations">Übersetzungen</h2>');
    expect(html).toContain('<th scope="row">Türkisch</th><td>von Menschen 1 · maschinell 1 · fehlt 1</td>');
    expect(html).toContain('<th scope="row">Ukrainisch</th><td>von Menschen 0 · maschinell 0 · fehlt 3</td>');
  });
});
