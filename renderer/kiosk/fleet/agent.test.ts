import { describe, expect, it } from 'vitest';
import { appVersion, fleetRole, restartPlan } from './agent.js';

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

describe('restartPlan', () => {
  it('restarts the Electron shell through the bridge, and says plainly that a browser only reloads', () => {
    expect(restartPlan('restart', 'electron')).toEqual({
      action: 'restart-shell',
      message: 'restart: the Electron shell restarts now (main process and page).',
    });
    expect(restartPlan('restart', 'browser')).toMatchObject({
      action: 'reload',
      message: expect.stringMatching(/Chromium mode .* reloads instead/) as unknown,
    });
    expect(restartPlan('reload', 'electron').action).toBe('reload');
  });
});

describe('fleetRole', () => {
  it('lets a terminal without fleet management still report its heartbeat, and take nothing', () => {
    const token = 'demo-terminal-1-token-change-me-in-production';
    expect(fleetRole({ terminalToken: token })).toBe('reporting');
    expect(fleetRole({ terminalToken: token, fleet: { providerKeys: [], heartbeatSeconds: 30 } })).toBe(
      'managed',
    );
    expect(fleetRole({ fleet: { providerKeys: [], heartbeatSeconds: 30, enrollmentCode: 'abcdefgh' } })).toBe(
      'managed',
    );
    expect(fleetRole({})).toBe('none');
  });
});
