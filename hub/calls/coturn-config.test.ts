import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepoRoot } from '../repo-root.js';

/** The documented production relay (build/coturn/turnserver.conf) keeps its promises. */
const lines = readFileSync(join(findRepoRoot(), 'build/coturn/turnserver.conf'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l !== '' && !l.startsWith('#'));
const values = (key: string) =>
  lines.filter((l) => l.split('=')[0] === key).map((l) => l.slice(key.length + 1));

describe('build/coturn/turnserver.conf', () => {
  it('serves TLS on 443 and uses the hub shared secret (REST credentials), never anonymous access', () => {
    expect(values('tls-listening-port')).toEqual(['443']);
    expect(lines).toContain('use-auth-secret');
    expect(values('static-auth-secret')).toHaveLength(1);
    expect(lines).not.toContain('no-auth');
    expect(lines).not.toContain('allow-loopback-peers');
  });

  it('denies relaying into private, loopback and link-local ranges', () => {
    const denied = values('denied-peer-ip');
    for (const range of [
      '10.0.0.0-10.255.255.255',
      '172.16.0.0-172.31.255.255',
      '192.168.0.0-192.168.255.255',
      '127.0.0.0-127.255.255.255',
      '169.254.0.0-169.254.255.255',
      '100.64.0.0-100.127.255.255',
      'fc00::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
      '::1',
    ]) {
      expect(denied).toContain(range);
    }
    expect(values('allowed-peer-ip')).toEqual([]);
  });
});
