import { useState } from 'react';
import Keyboard from 'react-simple-keyboard';
import 'react-simple-keyboard/build/css/index.css';
import type { Locale } from '../../../protocol/i18n.js';
import { Button } from '../../shared/ui/index.js';
import type { Texts } from '../i18n/texts.js';
import { applyKey, layoutFor, type KeyboardKind } from './layouts.js';

export interface OnScreenKeyboardProps {
  t: Texts;
  locale: Locale;
  kind: KeyboardKind;
  target: HTMLInputElement | HTMLTextAreaElement;
  onClose(): void;
}

/**
 * The keyboard docked at the bottom of the screen. It types into the focused field the way a
 * real keyboard does (native value setter + input event), so React and validation see the text;
 * keys never take the focus away from the field.
 */
export default function OnScreenKeyboard({ t, locale, kind, target, onClose }: OnScreenKeyboardProps) {
  const [shift, setShift] = useState(false);
  const layout = layoutFor(kind, locale);
  return (
    <div className="kiosk-keyboard" role="group" aria-label={t.keyboard} data-kind={kind} dir="ltr">
      <Keyboard
        layout={layout}
        layoutName={shift && layout['shift'] ? 'shift' : 'default'}
        display={{ '{bksp}': '⌫', '{shift}': '⇧', '{space}': ' ', '{enter}': '↵' }}
        preventMouseDownDefault
        theme="hg-theme-default kiosk-keyboard__keys"
        onKeyPress={(button: string) => {
          if (button === '{shift}') return setShift(!shift);
          const next = applyKey(target.value, button);
          if (next === null) return;
          typeInto(target, next);
          if (shift) setShift(false);
        }}
      />
      <Button onMouseDown={(event) => event.preventDefault()} onClick={onClose}>
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
