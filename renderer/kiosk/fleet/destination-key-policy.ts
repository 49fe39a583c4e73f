import {
  jwkThumbprint,
  officeKeyStrengthProblem,
  type OfficeKeyPins,
} from '../../../kiosk-config/fleet/office-keys.js';
import type { DeliveryKey } from '../../../protocol/routes/delivery.js';
import { verifyX5cChain } from '../../shared/encryption/x5c.js';

export type DestinationKeyVerdict =
  { ok: true; kid: string; jwk: JsonWebKey } | { ok: false; officeId: string; kid: string; message: string };

/**
 * Whether the terminal may seal an application to the FIT-Connect destination key the hub
 * passed on. Both must hold: the key's x5c chain leads to a root the terminal is configured to
 * trust (the administration PKI; a test CA in tests) and certifies exactly this key, and the
 * key's thumbprint is pinned for the office like any office key — so neither a hub nor a
 * certificate alone can swap the key. The message names office and kid, nothing of the citizen.
 */
export async function judgeDestinationKey(
  key: DeliveryKey,
  roots: readonly string[],
  pins: OfficeKeyPins | undefined,
  now: Date,
): Promise<DestinationKeyVerdict> {
  const refuse = (reason: string): DestinationKeyVerdict => ({
    ok: false,
    officeId: key.officeId,
    kid: key.kid,
    message: `Office ${key.officeId} FIT-Connect key ${key.kid} refused: ${reason}.`,
  });
  if (key.jwk.kid !== key.kid) return refuse(`the JWK names kid ${key.jwk.kid}`);
  const weakness = officeKeyStrengthProblem(key.jwk);
  if (weakness) return refuse(weakness);
  const x5c = Array.isArray(key.jwk['x5c']) ? (key.jwk['x5c'] as unknown[]).map(String) : undefined;
  const chain = await verifyX5cChain(x5c, roots, now);
  if (!chain.ok) return refuse(chain.message);
  if (chain.leafJwk.n !== key.jwk.n || chain.leafJwk.e !== key.jwk.e)
    return refuse('its certificate certifies another key');
  const pinned = pins?.[key.officeId];
  const thumbprint = await jwkThumbprint(key.jwk);
  if (!pinned?.includes(thumbprint))
    return refuse(
      `its thumbprint ${thumbprint} is not pinned for this office in the terminal's configuration`,
    );
  return { ok: true, kid: key.kid, jwk: key.jwk as JsonWebKey };
}
