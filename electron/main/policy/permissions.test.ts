import { describe, expect, it } from 'vitest';
import {
  shouldAllowPermissionCheck,
  shouldGrantPermissionRequest,
  type PermissionCheckFacts,
  type PermissionRequestFacts,
} from './permissions.js';

const ourPage = 'app://kiosk/kiosk/index.html';

const cameraRequest: PermissionRequestFacts = {
  permission: 'media',
  requestingUrl: ourPage,
  isMainFrame: true,
  mediaTypes: ['video', 'audio'],
  callActive: true,
};

describe('shouldGrantPermissionRequest', () => {
  it('grants camera and microphone to our page', () => {
    expect(shouldGrantPermissionRequest(cameraRequest)).toBe(true);
    expect(shouldGrantPermissionRequest({ ...cameraRequest, mediaTypes: ['audio'] })).toBe(true);
  });

  it.each([
    'notifications',
    'geolocation',
    'clipboard-read',
    'clipboard-sanitized-write',
    'openExternal',
    'fullscreen',
    'display-capture',
    'midiSysex',
    'hid',
    'usb',
    'serial',
    'pointerLock',
    'keyboardLock',
    'idle-detection',
    'window-management',
    'unknown',
  ])('refuses %s even to our page', (permission) => {
    expect(shouldGrantPermissionRequest({ ...cameraRequest, permission })).toBe(false);
  });

  it.each([
    ['another site', 'https://example.org/'],
    ['a look-alike host', 'app://kiosk.evil.example/kiosk/index.html'],
    ['userinfo trick', 'app://evil@kiosk/'],
    ['a file page', 'file:///tmp/index.html'],
    ['an empty URL', ''],
  ])('refuses media to %s', (_label, requestingUrl) => {
    expect(shouldGrantPermissionRequest({ ...cameraRequest, requestingUrl })).toBe(false);
  });

  it.each(['local-network-access', 'local-network', 'loopback-network'])(
    'lets our page reach the hub on the local network (%s), and nobody else',
    (permission) => {
      expect(shouldGrantPermissionRequest({ ...cameraRequest, permission, mediaTypes: undefined })).toBe(
        true,
      );
      expect(
        shouldGrantPermissionRequest({
          permission,
          requestingUrl: 'https://example.org/',
          isMainFrame: true,
          callActive: true,
        }),
      ).toBe(false);
      expect(shouldGrantPermissionRequest({ ...cameraRequest, permission, isMainFrame: false })).toBe(false);
    },
  );

  it('refuses fullscreen from another origin', () => {
    expect(
      shouldGrantPermissionRequest({
        permission: 'fullscreen',
        requestingUrl: 'https://example.org/',
        isMainFrame: true,
        callActive: true,
      }),
    ).toBe(false);
  });

  it('refuses camera and microphone to our page while no call is on', () => {
    expect(shouldGrantPermissionRequest({ ...cameraRequest, callActive: false })).toBe(false);
    expect(shouldGrantPermissionRequest({ ...cameraRequest, mediaTypes: ['audio'], callActive: false })).toBe(
      false,
    );
  });

  it('grants the camera alone, not the microphone, for a document photo outside a call', () => {
    const photo = { ...cameraRequest, callActive: false, captureActive: true };
    expect(shouldGrantPermissionRequest({ ...photo, mediaTypes: ['video'] })).toBe(true);
    expect(shouldGrantPermissionRequest({ ...photo, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(shouldGrantPermissionRequest({ ...photo, mediaTypes: ['audio'] })).toBe(false);
    expect(shouldGrantPermissionRequest({ ...photo, mediaTypes: ['video'], isMainFrame: false })).toBe(false);
    expect(
      shouldGrantPermissionRequest({
        ...photo,
        mediaTypes: ['video'],
        requestingUrl: 'https://example.org/',
      }),
    ).toBe(false);
    expect(shouldGrantPermissionRequest({ ...photo, mediaTypes: ['video'], captureActive: false })).toBe(
      false,
    );
  });

  it('still lets our page reach the hub while no call is on', () => {
    expect(
      shouldGrantPermissionRequest({
        ...cameraRequest,
        permission: 'local-network-access',
        mediaTypes: undefined,
        callActive: false,
      }),
    ).toBe(true);
  });

  it('refuses media to subframes, even on our origin', () => {
    expect(shouldGrantPermissionRequest({ ...cameraRequest, isMainFrame: false })).toBe(false);
  });

  it('refuses media when the device types are missing or unknown', () => {
    expect(shouldGrantPermissionRequest({ ...cameraRequest, mediaTypes: undefined })).toBe(false);
    expect(shouldGrantPermissionRequest({ ...cameraRequest, mediaTypes: [] })).toBe(false);
    expect(shouldGrantPermissionRequest({ ...cameraRequest, mediaTypes: ['video', 'screen'] })).toBe(false);
  });
});

const cameraCheck: PermissionCheckFacts = {
  permission: 'media',
  requestingOrigin: 'app://kiosk',
  isMainFrame: true,
  securityOrigin: 'app://kiosk',
  mediaType: 'video',
  callActive: true,
};

describe('shouldAllowPermissionCheck', () => {
  it('allows camera and microphone checks from our origin', () => {
    expect(shouldAllowPermissionCheck(cameraCheck)).toBe(true);
    expect(shouldAllowPermissionCheck({ ...cameraCheck, mediaType: 'audio' })).toBe(true);
    expect(shouldAllowPermissionCheck({ ...cameraCheck, securityOrigin: undefined })).toBe(true);
  });

  it.each(['notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial'])(
    'denies %s checks',
    (permission) => {
      expect(shouldAllowPermissionCheck({ ...cameraCheck, permission })).toBe(false);
    },
  );

  it('agrees with the request handler on local network access', () => {
    const check = { ...cameraCheck, permission: 'local-network-access', mediaType: undefined };
    expect(shouldAllowPermissionCheck(check)).toBe(true);
    expect(shouldAllowPermissionCheck({ ...check, requestingOrigin: 'https://example.org' })).toBe(false);
    expect(shouldAllowPermissionCheck({ ...check, embeddingOrigin: 'https://example.org' })).toBe(false);
  });

  it('denies media checks while no call is on, as the request handler does', () => {
    expect(shouldAllowPermissionCheck({ ...cameraCheck, callActive: false })).toBe(false);
    const photo = { ...cameraCheck, callActive: false, captureActive: true };
    expect(shouldAllowPermissionCheck(photo)).toBe(true);
    expect(shouldAllowPermissionCheck({ ...photo, mediaType: 'audio' })).toBe(false);
  });

  it('denies media checks from other origins, subframes and unknown device types', () => {
    expect(shouldAllowPermissionCheck({ ...cameraCheck, requestingOrigin: 'https://example.org' })).toBe(
      false,
    );
    expect(shouldAllowPermissionCheck({ ...cameraCheck, securityOrigin: 'https://example.org' })).toBe(false);
    expect(shouldAllowPermissionCheck({ ...cameraCheck, embeddingOrigin: 'https://example.org' })).toBe(
      false,
    );
    expect(shouldAllowPermissionCheck({ ...cameraCheck, isMainFrame: false })).toBe(false);
    expect(shouldAllowPermissionCheck({ ...cameraCheck, mediaType: 'unknown' })).toBe(false);
    expect(shouldAllowPermissionCheck({ ...cameraCheck, mediaType: undefined })).toBe(false);
  });
});
