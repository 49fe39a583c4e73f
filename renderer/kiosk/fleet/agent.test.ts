import { describe, expect, it } from 'vitest';
import { appVersion } from './agent.js';

describe('appVersion', () => {
  it('reduces a browser user agent to its engine and keeps Electron versions', () => {
    expect(
      appVersion({
        kind: 'browser',
        version:
          'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.7444.59 Safari/537.36',
      }),
    ).toBe('browser Chrome/142.0.7444.59');
    expect(appVersion({ kind: 'electron', version: '45.4.1' })).toBe('electron 45.4.1');
  });
});
