import { lazy, Suspense, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Locale } from '../../../protocol/i18n.js';
import type { Texts } from '../i18n/texts.js';
import type { KeyboardKind } from './layouts.js';

// Loaded on first use: most visits never type, and the start screen should not wait for it.
const OnScreenKeyboard = lazy(() => import('./OnScreenKeyboard.js'));

type TextTarget = HTMLInputElement | HTMLTextAreaElement;

export interface KeyboardHostProps {
  t: Texts;
  locale: Locale;
}

/**
 * Opens the on-screen keyboard when a text field is touched (a physical keyboard or a switch
 * needs none), picks the layout from the field, and keeps the field visible above the keyboard:
 * the page gets bottom padding of the keyboard's height and the field is scrolled clear of it.
 */
export function KeyboardHost({ t, locale }: KeyboardHostProps) {
  const [target, setTarget] = useState<TextTarget | null>(null);
  const lastPointer = useRef<string>('mouse');
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      lastPointer.current = event.pointerType;
    };
    const onFocus = (event: FocusEvent) => {
      const element = event.target;
      if (isTextTarget(element) && lastPointer.current === 'touch') setTarget(element);
      // A tapped choice ends the typing: the keyboard would only cover the next question.
      else if (isChoice(element)) setTarget(null);
    };
    const onOpenRequest = () => {
      const active = document.activeElement;
      if (isTextTarget(active)) setTarget(active);
    };
    document.addEventListener('pointerdown', onPointer, true);
    document.addEventListener('focusin', onFocus);
    document.addEventListener('pop:open-keyboard', onOpenRequest);
    return () => {
      document.removeEventListener('pointerdown', onPointer, true);
      document.removeEventListener('focusin', onFocus);
      document.removeEventListener('pop:open-keyboard', onOpenRequest);
    };
  }, []);

  // A field that leaves the page (next step, new screen) closes the keyboard.
  useEffect(() => {
    if (!target) return;
    const observer = new MutationObserver(() => {
      if (!target.isConnected) setTarget(null);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [target]);

  useLayoutEffect(() => {
    const root = document.documentElement;
    if (!target) {
      root.style.removeProperty('--kiosk-keyboard-height');
      return;
    }
    const keep = () => {
      const height = container.current?.getBoundingClientRect().height ?? 0;
      root.style.setProperty('--kiosk-keyboard-height', `${Math.ceil(height)}px`);
      keepAbove(target, height);
    };
    keep();
    const observer = new ResizeObserver(keep);
    if (container.current) observer.observe(container.current);
    target.addEventListener('input', keep);
    return () => {
      observer.disconnect();
      target.removeEventListener('input', keep);
    };
  }, [target]);

  if (!target) return null;
  return (
    <div ref={container} className="kiosk-keyboard-dock" data-testid="on-screen-keyboard">
      <Suspense fallback={null}>
        <OnScreenKeyboard
          t={t}
          locale={locale}
          kind={kindOf(target)}
          target={target}
          onClose={() => setTarget(null)}
        />
      </Suspense>
    </div>
  );
}

function isChoice(element: unknown): boolean {
  return element instanceof HTMLInputElement && (element.type === 'radio' || element.type === 'checkbox');
}

function isTextTarget(element: unknown): element is TextTarget {
  if (element instanceof HTMLTextAreaElement) return true;
  return (
    element instanceof HTMLInputElement &&
    ['text', 'search', 'email', 'tel', 'number', 'url', 'password'].includes(element.type)
  );
}

export function kindOf(target: TextTarget): KeyboardKind {
  const declared = target.dataset['keyboard'];
  if (declared === 'numeric' || declared === 'tel' || declared === 'email') return declared;
  if (target instanceof HTMLInputElement && target.type === 'email') return 'email';
  if (target instanceof HTMLInputElement && target.type === 'tel') return 'tel';
  return 'text';
}

/** Scrolls so the field's bottom sits above the keyboard with a margin. */
function keepAbove(field: TextTarget, keyboardHeight: number): void {
  const margin = 16;
  const limit = window.innerHeight - keyboardHeight - margin;
  const rect = field.getBoundingClientRect();
  if (rect.bottom > limit) window.scrollBy({ top: rect.bottom - limit, behavior: 'instant' });
  else if (rect.top < margin) window.scrollBy({ top: rect.top - margin, behavior: 'instant' });
}
