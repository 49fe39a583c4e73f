import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../log.js';
import { guardKeyboard, type KeyboardGuardedContents } from './keyboard-guard.js';

function guarded(devTools = false) {
  const lines: string[] = [];
  const log: Logger = { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
  const emitter = new EventEmitter();
  guardKeyboard(emitter as unknown as KeyboardGuardedContents, { devTools, log });
  const press = (
    key: string,
    mods: { control?: boolean; alt?: boolean; shift?: boolean; meta?: boolean } = {},
    type = 'keyDown',
  ) => {
    let prevented = false;
    emitter.emit(
      'before-input-event',
      { preventDefault: () => (prevented = true) },
      { type, key, control: false, alt: false, shift: false, meta: false, ...mods },
    );
    return prevented;
  };
  return { press, lines };
}

describe('guardKeyboard', () => {
  it('stops reload, close, devtools and zoom before the page sees them', () => {
    const { press, lines } = guarded();
    expect(press('F5')).toBe(true);
    expect(press('w', { control: true })).toBe(true);
    expect(press('F4', { alt: true })).toBe(true);
    expect(press('I', { control: true, shift: true })).toBe(true);
    expect(press('+', { control: true })).toBe(true);
    expect(lines[0]).toBe('blocked a reload shortcut');
  });

  it('lets typing and dialogs work', () => {
    const { press } = guarded();
    expect(press('a')).toBe(false);
    expect(press('Escape')).toBe(false);
    expect(press('Tab', { shift: true })).toBe(false);
    expect(press('F5', {}, 'keyUp')).toBe(false);
  });

  it('lets developer tools open in a development build that allows them', () => {
    expect(guarded(true).press('F12')).toBe(false);
  });
});
