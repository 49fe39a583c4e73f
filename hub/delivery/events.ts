import { decodeBase64Url } from '../../protocol/encoding.js';
import { EVENTS } from '../../protocol/fitconnect/api.js';

/** What a submission's event log says, as far as the sender cares. */
export type EventVerdict =
  { kind: 'none' } | { kind: 'submitted' } | { kind: 'accepted' } | { kind: 'rejected'; problems: string[] };

export interface SecurityEventToken {
  header: { alg: string; kid: string; typ?: string };
  payload: { sub?: string; txn?: string; iat?: number; events?: Record<string, unknown> };
  signingInput: Uint8Array<ArrayBuffer>;
  signature: Uint8Array<ArrayBuffer>;
}

export function parseSet(compact: string): SecurityEventToken {
  const parts = compact.split('.');
  if (parts.length !== 3) throw new Error('an event is not a JWT (three parts)');
  const [h = '', p = '', s = ''] = parts;
  const header = JSON.parse(new TextDecoder().decode(decodeBase64Url(h))) as SecurityEventToken['header'];
  const payload = JSON.parse(new TextDecoder().decode(decodeBase64Url(p))) as SecurityEventToken['payload'];
  if (typeof header.kid !== 'string') throw new Error('an event names no signing key (kid)');
  return {
    header,
    payload,
    signingInput: new TextEncoder().encode(`${h}.${p}`),
    signature: decodeBase64Url(s),
  };
}

/** FIT-Connect signs SETs with PS512 (RSA-PSS, SHA-512); nothing else is taken. */
/** The public parts of an RSA JWK. */
export interface RsaPublicJwk {
  kty?: string;
  n?: string;
  e?: string;
}

export async function verifySet(set: SecurityEventToken, jwk: RsaPublicJwk): Promise<boolean> {
  if (set.header.alg !== 'PS512') return false;
  const { kty, n, e } = jwk;
  const key = await crypto.subtle.importKey(
    'jwk',
    { kty, n, e, alg: 'PS512', ext: true },
    { name: 'RSA-PSS', hash: 'SHA-512' },
    false,
    ['verify'],
  );
  return crypto.subtle.verify({ name: 'RSA-PSS', saltLength: 64 }, key, set.signature, set.signingInput);
}

/**
 * Reads the verified events of one submission: a reject wins over an accept (a receiver may
 * reject after a technical accept), either wins over the delivery service's submit event.
 */
export function verdictOf(sets: readonly SecurityEventToken[], fcSubmissionId: string): EventVerdict {
  let verdict: EventVerdict = { kind: 'none' };
  for (const set of sets) {
    if (set.payload.sub !== `submission:${fcSubmissionId}`) continue;
    const events = set.payload.events ?? {};
    if (EVENTS.reject in events) {
      const body = events[EVENTS.reject] as { problems?: { title?: string; detail?: string }[] } | undefined;
      const problems = (body?.problems ?? []).map((p) => [p.title, p.detail].filter(Boolean).join(': '));
      return { kind: 'rejected', problems };
    }
    if (EVENTS.accept in events) verdict = { kind: 'accepted' };
    else if (EVENTS.submit in events && verdict.kind === 'none') verdict = { kind: 'submitted' };
  }
  return verdict;
}
