import { z } from 'zod';
import { Release } from '../../kiosk-config/fleet/release.js';
import { SignedConfig } from '../../kiosk-config/fleet/signed.js';
import {
  CommandResult,
  EnrollAnswer,
  EnrollmentCode,
  EnrollRequest,
  FleetCommand,
  FleetOverview,
  FleetStats,
  Heartbeat,
  HeartbeatAnswer,
  NewCommand,
  NewEnrollmentCode,
  ReleaseSummary,
  Rollout,
  TokenAnswer,
  TokenRequest,
} from '../fleet.js';
import { Id } from '../id.js';
import { defineRoute, empty, json } from './contract.js';
import { TenantQuery } from '../tenants.js';

export const CommandParams = z.object({ id: z.uuid() });
export const ReleaseParams = z.object({ version: z.coerce.number().int().positive() });
export const TerminalParams = z.object({ id: Id });
export const ProviderLogin = z.strictObject({ token: z.string().min(1).max(500) });
export const CommandQuery = z.object({ terminal: z.string().max(64).optional() });
export const PublishBody = z.strictObject({ release: Release, rollout: Rollout });

const isHalt = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  (value as { percent?: unknown }).percent === 0 &&
  !('terminals' in value);

/** A rollout change: a Rollout, or `{ percent: 0 }` alone, which halts (refused at publish). */
export const RolloutChange = z
  .unknown()
  .transform((value, ctx): z.output<typeof Rollout> => {
    if (isHalt(value)) return { percent: 0, terminals: [] };
    const parsed = Rollout.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: issue.path });
    return z.NEVER;
  })
  .meta({
    description: 'A Rollout ({percent, terminals}); { "percent": 0 } alone halts the rollout.',
  });

export const ReleaseList = z.object({ releases: z.array(ReleaseSummary) });
export const CommandList = z.object({ commands: z.array(FleetCommand) });

/** What a terminal calls to join the fleet and stay in it. */
export const fleetTerminalRoutes = {
  enroll: defineRoute({
    method: 'POST',
    path: '/api/v1/enroll',
    audience: 'public',
    summary: 'A new terminal enrolls with a one-time code and its public key.',
    body: EnrollRequest,
    answers: { 201: json(EnrollAnswer, 'Enrolled.') },
    errors: [401, 409],
  }),
  token: defineRoute({
    method: 'POST',
    path: '/api/v1/terminal/token',
    audience: 'public',
    summary: 'A short-lived terminal token for a challenge signed with the enrolled key.',
    body: TokenRequest,
    answers: { 200: json(TokenAnswer, 'The token.') },
    errors: [401],
  }),
  heartbeat: defineRoute({
    method: 'POST',
    path: '/api/v1/terminal/heartbeat',
    audience: 'terminal',
    summary: 'The terminal’s vital signs; the answer names its config version and pending commands.',
    body: Heartbeat,
    answers: { 200: json(HeartbeatAnswer, 'Assigned config and commands.') },
  }),
  config: defineRoute({
    method: 'GET',
    path: '/api/v1/terminal/config',
    audience: 'terminal',
    summary: 'The signed config published for the asking terminal (ETag config-<version>).',
    answers: {
      200: json(SignedConfig, 'The signed config, byte for byte as signed.'),
      304: empty('Unchanged.'),
    },
    errors: [404],
  }),
  commandResult: defineRoute({
    method: 'POST',
    path: '/api/v1/terminal/commands/:id/result',
    audience: 'terminal',
    summary: 'How a remote command ended.',
    params: CommandParams,
    body: CommandResult,
    answers: { 204: empty('Recorded.') },
  }),
} as const;

/** What the IT provider calls (CLI and fleet console). */
export const fleetProviderRoutes = {
  login: defineRoute({
    method: 'POST',
    path: '/api/v1/provider/login',
    audience: 'public',
    summary: 'Puts a provider token into the httpOnly provider cookie for the fleet console.',
    body: ProviderLogin,
    answers: { 204: empty('Logged in.') },
    errors: [401],
  }),
  logout: defineRoute({
    method: 'POST',
    path: '/api/v1/provider/logout',
    audience: 'public',
    summary: 'Clears the provider cookie.',
    answers: { 204: empty('Logged out.') },
  }),
  releases: defineRoute({
    method: 'GET',
    path: '/api/v1/provider/releases',
    audience: 'provider',
    summary: 'Published config releases.',
    query: TenantQuery,
    answers: { 200: json(ReleaseList, 'The releases.') },
    errors: [403],
  }),
  publish: defineRoute({
    method: 'POST',
    path: '/api/v1/provider/releases',
    audience: 'provider',
    summary: 'Publishes a signed release with its first rollout.',
    query: TenantQuery,
    body: PublishBody,
    answers: { 201: json(ReleaseSummary, 'Published.') },
    errors: [403, 409, 413, 422],
  }),
  release: defineRoute({
    method: 'GET',
    path: '/api/v1/provider/releases/:version',
    audience: 'provider',
    summary: 'One release with every signed config.',
    query: TenantQuery,
    params: ReleaseParams,
    answers: { 200: json(Release, 'The release.') },
    errors: [403, 404],
  }),
  rollout: defineRoute({
    method: 'POST',
    path: '/api/v1/provider/releases/:version/rollout',
    audience: 'provider',
    summary: 'Widens, narrows or halts the rollout of a release.',
    query: TenantQuery,
    params: ReleaseParams,
    body: RolloutChange,
    answers: { 204: empty('Changed.') },
    errors: [403, 404],
  }),
  terminals: defineRoute({
    method: 'GET',
    path: '/api/v1/provider/terminals',
    audience: 'provider',
    summary: 'Every terminal with its last heartbeat, and the alerts.',
    query: TenantQuery,
    answers: { 200: json(FleetOverview, 'The fleet.') },
    errors: [403],
  }),
  stats: defineRoute({
    method: 'GET',
    path: '/api/v1/provider/stats',
    audience: 'provider',
    summary: 'Sessions per day and uptime per terminal.',
    query: TenantQuery,
    answers: { 200: json(FleetStats, 'The figures.') },
    errors: [403],
  }),
  revoke: defineRoute({
    method: 'POST',
    path: '/api/v1/provider/terminals/:id/revoke',
    audience: 'provider',
    summary: 'Revokes a terminal: its tokens stop working.',
    query: TenantQuery,
    params: TerminalParams,
    answers: { 204: empty('Revoked.') },
    errors: [403, 404],
  }),
  createCommand: defineRoute({
    method: 'POST',
    path: '/api/v1/provider/terminals/:id/commands',
    audience: 'provider',
    summary: 'Queues a remote command for a terminal.',
    query: TenantQuery,
    params: TerminalParams,
    body: NewCommand,
    answers: { 201: json(FleetCommand, 'Queued.') },
    errors: [403, 404],
  }),
  commands: defineRoute({
    method: 'GET',
    path: '/api/v1/provider/commands',
    audience: 'provider',
    summary: 'Recent commands, optionally of one terminal.',
    query: CommandQuery.extend(TenantQuery.shape),
    answers: { 200: json(CommandList, 'The commands.') },
    errors: [403],
  }),
  enrollmentCode: defineRoute({
    method: 'POST',
    path: '/api/v1/provider/enrollment-codes',
    audience: 'provider',
    summary: 'A one-time enrollment code for a new terminal.',
    query: TenantQuery,
    body: NewEnrollmentCode,
    answers: { 201: json(EnrollmentCode, 'The code.') },
    errors: [403, 409],
  }),
} as const;
