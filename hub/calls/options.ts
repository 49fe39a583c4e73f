/** How the hub runs video calls; main.ts reads them from flags or the environment. */
export interface CallOptions {
  /** turn:/turns:/stun: URLs handed to the peers; empty = host candidates only (LAN, tests). */
  turnUrls: string[];
  /** coturn's static-auth-secret (use-auth-secret); needed for turn:/turns: URLs. */
  turnSecret: string | undefined;
  turnTtlSeconds: number;
  /** Force every call through TURN (iceTransportPolicy 'relay'). */
  relayOnly: boolean;
  queueTimeoutSeconds: number;
  graceSeconds: number;
}

export const DEFAULT_CALL_OPTIONS: CallOptions = {
  turnUrls: [],
  turnSecret: undefined,
  turnTtlSeconds: 3600,
  relayOnly: false,
  queueTimeoutSeconds: 600,
  graceSeconds: 30,
};
