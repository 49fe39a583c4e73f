import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { resolve } from 'node:path';
import { constants as zlibConstants } from 'node:zlib';
import { clerkSessions } from './auth/clerk-sessions.js';
import { CallCenter } from './calls/call-center.js';
import { DEFAULT_CALL_OPTIONS, type CallOptions } from './calls/options.js';
import { signalingRoutes } from './calls/signaling.js';
import { PostgresNotices } from './calls/notices.js';
import { iceConfigFor } from './calls/turn.js';
import { terminalAuth } from './auth/terminal-auth.js';
import { DEFAULT_LOGIN_LIMITS, loginGate, type LoginLimits } from './auth/login-limits.js';
import { openCallStateDatabase } from './db/open.js';
import type { HubKysely } from './db/schema.js';
import { installAnswerCheck } from './http/answer-check.js';
import { installErrorHandling } from './http/errors.js';
import { installJsonBodyParser } from './http/json-body.js';
import { DEFAULT_RATE_LIMITS, RateLimiter, type RateLimits } from './http/rate-limit.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { installServerTiming } from './http/server-timing.js';
import { installTerminalCors } from './http/terminal-cors.js';
import { adminRoutes } from './admin/routes.js';
import { clerkSessionRoutes } from './routes/clerk-session.js';
import { clerkOidcRoutes } from './routes/clerk-oidc.js';
import type { OidcConfig } from './auth/oidc/config.js';
import { oidcSignIn } from './auth/oidc/sign-in.js';
import { callRoutes } from './routes/calls.js';
import { clerkSubmissionRoutes } from './routes/clerk-submissions.js';
import { contentRoutes } from './routes/content.js';
import { createFleet } from './fleet/fleet.js';
import { fleetProviderRoutes } from './routes/fleet-provider.js';
import type { ProviderKeySource } from './fleet/provider-keys.js';
import { fleetTerminalRoutes } from './routes/fleet-terminal.js';
import { healthRoutes } from './routes/health.js';
import { probeRoutes } from './routes/probes.js';
import { Drain } from './ops/drain.js';
import { HubMetrics, longestWaits } from './ops/metrics.js';
import type { AlertMonitor } from './ops/alerts/monitor.js';
import { quarantineRoutes } from './routes/quarantine.js';
import { retentionRoutes } from './routes/retention.js';
import { scheduleRetention } from './retention/job.js';
import { shellIncidentRoutes } from './routes/shell-incidents.js';
import { staticRoutes } from './routes/static.js';
import { submissionRoutes } from './routes/submissions.js';
import { attachmentRoutes } from './routes/attachments.js';
import { ABANDONED_UPLOAD_DAYS, pruneAbandonedUploads } from './submissions/attachments.js';
import { trackingStatusRoutes } from './routes/tracking-status.js';
import { deliveryRoutes } from './routes/delivery.js';
import { startDeliveryLoop } from './delivery/loop.js';
import type { ClientOptions } from './delivery/submission-api-client.js';
import { tenantRoutes } from './routes/tenants.js';

