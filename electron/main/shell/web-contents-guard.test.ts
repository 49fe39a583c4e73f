import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../log.js';
import { guardWebContents, type GuardedWebContents } from './web-contents-guard.js';

type OpenHandler = Parameters<GuardedWebContents['setWindowOpenHandler']>[0];

function guarded() {
  const lines: string[] = [];
  const log: Logger = {
    info: (m) => lines.push(m),
    warn: (m) => lines.push(m),
    error: (m) => lines.push(m),
  };
  const emitter = new EventEmitter();
  let openHandler: OpenHandler | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: OpenHandler) => {
      openHandler = handler;
    },
  });
  guardWebContents(contents as unknown as GuardedWebContents, log);
  const fire = (event: string, fields: object = {}) => {
    let prevented = false;
    emitter.emit(event, {
      ...fields,
      preventDefault: () => {
        prevented = true;
      },
    });
    return prevented;
  };
  return { fire, lines, openHandler: () => openHandler };
}

describe('guardWebContents', () => {
  it.each(['will-navigate', 'will-redirect'])('lets %s stay on the app origin', (event) => {
    const { fire, lines } = guarded();
    expect(fire(event, { url: 'app://kiosk/kiosk/index.html' })).toBe(false);
    expect(lines).toEqual([]);
  });

  it.each(['will-navigate', 'will-redirect'])('stops %s to anywhere else and says so', (event) => {
    const { fire, lines } = guarded();
    expect(fire(event, { url: 'https://example.org/?q=secret' })).toBe(true);
    expect(fire(event, { url: 'file:///etc/passwd' })).toBe(true);
    expect(fire(event, { url: 'app://kiosk.evil.example/' })).toBe(true);
    const kind = event === 'will-navigate' ? 'navigation' : 'redirect';
    expect(lines[0]).toBe(`blocked ${kind} to https://example.org/`);
    expect(lines.join()).not.toContain('secret');
  });

  it('denies every new window, including our own origin', () => {
    const { openHandler, lines } = guarded();
    const handler = openHandler();
    if (handler === undefined) throw new Error('no window open handler set');
    for (const url of ['https://example.org/', 'app://kiosk/kiosk/index.html', 'about:blank']) {
      expect(handler({ url } as Parameters<OpenHandler>[0])).toEqual({ action: 'deny' });
    }
    expect(lines[0]).toBe('blocked window.open of https://example.org/');
  });

  it('refuses webviews and swallows the context menu', () => {
    const { fire } = guarded();
    expect(fire('will-attach-webview')).toBe(true);
    expect(fire('context-menu')).toBe(true);
  });
});
