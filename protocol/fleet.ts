import { z } from 'zod';
import { Id } from './id.js';

/** Hub API of fleet management: terminals report, providers publish and watch. */
export const FLEET_API = {
  enroll: '/api/v1/enroll',
  terminalToken: '/api/v1/terminal/token',
  heartbeat: '/api/v1/terminal/heartbeat',
  terminalConfig: '/api/v1/terminal/config',
  commandResult: (id: string) => `/api/v1/terminal/commands/${encodeURIComponent(id)}/result`,
  providerLogin: '/api/v1/provider/login',
  providerLogout: '/api/v1/provider/logout',
  releases: '/api/v1/provider/releases',
  release: (version: number) => `/api/v1/provider/releases/${version}`,
  rollout: (version: number) => `/api/v1/provider/releases/${version}/rollout`,
  terminals: '/api/v1/provider/terminals',
  revoke: (id: string) => `/api/v1/provider/terminals/${encodeURIComponent(id)}/revoke`,
  commands: '/api/v1/provider/commands',
  terminalCommands: (id: string) => `/api/v1/provider/terminals/${encodeURIComponent(id)}/commands`,
  enrollmentCodes: '/api/v1/provider/enrollment-codes',
  stats: '/api/v1/provider/stats',
} as const;

export const PROVIDER_COOKIE = 'pop_provider';
export const PROVIDER_COOKIE_PATH = '/api/v1/provider';

const TerminalId = Id;
const Count = z.number().int().min(0).max(1e12);
const IsoTime = z.iso.datetime({ offset: true });

export const FleetEventKind = z.enum([
  'config_applied',
  'config_refused',
  'config_healthy',
  'config_reverted',
  /** The terminal refused to seal to an office key its pins do not vouch for. */
  'office_key_refused',
]);
export const TerminalEvent = z.strictObject({
  kind: FleetEventKind,
  version: z.number().int().min(0).nullable(),
  message: z.string().max(1000),
  at: IsoTime,
});
export type TerminalEvent = z.infer<typeof TerminalEvent>;

/** Sent every heartbeatSeconds; small on purpose (a few hundred bytes). */
export const Heartbeat = z.strictObject({
  appVersion: z.string().min(1).max(40),
  configVersion: z.number().int().min(0),
  lastSyncAt: IsoTime.nullable(),
  outboxDepth: Count,
  quarantined: Count,
  storageBytes: Count,
  uptimeSeconds: Count,
  lastError: z.string().max(500).nullable(),
  /** Citizen sessions since the last acknowledged heartbeat. */
  sessions: z.number().int().min(0).max(100_000),
  heartbeatSeconds: z.number().int().min(5).max(3600),
  events: z.array(TerminalEvent).max(20).default([]),
});
export type Heartbeat = z.input<typeof Heartbeat>;

export const CommandKind = z.enum(['reload', 'restart', 'wipe', 'collect_logs']);
export type CommandKind = z.infer<typeof CommandKind>;
export const PendingCommand = z.object({ id: z.string(), kind: CommandKind, expiresAt: IsoTime });
export type PendingCommand = z.infer<typeof PendingCommand>;

export const HeartbeatAnswer = z.object({
  /** The config version the hub assigns to this terminal (null: none published for it). */
  configVersion: z.number().int().nullable(),
  commands: z.array(PendingCommand),
});
export type HeartbeatAnswer = z.infer<typeof HeartbeatAnswer>;

export const CommandResult = z.strictObject({
  ok: z.boolean(),
  message: z.string().max(1000),
  /** collect_logs: the log lines, capped. */
  output: z
    .string()
    .max(256 * 1024)
    .optional(),
});
export type CommandResult = z.infer<typeof CommandResult>;

