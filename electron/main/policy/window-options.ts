import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/** In an unpackaged build, "1" here opens a normal window instead of a kiosk you cannot leave. */
export const WINDOWED_ENV_FLAG = 'POP_WINDOWED';

/** Painted before the page's first frame, so a start or recovery shows no white or black flash. */
export const KIOSK_BACKGROUND_COLOR = '#ffffff';

export function windowedForDevelopment(
  isPackaged: boolean,
  env: Readonly<Record<string, string | undefined>>,
) {
  return !isPackaged && env[WINDOWED_ENV_FLAG] === '1';
}

export function kioskWindowOptions(
  webPreferences: WebPreferences,
  windowed: boolean,
): BrowserWindowConstructorOptions {
  const common = {
    title: 'Point of Public',
    backgroundColor: KIOSK_BACKGROUND_COLOR,
    autoHideMenuBar: true,
    webPreferences,
  };
  if (windowed) return { ...common, width: 1080, height: 1920, useContentSize: true };
  return { ...common, kiosk: true, fullscreen: true, frame: false, resizable: false, movable: false };
}
