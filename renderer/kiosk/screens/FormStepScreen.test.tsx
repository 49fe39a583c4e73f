import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_DEFAULTS } from '../../../protocol/attachments.js';
import { FormDefinition } from '../../../protocol/forms.js';
import { requiredWhen } from '../../../protocol/required-when.js';
import { TEXTS } from '../i18n/texts.js';
import type { StoredForm } from '../storage/index.js';
import { FormStepScreen } from './FormStepScreen.js';

const label = (de: string) => ({ de });
const form: StoredForm = {
  key: 'versicherung@1',
  ...FormDefinition.parse({
    id: 'versicherung',
    version: 1,
    title: label('Versicherung'),
    description: label('Versicherung'),
    officeId: 'buergerbuero',
    schema: {
      type: 'object',
      properties: { insured: { type: 'boolean' }, insurer: { type: 'string' } },
      required: ['insured'],
      additionalProperties: false,
      allOf: [requiredWhen({ field: 'insured', equals: true }, ['insurer'])],
    },
    ui: {
      steps: [{ id: 'eins', title: label('Eins'), fields: ['insured', 'insurer', 'card'] }],
      fields: {
        insured: { label: label('Versichert?'), widget: 'yesno' },
        insurer: { label: label('Krankenkasse'), widget: 'text' },
        card: {
          label: label('Versichertenkarte'),
          widget: 'scan',
          minCount: 1,
          visibleWhen: { field: 'insured', equals: true },
        },
      },
    },
    updatedAt: '2026-11-21T10:00:00.000Z',
  }),
};

const render = (answers: Record<string, boolean>) =>
  renderToStaticMarkup(
    <FormStepScreen
      t={TEXTS.de}
      locale="de"
      form={form}
      stepIndex={0}
      answers={answers}
      errors={{}}
      onChange={() => undefined}
      attachments={{
        items: [],
        limits: ATTACHMENT_DEFAULTS,
        onAdd: () => Promise.resolve(null),
        onRemove: () => undefined,
      }}
      onNext={() => undefined}
      onBack={() => undefined}
    />,
  );

describe('a form step with conditions', () => {
  it('labels a field required on a condition as required only while the condition holds', () => {
    expect(render({ insured: false })).toContain('Krankenkasse (freiwillig)');
    expect(render({ insured: true })).toContain('Krankenkasse');
    expect(render({ insured: true })).not.toContain('Krankenkasse (freiwillig)');
  });

  it('shows a required scan field only while its condition holds, labelled required', () => {
    expect(render({ insured: false })).not.toContain('Versichertenkarte');
    expect(render({ insured: true })).toContain(
      '<legend class="pop-field__label">Versichertenkarte</legend>',
    );
  });
});
