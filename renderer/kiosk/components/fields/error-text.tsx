import type { ReactNode } from 'react';
import type { FieldErrorCode, FieldUi } from '../../../../protocol/forms.js';
import { Localized } from '../../i18n/Localized.js';
import type { Texts } from '../../i18n/texts.js';

/** The message next to a field: the form's own plain-language text for a wrong form, else the kiosk's. */
export function errorText(code: FieldErrorCode, ui: FieldUi, locale: string, t: Texts): ReactNode {
  if ((code === 'pattern' || code === 'format' || code === 'type') && ui.invalidMessage) {
    return <Localized text={ui.invalidMessage} locale={locale} />;
  }
  return t.fieldErrors[code];
}
