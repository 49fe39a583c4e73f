import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_DEFAULTS } from '../../../../protocol/attachments.js';
import type { FieldErrorCode, FieldUi } from '../../../../protocol/forms.js';
import { TEXTS } from '../../i18n/texts.js';
import type { DraftAttachment } from '../../storage/index.js';
import { AttachmentField } from './AttachmentField.js';

const photo: DraftAttachment = {
  id: 'a1',
  fieldId: 'registration',
  name: 'foto-1.jpg',
  mediaType: 'image/jpeg',
  size: 4,
  bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
  createdAt: '2026-11-21T10:00:00.000Z',
};

const render = (
  ui: FieldUi,
  {
    items = [],
    error,
    locale = 'de',
    room = { left: ATTACHMENT_DEFAULTS.maxCount - items.length, reserved: 0 },
  }: {
    items?: DraftAttachment[];
    error?: FieldErrorCode;
    locale?: 'de' | 'ar';
    room?: { left: number; reserved: number };
  } = {},
) =>
  renderToStaticMarkup(
    <AttachmentField
      name="registration"
      ui={ui}
      kind="photo"
      items={items}
      error={error}
      limits={ATTACHMENT_DEFAULTS}
      room={room}
      locale={locale}
      t={TEXTS[locale]}
      onAdd={() => Promise.resolve(null)}
      onRemove={() => undefined}
    />,
  );

const optional: FieldUi = { label: { de: 'Fahrzeugschein', ar: 'رخصة' }, widget: 'photo' };
const required: FieldUi = { ...optional, minCount: 1 };

describe('a required photo field', () => {
  it('is labelled like other required fields (no "freiwillig"), an optional one says so', () => {
    expect(render(required)).toContain('<legend class="pop-field__label">Fahrzeugschein</legend>');
    expect(render(optional)).toContain(
      '<legend class="pop-field__label">Fahrzeugschein (freiwillig)</legend>',
    );
  });

  it('shows the missing photo beside the field, tied to it for screen readers, in the citizen’s language', () => {
    const html = render(required, { error: 'required' });
    expect(html).toContain('aria-describedby="field-registration-missing"');
    expect(html).toContain(
      '<p class="pop-field__error" id="field-registration-missing">Dieses Dokument wird für den Antrag gebraucht. Bitte nehmen Sie es auf.</p>',
    );
    expect(render(required, { error: 'required', locale: 'ar' })).toContain(TEXTS.ar.attachments.missing(1));
    expect(render({ ...required, minCount: 2 }, { error: 'tooFew', items: [photo] })).toContain(
      'Für den Antrag werden hier mindestens 2 Aufnahmen gebraucht.',
    );
  });

  it('drops the message once it has enough photos, and shows none before the citizen tried to go on', () => {
    expect(render(required, { error: 'required', items: [photo] })).not.toContain('pop-field__error');
    expect(render(required)).not.toContain('pop-field__error');
    expect(render(required)).not.toContain('aria-describedby');
  });
});

describe('the count of a photo field', () => {
  it('counts this field’s files against the room it has, not the whole terminal limit', () => {
    expect(render(optional, { items: [photo], room: { left: 4, reserved: 0 } })).toContain(
      '1 von höchstens 5 Dateien',
    );
    // Four other required documents keep their room: this field may take one.
    expect(render(required, { room: { left: 1, reserved: 4 } })).toContain('0 von höchstens 1 Datei<');
  });
});
