import { describe, expect, it } from 'vitest';
import { isAllowedNavigation } from './navigation.js';

describe('isAllowedNavigation', () => {
  it.each([
    'app://kiosk/kiosk/index.html',
    'app://kiosk/kiosk/index.html?lang=de#/forms',
    'app://kiosk/',
    'app://kiosk',
  ])('allows the app origin: %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(true);
  });

  it.each([
    ['https', 'https://example.org/'],
    ['http', 'http://127.0.0.1:8080/kiosk/'],
    ['file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['blob', 'blob:app://kiosk/0b7e5d1c-7d43-4b2a-9a43-0d2b3f4e5a6b'],
    ['about', 'about:blank'],
    ['look-alike host suffix', 'app://kiosk.evil.example/kiosk/index.html'],
    ['look-alike host prefix', 'app://evilkiosk/kiosk/index.html'],
    ['trailing dot host', 'app://kiosk./kiosk/index.html'],
    ['other host on our scheme', 'app://clerk/index.html'],
    ['userinfo before our host', 'app://evil.example@kiosk/kiosk/index.html'],
    ['our host as userinfo', 'app://kiosk@evil.example/'],
    ['userinfo with password', 'app://kiosk:secret@kiosk/'],
    ['port', 'app://kiosk:8080/'],
    ['host-less', 'app:kiosk/index.html'],
    ['upper-case host (never produced by Chromium)', 'app://KIOSK/'],
    ['percent-encoded host', 'app://kios%6b/'],
    ['scheme look-alike', 'apps://kiosk/'],
    ['relative', '/kiosk/index.html'],
    ['empty', ''],
    ['garbage', 'not a url'],
  ])('refuses %s', (_label, url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});