export const EnrollRequest = z.strictObject({
  code: z.string().min(8).max(40),
  /** The terminal's own ECDSA P-256 public key as a JWK; its private half never leaves it. */
  publicKey: z.strictObject({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    y: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    ext: z.boolean().optional(),
    key_ops: z.array(z.string()).optional(),
  }),
});
export type EnrollRequest = z.infer<typeof EnrollRequest>;
export const EnrollAnswer = z.object({ terminalId: TerminalId, name: z.string() });

/** Signed by the terminal's key: proves it holds the enrolled key, for a short-lived token. */
export const TokenRequest = z.strictObject({
  terminalId: TerminalId,
  signedAt: IsoTime,
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'must be a 64-byte P-256 signature in base64url'),
});
export const TokenAnswer = z.object({ token: z.string(), expiresAt: IsoTime });
export const tokenChallenge = (terminalId: string, signedAt: string) =>
  `pop-terminal-token\n${terminalId}\n${signedAt}`;

export const Rollout = z
  .strictObject({
    percent: z.number().int().min(0).max(100).default(0),
    terminals: z.array(TerminalId).max(10_000).default([]),
  })
  .refine((r) => r.percent > 0 || r.terminals.length > 0, {
    message: 'must name a percentage above 0 or at least one terminal (use promote with 0 to halt)',
  });
export type Rollout = z.input<typeof Rollout>;

export const ReleaseSummary = z.object({
  version: z.number().int(),
  issuer: z.string(),
  createdAt: IsoTime,
  terminalCount: z.number().int(),
  rollout: z.object({ percent: z.number().int(), terminals: z.array(z.string()) }),
});
export type ReleaseSummary = z.infer<typeof ReleaseSummary>;

export const TerminalState = z.enum(['online', 'silent', 'never_seen', 'revoked']);
export const FleetTerminal = z.object({
  id: z.string(),
  name: z.string(),
  state: TerminalState,
  enrolled: z.boolean(),
  lastSeenAt: IsoTime.nullable(),
  appVersion: z.string().nullable(),
  configVersion: z.number().int().nullable(),
  assignedVersion: z.number().int().nullable(),
  lastSyncAt: IsoTime.nullable(),
  outboxDepth: z.number().int().nullable(),
  quarantined: z.number().int().nullable(),
  storageBytes: z.number().int().nullable(),
  uptimeSeconds: z.number().int().nullable(),
  lastError: z.string().nullable(),
});
export type FleetTerminal = z.infer<typeof FleetTerminal>;

export const FleetAlert = z.object({
  terminalId: z.string(),
  kind: z.enum(['silent', 'config_reverted', 'config_refused', 'office_key_refused']),
  message: z.string(),
  at: IsoTime,
});
export type FleetAlert = z.infer<typeof FleetAlert>;

export const FleetOverview = z.object({
  terminals: z.array(FleetTerminal),
  alerts: z.array(FleetAlert),
  now: IsoTime,
});
export type FleetOverview = z.infer<typeof FleetOverview>;

export const FleetStats = z.object({
  days: z.array(z.string()),
  sessionsPerDay: z.array(z.number().int()),
  uptimePerTerminal: z.array(z.object({ terminalId: z.string(), percent: z.number() })),
});
export type FleetStats = z.infer<typeof FleetStats>;

export const CommandStatus = z.enum(['pending', 'delivered', 'done', 'failed', 'expired']);
export const FleetCommand = z.object({
  id: z.string(),
  terminalId: z.string(),
  kind: CommandKind,
  status: CommandStatus,
  createdAt: IsoTime,
  expiresAt: IsoTime,
  result: z.string().nullable(),
});
export type FleetCommand = z.infer<typeof FleetCommand>;
export const NewCommand = z.strictObject({
  kind: CommandKind,
  ttlSeconds: z
    .number()
    .int()
    .min(10)
    .max(7 * 86_400)
    .default(900),
});
export const NewEnrollmentCode = z.strictObject({
  terminalId: TerminalId,
  name: z.string().min(1).max(200),
  ttlMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60),
});
export const EnrollmentCode = z.object({ code: z.string(), terminalId: z.string(), expiresAt: IsoTime });
