import type { WebContents } from 'electron';
import { isAllowedNavigation } from '../policy/navigation.js';
import { urlForLog, type Logger } from '../log.js';

/** The part of WebContents the guard touches; tests hand in a fake with the same shape. */
export type GuardedWebContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Applied to every web contents the app creates (app 'web-contents-created'), not just the kiosk
 * window, so nothing created later (a devtools host, a future print preview) escapes it.
 */
export function guardWebContents(contents: GuardedWebContents, log: Logger): void {
  const refuseOutsideApp = (kind: string) => (event: { url: string; preventDefault(): void }) => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    log.warn(`blocked ${kind} to ${urlForLog(event.url)}`);
  };
  contents.on('will-navigate', refuseOutsideApp('navigation'));
  contents.on('will-redirect', refuseOutsideApp('redirect'));

  // The kiosk has one window; links with target=_blank and window.open() go nowhere.
  contents.setWindowOpenHandler(({ url }) => {
    log.warn(`blocked window.open of ${urlForLog(url)}`);
    return { action: 'deny' };
  });

  // webviewTag is off already; this also covers a webview smuggled in by a future preference change.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('blocked a <webview>');
  });

  // Electron shows no context menu on its own; taking the event makes sure nothing else does.
  contents.on('context-menu', (event) => event.preventDefault());
}
