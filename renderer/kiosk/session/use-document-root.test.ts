import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DISPLAY } from '../a11y/display-settings.js';
import { renderHook } from '../testing/render-hook.js';
import { useDocumentRoot } from './use-document-root.js';

const globals = globalThis as { document?: unknown };
let root: { lang: string; dir: string; dataset: Record<string, string | undefined> };
beforeEach(() => {
  root = { lang: '', dir: '', dataset: {} };
  globals.document = { documentElement: root };
});
afterEach(() => {
  delete globals.document;
});

describe('useDocumentRoot', () => {
  it('gives the page the session’s language, direction, display settings and screen', async () => {
    const hook = await renderHook(
      (p: { locale: 'de' | 'ar'; screen: string }) => useDocumentRoot(p.locale, DEFAULT_DISPLAY, p.screen),
      {
        locale: 'de',
        screen: 'catalog',
      },
    );
    expect(root).toMatchObject({
      lang: 'de',
      dir: 'ltr',
      dataset: { kioskScreen: 'catalog', contrast: 'normal' },
    });
    await hook.rerender({ locale: 'ar', screen: 'form' });
    expect(root).toMatchObject({ lang: 'ar', dir: 'rtl', dataset: { kioskScreen: 'form' } });
  });

  it('a citizen’s display settings end with the session', async () => {
    const hook = await renderHook(
      () => useDocumentRoot('de', { ...DEFAULT_DISPLAY, contrast: true }, 'form'),
      {},
    );
    expect(root.dataset['contrast']).toBe('high');
    await hook.unmount();
    expect(root.dataset['contrast']).toBeUndefined();
  });
});
