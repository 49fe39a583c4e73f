import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../log.js';
import { createSessionGuard, guardSession, type GuardedSession } from './session-guard.js';

type RequestHandler = NonNullable<Parameters<GuardedSession['setPermissionRequestHandler']>[0]>;
type CheckHandler = NonNullable<Parameters<GuardedSession['setPermissionCheckHandler']>[0]>;
type DeviceHandler = NonNullable<Parameters<GuardedSession['setDevicePermissionHandler']>[0]>;

function guarded(callActive = true) {
  const lines: string[] = [];
  const log: Logger = { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
  const handlers: { request?: RequestHandler; check?: CheckHandler; device?: DeviceHandler } = {};
  const spellChecker: boolean[] = [];
  const emitter = new EventEmitter();
  const session = Object.assign(emitter, {
    setPermissionRequestHandler: (handler: RequestHandler | null) => {
      handlers.request = handler ?? undefined;
    },
    setPermissionCheckHandler: (handler: CheckHandler | null) => {
      handlers.check = handler ?? undefined;
    },
    setDevicePermissionHandler: (handler: DeviceHandler | null) => {
      handlers.device = handler ?? undefined;
    },
    setSpellCheckerEnabled: (enabled: boolean) => {
      spellChecker.push(enabled);
    },
  });
  guardSession(session as unknown as GuardedSession, log, () => callActive);
  const { request, check, device } = handlers;
  if (request === undefined || check === undefined || device === undefined)
    throw new Error('handlers missing');

  const ask = (permission: string, details: object): boolean => {
    let answer: boolean | undefined;
    request(
      {} as Parameters<RequestHandler>[0],
      permission as Parameters<RequestHandler>[1],
      (granted) => {
        answer = granted;
      },
      details as Parameters<RequestHandler>[3],
    );
    if (answer === undefined) throw new Error('the request handler never answered');
    return answer;
  };
  const isAllowed = (permission: string, origin: string, details: object): boolean =>
    check(null, permission as Parameters<CheckHandler>[1], origin, details as Parameters<CheckHandler>[3]);
  return { ask, isAllowed, device, emitter, lines, spellChecker };
}

const ourPage = { requestingUrl: 'app://kiosk/kiosk/index.html', isMainFrame: true };

describe('guardSession', () => {
  it('answers permission requests through the policy', () => {
    const { ask, lines } = guarded();
    expect(ask('media', { ...ourPage, mediaTypes: ['video', 'audio'] })).toBe(true);
    expect(ask('notifications', ourPage)).toBe(false);
    expect(
      ask('media', { requestingUrl: 'https://example.org/', isMainFrame: true, mediaTypes: ['video'] }),
    ).toBe(false);
    expect(lines).toEqual([
      'denied permission "notifications" to app://kiosk/kiosk/index.html',
      'denied permission "media" to https://example.org/',
    ]);
  });

  it('refuses the camera while no call is on, and says so', () => {
    const { ask, isAllowed, lines } = guarded(false);
    expect(ask('media', { ...ourPage, mediaTypes: ['video'] })).toBe(false);
    expect(isAllowed('media', 'app://kiosk', { isMainFrame: true, mediaType: 'video' })).toBe(false);
    expect(lines).toEqual(['denied permission "media" to app://kiosk/kiosk/index.html']);
  });

  it('answers permission checks through the policy', () => {
    const { isAllowed } = guarded();
    expect(isAllowed('media', 'app://kiosk', { isMainFrame: true, mediaType: 'audio' })).toBe(true);
    expect(isAllowed('geolocation', 'app://kiosk', { isMainFrame: true })).toBe(false);
    expect(isAllowed('media', 'https://example.org', { isMainFrame: true, mediaType: 'audio' })).toBe(false);
  });

  it('hands no USB, HID or serial device to any page', () => {
    const { device } = guarded();
    expect(device({ deviceType: 'usb', origin: 'app://kiosk' } as Parameters<DeviceHandler>[0])).toBe(false);
  });

  it('switches the spellchecker off, so no dictionary is downloaded', () => {
    expect(guarded().spellChecker).toEqual([false]);
  });

  it('cancels downloads', () => {
    const { emitter, lines } = guarded();
    let prevented = false;
    emitter.emit(
      'will-download',
      {
        preventDefault: () => {
          prevented = true;
        },
      },
      { getURL: () => 'https://example.org/file.pdf?token=abc' },
    );
    expect(prevented).toBe(true);
    expect(lines).toEqual(['cancelled download of https://example.org/file.pdf']);
  });
});

describe('createSessionGuard', () => {
  it('guards each session once', () => {
    let installs = 0;
    const session = Object.assign(new EventEmitter(), {
      setPermissionRequestHandler: () => {
        installs += 1;
      },
      setPermissionCheckHandler: () => undefined,
      setDevicePermissionHandler: () => undefined,
      setSpellCheckerEnabled: () => undefined,
    }) as unknown as GuardedSession;
    const guard = createSessionGuard(
      {
        info: () => undefined,
        warn: () => undefined,
        error: () => undefined,
      },
      () => false,
    );
    guard(session);
    guard(session);
    expect(installs).toBe(1);
    expect((session as unknown as EventEmitter).listenerCount('will-download')).toBe(1);
  });
});
