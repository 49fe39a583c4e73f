import type { Generated } from 'kysely';
/** Tables of fleet management (migration 0004). Times are ISO strings, documents JSON text. */
export interface FleetTables {
  /** operator = 1: runs every tenant and may create tenants (migration 0027). */
  provider_tokens: {
    token_hash: string;
    name: string;
    created_at: string;
    revoked_at: string | null;
    operator: Generated<number>;
  };
  /** The tenants a (non-operator) provider token runs. */
  provider_token_tenants: { token_hash: string; tenant_id: string };
  /** A fleet console login (migration 0017): the cookie holds the id, the row its hash. */
  provider_sessions: { session_hash: string; token_hash: string; created_at: string; expires_at: string };
  /** Fixed-window counters of provider logins and enrollments, per address and per credential. */
  rate_limits: { bucket: string; window_start: string; hits: number };
  config_releases: {
    version: number;
    tenant_id: string;
    issuer: string;
    created_at: string;
    rollout_percent: number;
    /** JSON array of terminal ids that get this release whatever the percentage. */
    rollout_terminals: string;
    updated_at: string;
  };
  /** One signed config per terminal and release, stored exactly as the provider signed it. */
  config_documents: { version: number; terminal_id: string; signed: string };
  /** The hub addresses each release names (migration 0009): the kiosk pages' CSP connect-src. */
  release_hub_origins: { version: number; hub_url: string };
  /** The public key of an enrolled terminal (JWK, ECDSA P-256). */
  terminal_keys: { terminal_id: string; public_key: string; enrolled_at: string };
  enrollment_codes: {
    code_hash: string;
    tenant_id: string;
    terminal_id: string;
    terminal_name: string;
    created_at: string;
    expires_at: string;
    used_at: string | null;
  };
  /** The latest heartbeat of each terminal: one row per terminal, overwritten. */
  terminal_status: {
    terminal_id: string;
    last_seen_at: string;
    app_version: string;
    config_version: number;
    last_sync_at: string | null;
    outbox_depth: number;
    quarantined: number;
    storage_bytes: number;
    uptime_seconds: number;
    last_error: string | null;
    heartbeat_seconds: number;
  };
  /** Per terminal and UTC day: citizen sessions and seconds online, for the charts. */
  terminal_daily: { terminal_id: string; day: string; sessions: number; online_seconds: number };
  terminal_commands: {
    id: string;
    terminal_id: string;
    kind: string;
    status: string;
    created_at: string;
    expires_at: string;
    delivered_at: string | null;
    completed_at: string | null;
    result: string | null;
  };
  fleet_events: {
    id: string;
    terminal_id: string;
    at: string;
    kind: string;
    version: number | null;
    message: string;
  };
  /** Secrets terminal tokens are signed with (hub/fleet/token-secrets.ts); retired ones are refused. */
  terminal_token_secrets: { id: string; secret: string; created_at: string; retired_at: string | null };
}
