import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, KIOSK_ENTRY_URL, isAppOrigin, parseAppUrl } from './app-origin.js';

describe('app origin', () => {
  it('builds the entry URL on the app origin', () => {
    expect(APP_ORIGIN).toBe('app://kiosk');
    expect(KIOSK_ENTRY_URL).toBe('app://kiosk/kiosk/index.html');
    expect(parseAppUrl(KIOSK_ENTRY_URL)?.pathname).toBe('/kiosk/index.html');
  });

  it.each(['app://kiosk', 'app://kiosk/'])('recognises the serialized origin %s', (origin) => {
    expect(isAppOrigin(origin)).toBe(true);
  });

  it.each([
    'app://kiosk/kiosk/index.html',
    'app://kiosk/?x=1',
    'app://kiosk/#x',
    'app://kiosk.evil',
    'app://evil@kiosk',
    'https://kiosk',
    'null',
    '',
  ])('does not take %s for the origin', (origin) => {
    expect(isAppOrigin(origin)).toBe(false);
  });
});
