import type { FieldErrorCode, FieldUi } from '../../../../protocol/forms.js';
import { localize } from '../../../../protocol/i18n.js';
import type { Texts } from '../../i18n/texts.js';

/** The message next to a field: the form's own plain-language text for a wrong form, else the kiosk's. */
export function errorText(code: FieldErrorCode, ui: FieldUi, locale: string, t: Texts): string {
  if ((code === 'pattern' || code === 'format' || code === 'type') && ui.invalidMessage) {
    return localize(ui.invalidMessage, locale).text;
  }
  return t.fieldErrors[code];
}
