import { describe, expect, it } from 'vitest';
import { WINDOWED_ENV_FLAG, kioskWindowOptions, windowedForDevelopment } from './window-options.js';

const webPreferences = { sandbox: true, contextIsolation: true };

describe('kioskWindowOptions', () => {
  it('opens a frameless fullscreen kiosk window with the page’s preferences', () => {
    const options = kioskWindowOptions(webPreferences, false);
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, frame: false, autoHideMenuBar: true });
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/);
    expect(options.webPreferences).toBe(webPreferences);
  });

  it('opens an ordinary window for development, with the same preferences', () => {
    const options = kioskWindowOptions(webPreferences, true);
    expect(options.kiosk).toBeUndefined();
    expect(options.fullscreen).toBeUndefined();
    expect(options.webPreferences).toBe(webPreferences);
  });
});

describe('windowedForDevelopment', () => {
  it('is never windowed when packaged', () => {
    expect(windowedForDevelopment(true, { [WINDOWED_ENV_FLAG]: '1' })).toBe(false);
    expect(windowedForDevelopment(false, { [WINDOWED_ENV_FLAG]: '1' })).toBe(true);
    expect(windowedForDevelopment(false, {})).toBe(false);
  });
});
