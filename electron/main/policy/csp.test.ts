import { describe, expect, it } from 'vitest';
import { hubConnectSources, kioskContentSecurityPolicy } from './csp.js';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
}

describe('kioskContentSecurityPolicy', () => {
  it('allows the page to talk to itself and the hub only', () => {
    const policy = directives(kioskContentSecurityPolicy('https://rathaus.lindenau.example:8443/api/v1'));
    expect(policy.get('connect-src')).toEqual([
      "'self'",
      'https://rathaus.lindenau.example:8443',
      'wss://rathaus.lindenau.example:8443',
    ]);
  });

  it('adds the hub of a verified signed config beside the installation hub, and nothing malformed', () => {
    const policy = directives(
      kioskContentSecurityPolicy('http://127.0.0.1:8080', [
        'https://hub-neu.example.org/',
        'http://127.0.0.1:8080',
        'javascript:alert(1)',
      ]),
    );
    expect(policy.get('connect-src')).toEqual([
      "'self'",
      'http://127.0.0.1:8080',
      'ws://127.0.0.1:8080',
      'https://hub-neu.example.org',
      'wss://hub-neu.example.org',
    ]);
  });

  it('holds every directive the kiosk relies on', () => {
    const policy = directives(kioskContentSecurityPolicy('http://127.0.0.1:8080'));
    expect(Object.fromEntries(policy)).toEqual({
      'default-src': ["'self'"],
      'connect-src': ["'self'", 'http://127.0.0.1:8080', 'ws://127.0.0.1:8080'],
      'img-src': ["'self'", 'data:', 'blob:'],
      'media-src': ["'self'", 'blob:', 'mediastream:'],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'object-src': ["'none'"],
      'frame-ancestors': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
    });
  });

  it('never allows inline or evaluated code', () => {
    const policy = kioskContentSecurityPolicy('http://127.0.0.1:8080');
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('connects to nothing but itself without a hub', () => {
    expect(directives(kioskContentSecurityPolicy()).get('connect-src')).toEqual(["'self'"]);
  });
});

describe('hubConnectSources', () => {
  it('drops path, query and credentials', () => {
    expect(hubConnectSources('https://user:pw@hub.example/kiosk/?x=1#y')).toEqual([
      'https://hub.example',
      'wss://hub.example',
    ]);
  });

  it('keeps IPv6 hosts', () => {
    expect(hubConnectSources('http://[::1]:8080/')).toEqual(['http://[::1]:8080', 'ws://[::1]:8080']);
  });

  it.each([
    'ftp://hub.example/',
    'javascript:alert(1)',
    'not a url',
    "https://hub.example; script-src 'unsafe-inline'",
  ])('yields nothing usable for %s', (hubUrl) => {
    for (const source of hubConnectSources(hubUrl)) {
      expect(source).not.toMatch(/[;\s']/);
    }
  });

  it('refuses non-http schemes outright', () => {
    expect(hubConnectSources('ftp://hub.example/')).toEqual([]);
    expect(hubConnectSources('not a url')).toEqual([]);
  });
});
