import { createHmac } from 'node:crypto';
import { turnUsername, type IceServer } from '../../protocol/calls.js';

export interface TurnOptions {
  /** The static-auth-secret shared with coturn (use-auth-secret). */
  secret: string;
  /** turn:/turns:/stun: URLs handed to the peers, e.g. turns:turn.example.org:443?transport=tcp. */
  urls: string[];
  /** How long a credential is valid; coturn refuses an allocation with an expired username. */
  ttlSeconds: number;
}

export interface IceConfig {
  iceServers: IceServer[];
  iceTransportPolicy: 'all' | 'relay';
}

/**
 * coturn's TURN REST API scheme: username = "<expiry unix seconds>:<id>", password =
 * base64(HMAC-SHA1(secret, username)). The hub and coturn share only the secret; no
 * per-user state, and a leaked credential dies with its expiry.
 */
export function turnCredential(
  secret: string,
  id: string,
  now: Date,
  ttlSeconds: number,
): { username: string; credential: string; expiresAt: number } {
  const expiresAt = Math.floor(now.getTime() / 1000) + ttlSeconds;
  const username = turnUsername(expiresAt, id);
  const credential = createHmac('sha1', secret).update(username).digest('base64');
  return { username, credential, expiresAt };
}

/**
 * The ICE servers for one peer. Only the hub's own servers: with no TURN configured the list is
 * empty and peers use host candidates (a town-hall LAN, or tests), never a public STUN default.
 */
export function iceConfigFor(
  turn: TurnOptions | undefined,
  peerId: string,
  now: Date,
  relayOnly: boolean,
): IceConfig {
  if (!turn || turn.urls.length === 0) return { iceServers: [], iceTransportPolicy: 'all' };
  const { username, credential } = turnCredential(turn.secret, peerId, now, turn.ttlSeconds);
  const turnUrls = turn.urls.filter((u) => /^turns?:/.test(u));
  const stunUrls = turn.urls.filter((u) => u.startsWith('stun:'));
  const iceServers: IceServer[] = [];
  if (stunUrls.length > 0) iceServers.push({ urls: stunUrls });
  if (turnUrls.length > 0) iceServers.push({ urls: turnUrls, username, credential });
  return { iceServers, iceTransportPolicy: relayOnly && turnUrls.length > 0 ? 'relay' : 'all' };
}
