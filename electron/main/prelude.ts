import { resolve } from 'node:path';
import { app, protocol } from 'electron';
import { APP_SCHEME } from './policy/app-origin.js';
import { APP_SCHEME_PRIVILEGES } from './policy/app-protocol.js';

/**
 * What Electron accepts only before 'ready'. In an ES-module main process only the side effects of
 * the entry's imports are sure to run before 'ready' (electronjs.org, "ES Modules in Electron"),
 * so this work lives here and main.ts imports it first.
 */

/** Development and tests only: each run gets its own profile, and so its own single-instance lock. */
export const USER_DATA_ENV = 'POP_USER_DATA_DIR';
const userDataOverride = process.env[USER_DATA_ENV];
if (!app.isPackaged && userDataOverride !== undefined && userDataOverride !== '') {
  app.setPath('userData', resolve(userDataOverride));
}

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

// Sandbox every renderer, whatever a window's own preferences say.
app.enableSandbox();

/** A second start (a double tap on an autostart, a restart racing the old process) must not open a second kiosk. */
export const isPrimaryInstance = app.requestSingleInstanceLock();
