import type { FieldUi } from '../../../../protocol/forms.js';
import type { Texts } from '../../i18n/texts.js';

/** "Ja"/"Nein", or "Trifft auf mich zu"/"Trifft nicht zu" for a question whether a part applies. */
export function yesNoText(ui: FieldUi | undefined, answer: boolean, t: Texts): string {
  if (ui?.wording === 'applies') return answer ? t.applies : t.doesNotApply;
  return answer ? t.yes : t.no;
}
