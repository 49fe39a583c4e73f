import { useState } from 'react';
import type { Locale } from '../../../protocol/i18n.js';
import { Button } from '../../shared/ui/index.js';
import type { Texts } from '../i18n/texts.js';
import { applyKey, keyLabel, layoutFor, type KeyboardKind } from './layouts.js';

export interface OnScreenKeyboardProps {
  t: Texts;
  locale: Locale;
  kind: KeyboardKind;
  target: HTMLInputElement | HTMLTextAreaElement;
  onClose(): void;
}

/**
 * The keyboard docked at the bottom of the screen. Every key is a real button with a name in the
 * citizen's language, so a screen reader or a switch can type with it as well as a finger. It
 * types into the field the way a real keyboard does (native value setter + input event), so
 * React and validation see the text; keys never take the focus away from the field.
 */
export default function OnScreenKeyboard({ t, locale, kind, target, onClose }: OnScreenKeyboardProps) {
  const [shift, setShift] = useState(false);
  const layout = layoutFor(kind, locale);
  const rows = (shift && layout['shift']) || layout['default'] || [];
  const press = (key: string) => {
    if (key === '{shift}') return setShift(!shift);
    const next = applyKey(target.value, key);
    if (next === null) return;
    typeInto(target, next);
    if (shift) setShift(false);
  };
  return (
    <div className="kiosk-keyboard" role="group" aria-label={t.keyboard} data-kind={kind} dir="ltr">
      {rows.map((row, rowIndex) => (
        <div key={rowIndex} className="kiosk-keyboard__row">
          {row.split(' ').map((key, index) => {
            const label = keyLabel(key, t.keys);
            return (
              <button
                key={`${key}-${index}`}
                type="button"
                className="kiosk-keyboard__key"
                data-skbtn={key}
                aria-label={label.name}
                aria-pressed={key === '{shift}' ? shift : undefined}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => press(key)}
              >
                <span aria-hidden="true">{label.shown}</span>
              </button>
            );
          })}
        </div>
      ))}
      <Button
        className="kiosk-keyboard__close"
        onMouseDown={(event) => event.preventDefault()}
        onClick={onClose}
      >
        {t.keyboardClose}
      </Button>
    </div>
  );
}

function typeInto(target: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const prototype =
    target instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const max = target.maxLength > 0 ? target.maxLength : Infinity;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(target, value.slice(0, max));
  target.dispatchEvent(new Event('input', { bubbles: true }));
}
