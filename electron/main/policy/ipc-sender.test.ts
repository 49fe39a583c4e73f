import { describe, expect, it } from 'vitest';
import { isTrustedIpcSender } from './ipc-sender.js';

describe('isTrustedIpcSender', () => {
  it('trusts the main frame of our page', () => {
    expect(isTrustedIpcSender({ url: 'app://kiosk/kiosk/index.html#/forms', isMainFrame: true })).toBe(true);
  });

  it('refuses subframes, even on our origin', () => {
    expect(isTrustedIpcSender({ url: 'app://kiosk/kiosk/index.html', isMainFrame: false })).toBe(false);
  });

  it.each([
    'https://example.org/',
    'http://127.0.0.1:8080/kiosk/',
    'file:///opt/pop/resources/app.asar/dist/renderer/kiosk/index.html',
    'data:text/html,hi',
    'about:blank',
    'app://kiosk.evil.example/',
    'app://evil@kiosk/',
    '',
  ])('refuses a main frame showing %s', (url) => {
    expect(isTrustedIpcSender({ url, isMainFrame: true })).toBe(false);
  });

  it('refuses when the frame is gone', () => {
    expect(isTrustedIpcSender(null)).toBe(false);
  });
});
