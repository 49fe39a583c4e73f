import { describe, expect, it } from 'vitest';
import { DEVTOOLS_ENV_FLAG, KIOSK_PARTITION, kioskWebPreferences } from './web-preferences.js';

const preloadPath = '/opt/pop/resources/app.asar/dist/electron/preload/preload.cjs';

describe('kioskWebPreferences', () => {
  it('locks the page down', () => {
    const prefs = kioskWebPreferences({ preloadPath, isPackaged: true, env: {} });
    expect(prefs).toMatchObject({
      preload: preloadPath,
      partition: 'persist:kiosk',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
      navigateOnDragDrop: false,
      disableDialogs: true,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(KIOSK_PARTITION).toBe('persist:kiosk');
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('offers developer tools only to an unpackaged build with the flag set', () => {
    const flag = { [DEVTOOLS_ENV_FLAG]: '1' };
    expect(kioskWebPreferences({ preloadPath, isPackaged: false, env: flag }).devTools).toBe(true);
    expect(kioskWebPreferences({ preloadPath, isPackaged: true, env: flag }).devTools).toBe(false);
    expect(kioskWebPreferences({ preloadPath, isPackaged: false, env: {} }).devTools).toBe(false);
    expect(
      kioskWebPreferences({ preloadPath, isPackaged: false, env: { [DEVTOOLS_ENV_FLAG]: 'true' } }).devTools,
    ).toBe(false);
  });

  it('refuses a relative preload path, which Electron would resolve against an unknown directory', () => {
    expect(() =>
      kioskWebPreferences({ preloadPath: 'dist/electron/preload/preload.cjs', isPackaged: false, env: {} }),
    ).toThrow(/absolute/);
  });
});
