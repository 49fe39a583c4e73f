import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FieldUi } from '../../../protocol/forms.js';
import { TEXTS } from '../i18n/texts.js';
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
