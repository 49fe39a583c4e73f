import type { Session } from 'electron';
import { shouldAllowPermissionCheck, shouldGrantPermissionRequest } from '../policy/permissions.js';
import { urlForLog, type Logger } from '../log.js';

export type GuardedSession = Pick<
  Session,
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setDevicePermissionHandler'
  | 'setSpellCheckerEnabled'
  | 'on'
>;

/**
 * Permissions and downloads are per session. The guard goes on the default session and on the
 * kiosk partition, and on any session created later, so no session keeps Electron's
 * grant-everything default.
 */
export function guardSession(
  session: GuardedSession,
  log: Logger,
  isCallActive: () => boolean,
  isCaptureActive: () => boolean = () => false,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = shouldGrantPermissionRequest({
      permission,
      requestingUrl: details.requestingUrl,
      isMainFrame: details.isMainFrame,
      mediaTypes: 'mediaTypes' in details ? details.mediaTypes : undefined,
      callActive: isCallActive(),
      captureActive: isCaptureActive(),
    });
    if (!granted) log.warn(`denied permission "${permission}" to ${urlForLog(details.requestingUrl)}`);
    callback(granted);
  });

  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    shouldAllowPermissionCheck({
      permission,
      requestingOrigin,
      isMainFrame: details.isMainFrame,
      embeddingOrigin: details.embeddingOrigin,
      securityOrigin: details.securityOrigin,
      mediaType: details.mediaType,
      callActive: isCallActive(),
      captureActive: isCaptureActive(),
    }),
  );

  // WebHID, WebUSB and Web Serial: no device is ever handed to a page.
  session.setDevicePermissionHandler(() => false);

  // Otherwise Electron fetches Hunspell dictionaries from Google's CDN for a spellchecker the kiosk
  // never uses (spellcheck is off in the page's preferences): a request to the outside for nothing.
  session.setSpellCheckerEnabled(false);

  // A kiosk has no downloads folder a citizen could open; a download would only leave traces.
  session.on('will-download', (event, item) => {
    event.preventDefault();
    log.warn(`cancelled download of ${urlForLog(item.getURL())}`);
  });
}

/** Guards each session once, however often it is handed in (app 'session-created' and startup overlap). */
export function createSessionGuard(
  log: Logger,
  isCallActive: () => boolean,
  isCaptureActive: () => boolean = () => false,
): (session: GuardedSession) => void {
  const guarded = new WeakSet<GuardedSession>();
  return (session) => {
    if (guarded.has(session)) return;
    guarded.add(session);
    guardSession(session, log, isCallActive, isCaptureActive);
  };
}
