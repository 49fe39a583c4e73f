import { z } from 'zod';
import { Keyring } from './signed.js';

/** What the installation gives a terminal for fleet management, before any remote config. */
export const FleetBootstrap = z.strictObject({
  /** The provider keys pinned at installation; later rotated only by signed configs. */
  providerKeys: Keyring,
  /** Heartbeat interval until a signed config sets one. */
  heartbeatSeconds: z.number().int().min(5).max(3600).default(30),
  /**
   * A one-time enrollment code: the terminal makes its own key pair, enrolls, and from then on
   * authenticates by signature instead of the installation's bearer token.
   */
  enrollmentCode: z.string().min(8).max(40).optional(),
});
export type FleetBootstrap = z.infer<typeof FleetBootstrap>;
