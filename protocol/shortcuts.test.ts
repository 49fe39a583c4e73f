import { describe, expect, it } from 'vitest';
import { blockedShortcut, type KeyFacts } from './shortcuts.js';

const none = { ctrl: false, alt: false, shift: false, meta: false };
const press = (key: string, mods: Partial<Omit<KeyFacts, 'key'>> = {}): KeyFacts => ({
  ...none,
  ...mods,
  key,
});

describe('blockedShortcut', () => {
  it.each([
    ['F5', press('F5'), 'reload'],
    ['Ctrl+R', press('r', { ctrl: true }), 'reload'],
    ['Ctrl+Shift+R', press('R', { ctrl: true, shift: true }), 'reload'],
    ['Ctrl+W', press('w', { ctrl: true }), 'close'],
    ['Alt+F4', press('F4', { alt: true }), 'close'],
    ['Cmd+Q', press('q', { meta: true }), 'close'],
    ['Ctrl+N', press('n', { ctrl: true }), 'new-window'],
    ['Ctrl+T', press('t', { ctrl: true }), 'new-window'],
    ['Ctrl+Tab', press('Tab', { ctrl: true }), 'new-window'],
    ['Alt+Left', press('ArrowLeft', { alt: true }), 'history'],
    ['BrowserBack', press('BrowserBack'), 'history'],
    ['F12', press('F12'), 'devtools'],
    ['Ctrl+Shift+I', press('I', { ctrl: true, shift: true }), 'devtools'],
    ['Ctrl+U', press('u', { ctrl: true }), 'devtools'],
    ['Ctrl+Plus', press('+', { ctrl: true }), 'zoom'],
    ['Ctrl+Minus', press('-', { ctrl: true }), 'zoom'],
    ['Ctrl+0', press('0', { ctrl: true }), 'zoom'],
    ['Ctrl+P', press('p', { ctrl: true }), 'print-dialog'],
    ['Ctrl+S', press('s', { ctrl: true }), 'save-open'],
    ['Ctrl+O', press('o', { ctrl: true }), 'save-open'],
    ['Ctrl+F', press('f', { ctrl: true }), 'browser-ui'],
    ['Alt', press('Alt', { alt: true }), 'browser-ui'],
    ['F11', press('F11'), 'fullscreen'],
    ['Ctrl+C', press('c', { ctrl: true }), 'clipboard'],
    ['Ctrl+V', press('v', { ctrl: true }), 'clipboard'],
    ['Shift+Insert', press('Insert', { shift: true }), 'clipboard'],
  ])('blocks %s', (_label, keys, reason) => {
    expect(blockedShortcut(keys)).toBe(reason);
  });

  it.each([
    ['a letter', press('a')],
    ['a capital', press('A', { shift: true })],
    ['an umlaut', press('ü')],
    ['AltGr+Q (@ on German keyboards)', press('@', { ctrl: true, alt: true })],
    ['Backspace', press('Backspace')],
    ['Tab', press('Tab')],
    ['Shift+Tab', press('Tab', { shift: true })],
    ['Enter', press('Enter')],
    ['Escape (closes dialogs)', press('Escape')],
    ['arrows', press('ArrowLeft')],
    ['Ctrl+A (select within a field)', press('a', { ctrl: true })],
    ['Ctrl+Z (undo within a field)', press('z', { ctrl: true })],
  ])('lets %s through', (_label, keys) => {
    expect(blockedShortcut(keys)).toBeNull();
  });

  it('lets developer tools open only when the shell allows them', () => {
    expect(blockedShortcut(press('F12'), { devTools: true })).toBeNull();
    expect(blockedShortcut(press('i', { ctrl: true, shift: true }), { devTools: true })).toBeNull();
    expect(blockedShortcut(press('F12'), { devTools: false })).toBe('devtools');
  });
});
