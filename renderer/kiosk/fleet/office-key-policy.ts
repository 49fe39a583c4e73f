import {
  jwkThumbprint,
  officeKeyStrengthProblem,
  type OfficeKeyPins,
} from '../../../kiosk-config/fleet/office-keys.js';
import type { Office, OfficeKey } from '../../../protocol/catalog.js';

export type OfficeKeyRefusal = 'no_current_key' | 'weak_key' | 'not_pinned';

export type OfficeKeyVerdict =
  | { ok: true; key: OfficeKey }
  | { ok: false; code: OfficeKeyRefusal; officeId: string; kid: string | null; message: string };

/**
 * Whether the terminal may seal an application to this office key. The content feed only
 * carries keys; trust comes from the pins in the terminal's own or a provider-signed config. A
 * key that is too weak is refused even when pinned. The message names office, kid and
 * thumbprint for the fleet console, and nothing of the citizen.
 */
export function judgeOfficeKey(
  officeId: string,
  key: OfficeKey | undefined,
  thumbprint: string | null,
  pins: OfficeKeyPins | undefined,
): OfficeKeyVerdict {
  const refuse = (code: OfficeKeyRefusal, message: string): OfficeKeyVerdict => ({
    ok: false,
    code,
    officeId,
    kid: key?.kid ?? null,
    message,
  });
  if (!key) return refuse('no_current_key', `Office ${officeId} has no current encryption key.`);
  const weakness = officeKeyStrengthProblem(key.jwk);
  if (weakness) return refuse('weak_key', `Office ${officeId} key ${key.kid} refused: ${weakness}.`);
  const pinned = pins?.[officeId];
  if (!pinned)
    return refuse(
      'not_pinned',
      `Office ${officeId} key ${key.kid} refused: the terminal's configuration pins no key of this office.`,
    );
  if (thumbprint === null || !pinned.includes(thumbprint))
    return refuse(
      'not_pinned',
      `Office ${officeId} key ${key.kid} refused: its thumbprint ${thumbprint ?? '(none)'} is not among the ${pinned.length} pinned for this office (swapped or unsigned key).`,
    );
  return { ok: true, key };
}

/** The key to seal this office's applications to, checked against the pins (see judgeOfficeKey). */
export async function trustedSealingKey(
  office: Office,
  pins: OfficeKeyPins | undefined,
): Promise<OfficeKeyVerdict> {
  const key = office.encryptionKeys.find((k) => k.status === 'current');
  const thumbprint =
    key && key.jwk.kty === 'RSA' && typeof key.jwk.n === 'string' && typeof key.jwk.e === 'string'
      ? await jwkThumbprint(key.jwk)
      : null;
  return judgeOfficeKey(office.id, key, thumbprint, pins);
}

const REFUSED_EVENT = 'pop:office-key-refused';

/** Tells whoever reports to the fleet (the fleet agent) that a key was refused. */
export function announceOfficeKeyRefusal(message: string): void {
  document.dispatchEvent(new CustomEvent<string>(REFUSED_EVENT, { detail: message }));
}

export function onOfficeKeyRefusal(listener: (message: string) => void): () => void {
  const handler = (event: Event) => listener(String((event as CustomEvent<string>).detail));
  document.addEventListener(REFUSED_EVENT, handler);
  return () => document.removeEventListener(REFUSED_EVENT, handler);
}