/** Small on purpose: only a submission may be large, and it sets its own limit. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;
export const DEFAULT_KIOSK_ORIGINS: readonly string[] = ['app://kiosk'];

export interface HubOptions {
  /** Migrated (and usually seeded) database; the caller owns it and closes it. */
  db: HubKysely;
  /** The built renderer: kiosk/, clerk/, assets/. */
  staticDir: string;
  /** Origins besides the hub's own that may call the terminal API. */
  kioskOrigins?: readonly string[];
  /** Logger options, or a ready logger (main.ts makes one before the database opens). */
  logger?: FastifyServerOptions['logger'] | FastifyBaseLogger;
  /**
   * Addresses of reverse proxies (comma list, CIDR allowed) whose X-Forwarded-Proto and -For are
   * believed: behind a TLS-terminating proxy, cookies get their Secure flag and answers carry
   * Strict-Transport-Security; rate limits count the client's address, not the proxy's.
   */
  trustProxy?: string | undefined;
  /** Injected clock, so tests can step over session expiry. */
  now?: () => Date;
  /** Video calls: TURN, timeouts. */
  calls?: Partial<CallOptions>;
  /** Failed logins allowed per account and address and window (tests set their own). */
  loginLimits?: Partial<LoginLimits>;
  /** Bytes of uploads no submission lists yet that one terminal may hold (default 256 MiB). */
  maxPendingUploadBytes?: number;
  /** Provider login and terminal enrollment attempts per address and per credential or code. */
  rateLimits?: Partial<RateLimits>;
  /** Check every answer against the route contract (a mismatch becomes a 500); on in tests. */
  checkAnswers?: boolean;
  /** The provider's public keys; a release that does not verify against them is not published. */
  providerKeys?: ProviderKeySource;
  /** Clerk sign-in through the municipality's OpenID provider (besides local accounts). */
  oidc?: OidcConfig | undefined;
  /** Alerting: evaluated every intervalMs once the hub is ready, until it closes. */
  alerts?: { monitor: AlertMonitor; intervalMs: number };
  /** Shutdown's first phase, begun by the process on SIGTERM (readiness, sockets). */
  drain?: Drain;
  /**
   * The PostgreSQL URL when db is one: call changes then travel between hub instances over
   * LISTEN/NOTIFY on a connection of its own. Without it, call notices stay in this process.
   */
  databaseUrl?: string | undefined;
  /**
   * The FIT-Connect sender: how often it runs (0 = never, for tests that drive it), how often a
   * sent application's event log is read, and its HTTP timeout.
   */
  fitConnect?: { intervalMs?: number; eventPollMs?: number; client?: ClientOptions };
}

