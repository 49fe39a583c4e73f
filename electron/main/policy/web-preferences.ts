import { isAbsolute } from 'node:path';
import type { WebPreferences } from 'electron';

/**
 * The kiosk page's storage lives in its own persistent partition, apart from the default session:
 * a wipe between citizens targets this partition only, and nothing else in the app shares it.
 */
export const KIOSK_PARTITION = 'persist:kiosk';

/** Developer tools exist only in an unpackaged build started with this variable set to "1". */
export const DEVTOOLS_ENV_FLAG = 'POP_DEVTOOLS';

export interface KioskWebPreferencesInput {
  /** Absolute path of the compiled preload (preload.cjs). */
  preloadPath: string;
  isPackaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

export function devToolsAllowed(isPackaged: boolean, env: KioskWebPreferencesInput['env']): boolean {
  return !isPackaged && env[DEVTOOLS_ENV_FLAG] === '1';
}

/**
 * Every switch of Electron's security checklist, set explicitly even where it is the default, so
 * a changed default in a future Electron cannot loosen the kiosk silently. enableBlinkFeatures is
 * deliberately absent.
 */
export function kioskWebPreferences(input: KioskWebPreferencesInput): WebPreferences {
  if (!isAbsolute(input.preloadPath)) {
    throw new Error(`preload path must be absolute, got "${input.preloadPath}"`);
  }
  return {
    preload: input.preloadPath,
    partition: KIOSK_PARTITION,
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
    devTools: devToolsAllowed(input.isPackaged, input.env),
    // A dropped file would navigate the page to file://; the navigation guard refuses it anyway.
    navigateOnDragDrop: false,
    // Middle-click would try to open links in a new window (denied anyway); the event never fires.
    disableBlinkFeatures: 'Auxclick',
    // alert()/confirm() would block the page behind a native dialog nobody on a kiosk can dismiss.
    disableDialogs: true,
    safeDialogs: true,
    // The idle timeout and the call must keep ticking even if the compositor thinks we are hidden.
    backgroundThrottling: false,
  };
}