/** The hub as a fastify instance, ready for inject() or listen(). */
export function buildHub(options: HubOptions): FastifyInstance {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const drain = options.drain ?? new Drain();
  const { logger = false } = options;
  const base = { bodyLimit: DEFAULT_BODY_LIMIT, trustProxy: options.trustProxy ?? false };
  const app =
    typeof logger === 'object' && 'child' in logger
      ? Fastify({ ...base, loggerInstance: logger })
      : Fastify({ ...base, logger });

  installErrorHandling(app);
  if (options.checkAnswers ?? process.env.NODE_ENV === 'test') installAnswerCheck(app);
  const fleet = createFleet(db, (error) => app.log.error({ err: error }, 'heartbeat flush failed'));
  installSecurityHeaders(app, () => fleet.connectSources.list());
  installServerTiming(app);
  app.addHook('onReady', () => fleet.connectSources.load());
  // Kiosk pages carry the hubs releases name in their CSP: checked against the database first.
  app.addHook('onRequest', async (request) => {
    // A database hiccup keeps the last list rather than failing the page.
    if (request.url === '/kiosk' || request.url.startsWith('/kiosk/'))
      await fleet.connectSources
        .load()
        .catch((error: unknown) => request.log.warn({ err: error }, 'hub origins not re-read'));
  });
  installTerminalCors(app, options.kioskOrigins ?? DEFAULT_KIOSK_ORIGINS);
  installJsonBodyParser(app);
  void app.register(fastifyCookie);
  // Rural lines are slow: catalog pages and the console's lists go compressed (brotli or gzip).
  // Brotli's default quality (11) costs seconds on a catalog page; 5 keeps most of the gain.
  void app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } },
  });

  app.addHook('onClose', () => fleet.close());
  const terminals = terminalAuth(db, fleet.tokens, now);
  const sessions = clerkSessions(db, now);
  const logins = loginGate(db, now, { ...DEFAULT_LOGIN_LIMITS, ...options.loginLimits });
  void app.register(healthRoutes(now));
  void app.register(contentRoutes(db, terminals));
  void app.register(submissionRoutes(db, terminals, now));
  void app.register(attachmentRoutes(db, terminals, now, options.maxPendingUploadBytes));
  // Uploads whose submission never came are deleted after a month, once a day.
  const prune = () => {
    const before = new Date(now().getTime() - ABANDONED_UPLOAD_DAYS * 86_400_000);
    pruneAbandonedUploads(db, before).then(
      (count) => count > 0 && app.log.info({ count }, 'abandoned attachment uploads deleted'),
      (error: unknown) => app.log.error({ err: error }, 'pruning attachment uploads failed'),
    );
  };
  const pruneTimer = setInterval(prune, 86_400_000);
  pruneTimer.unref();
  app.addHook('onReady', async () => prune());
  app.addHook('onClose', async () => clearInterval(pruneTimer));
  void app.register(shellIncidentRoutes(db, terminals, now));
  void app.register(clerkSessionRoutes(db, sessions, logins));
  const signIn = options.oidc && oidcSignIn(db, options.oidc);
  void app.register(clerkOidcRoutes(db, sessions, logins, signIn, now));
  void app.register(clerkSubmissionRoutes(db, sessions, now));
  void app.register(adminRoutes(db, sessions, logins, now));
  const calls = { ...DEFAULT_CALL_OPTIONS, ...options.calls };
  const { turnSecret } = calls;
  const turn = turnSecret
    ? { secret: turnSecret, urls: calls.turnUrls, ttlSeconds: calls.turnTtlSeconds }
    : undefined;
  const shared = options.databaseUrl;
  const callDb = shared ? openCallStateDatabase(shared) : db;
  const center = new CallCenter({
    db: callDb,
    dialect: shared ? 'postgres' : 'sqlite',
    ...(shared
      ? {
          notices: new PostgresNotices(shared, callDb, (error) =>
            app.log.warn({ err: error }, 'call notice channel trouble'),
          ),
        }
      : {}),
    queueTimeoutMs: calls.queueTimeoutSeconds * 1000,
    graceMs: calls.graceSeconds * 1000,
    offerTimeoutMs: 60_000,
    iceFor: (peerId) => iceConfigFor(turn, peerId, now(), calls.relayOnly),
    onError: (error) => app.log.error({ err: error }, 'call state update failed'),
    now,
  });
  app.addHook('onReady', () => center.start());
  if (callDb !== db)
    app.addHook('onClose', async () => {
      await center.closeAll();
      await callDb.destroy();
    });
  const metrics = new HubMetrics({
    db,
    now,
    callOffices: () => center.officeStatuses(),
    longestWaits: () => longestWaits(center, now()),
    more: () => options.alerts?.monitor.families() ?? '',
  });
  app.addHook('onClose', async () => metrics.stop());
  const { alerts } = options;
  if (alerts) {
    app.addHook('onReady', async () => alerts.monitor.start(alerts.intervalMs, now));
    app.addHook('onClose', () => alerts.monitor.stop());
  }
  void app.register(probeRoutes(db, metrics, now, drain));
  void app.register(
    signalingRoutes({
      center,
      sessions,
      terminals,
      kioskOrigins: options.kioskOrigins ?? DEFAULT_KIOSK_ORIGINS,
      drain,
    }),
  );
  void app.register(callRoutes(db, terminals, sessions, now));
  const limiter = new RateLimiter(db, now);
  void app.register(trackingStatusRoutes(db, terminals, limiter));
  const limits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  const pruneLimits = setInterval(() => {
    limiter
      .prune(new Date(now().getTime() - 86_400_000))
      .catch((error: unknown) => app.log.error({ err: error }, 'pruning rate limits failed'));
  }, 3_600_000);
  pruneLimits.unref();
  app.addHook('onClose', async () => clearInterval(pruneLimits));
  void app.register(fleetTerminalRoutes(db, terminals, fleet, now, limiter, limits));
  const providerKeys = options.providerKeys ?? (() => Promise.resolve([]));
  void app.register(fleetProviderRoutes(db, fleet, now, limiter, limits, providerKeys));
  void app.register(quarantineRoutes(db, terminals, sessions, now));
  void app.register(retentionRoutes(db, now));
  void app.register(tenantRoutes(db, now));
  // Processed applications are deleted once their office's or form's retention period has passed.
  scheduleRetention(app, db, now);
  const fitConnect = options.fitConnect ?? {};
  void app.register(
    deliveryRoutes(db, terminals, now, fitConnect.client ? { client: fitConnect.client } : {}),
  );
  startDeliveryLoop(
    app,
    {
      db,
      now,
      ...(fitConnect.client ? { client: fitConnect.client } : {}),
      ...(fitConnect.eventPollMs !== undefined ? { eventPollMs: fitConnect.eventPollMs } : {}),
    },
    fitConnect.intervalMs ?? 30_000,
  );
  void app.register(staticRoutes(resolve(options.staticDir)));
  return app;
}
