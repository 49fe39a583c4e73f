import { pino, type Logger } from 'pino';
import { parseCli, USAGE, type CliOptions } from './cli-options.js';
import { attachmentFitWarnings } from './content/attachment-fit.js';
import { assertSchemaCurrent, migrateToLatest, SchemaBehind } from './db/migrate.js';
import { claimDataDir, DataDirBusy } from './db/data-dir-lock.js';
import { openDatabase } from './db/open.js';
import type { HubKysely } from './db/schema.js';
import { hubInstallRoot } from './install-root.js';
import { seedIfEmpty } from './seed/seed.js';
import { demoSecretsMessage, findDemoSecrets } from './auth/demo-secrets.js';
import { loadDemoEntry } from './demo-switch.js';
import { ensureProviderToken, providerTokenFromEnv } from './fleet/provider-auth.js';
import { providerKeysFromFile, readProviderKeys } from './fleet/provider-keys.js';
import { alertMonitorFor } from './ops/alerts/setup.js';
import { loadOidcConfig, type OidcConfig } from './auth/oidc/config.js';
import { Drain } from './ops/drain.js';
import { buildHub } from './server.js';

/** Refused configuration: said in one line on stderr, exits like a bad option. */
class ConfigurationError extends Error {}

/** Bad options exit with 2, as CLI tools do; a failed start with 1. */
const EXIT_USAGE = 2;
const EXIT_FAILURE = 1;
/** Longest a shutdown may take after the drain before the process gives up on open connections. */
const SHUTDOWN_GRACE_MS = 10_000;

async function start(options: CliOptions, repoRoot: string, log: Logger): Promise<void> {
  // A broken key file stops the start here rather than at the first publish.
  if (options.providerKeysFile !== undefined) {
    const keys = await readProviderKeys(options.providerKeysFile);
    log.info({ keyIds: keys.map((k) => k.keyId) }, 'provider keys for checking releases');
  } else log.warn('no --provider-keys: this hub publishes no config release');
  const oidc = options.oidcConfigFile === undefined ? undefined : readOidcConfig(options.oidcConfigFile);
  // SQLite serves one process: a second hub on the same folder stops here (PostgreSQL takes many).
  const claim = options.databaseUrl ? null : claimDataDir(options.dataDir);
  process.once('exit', () => claim?.release());
  const database = openDatabase(options);
  const alerts = alertMonitorFor(database.db, options.alerts, log);
  const drain = new Drain();
  const app = buildHub({
    drain,
    db: database.db,
    databaseUrl: options.databaseUrl,
    staticDir: options.staticDir,
    kioskOrigins: options.kioskOrigins,
    trustProxy: options.trustProxy,
    calls: options.calls,
    providerKeys: providerKeysFromFile(options.providerKeysFile),
    alerts,
    oidc,
    logger: log,
    fitConnect: {
      intervalMs: options.fitConnect.intervalSeconds * 1000,
      eventPollMs: options.fitConnect.eventPollSeconds * 1000,
    },
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: stopping now');
      process.exit(EXIT_FAILURE);
    }
    stopping = true;
    log.info({ signal }, 'hub stopping');
    setTimeout(
      () => {
        log.error('shutdown took too long');
        process.exit(EXIT_FAILURE);
      },
      options.drainSeconds * 1000 + SHUTDOWN_GRACE_MS,
    ).unref();
    // Rolling upgrade: not-ready for one balancer interval while still serving, then the sockets
    // are told to reconnect (1012), then requests stop and the database the last one used closes.
    drain.begin();
    log.info({ drainSeconds: options.drainSeconds }, 'hub draining');
    void new Promise((resolve) => setTimeout(resolve, options.drainSeconds * 1000))
      .then(() => drain.closeSockets())
      .then((sockets) => log.info({ sockets }, 'sockets closed'))
      .then(() => app.close())
      .then(() => database.db.destroy())
      .then(() => claim?.release())
      .then(
        () => log.info('hub stopped'),
        (error: unknown) => {
          log.error({ err: error }, 'shutdown failed');
          process.exitCode = EXIT_FAILURE;
        },
      );
  };
  process.on('SIGTERM', stop).on('SIGINT', stop);

  try {
    // With --no-migrate, `pop-hub migrate` is a step of its own: this build only checks the schema.
    if (options.migrate) {
      const applied = await migrateToLatest(database.db);
      log.info({ dialect: database.dialect, location: database.location, applied }, 'database ready');
    } else {
      const { newer } = await assertSchemaCurrent(database.db);
      log.info({ dialect: database.dialect, location: database.location, newer }, 'database ready');
    }
    await prepare(database.db, options, repoRoot, log);
    const url = await app.listen({ port: options.port, host: options.host });
    log.info({ url }, 'hub listening');
  } catch (error) {
    await app.close().catch(() => undefined);
    await database.db.destroy().catch(() => undefined);
    claim?.release();
    throw error;
  }
}

/** The OpenID settings, or a one-line ConfigurationError naming the field or file. */
function readOidcConfig(file: string): OidcConfig {
  try {
    return loadOidcConfig(file);
  } catch (error) {
    throw new ConfigurationError((error as Error).message, { cause: error });
  }
}

/**
 * With --demo, an empty database gets the demo municipality and the demo logins. Without it the
 * hub holds only what its operator gave it, and refuses to run with any published demo secret.
 */
async function prepare(db: HubKysely, options: CliOptions, repoRoot: string, log: Logger): Promise<void> {
  if (options.demo) {
    const loadDemo = await loadDemoEntry();
    const demo = await loadDemo(repoRoot, process.env);
    if (await seedIfEmpty(db, demo.seed)) {
      log.info('seeded the demo municipality');
      for (const warning of attachmentFitWarnings(demo.seed.content.forms)) log.warn(warning);
    }
    await ensureProviderToken(db, demo.providerToken, 'provider', new Date());
    log.warn('demo mode: the demo logins are published, never serve citizens with this hub');
    return;
  }
  const found = await findDemoSecrets(db, process.env);
  if (found.length > 0) throw new ConfigurationError(demoSecretsMessage(found));
  const providerToken = providerTokenFromEnv();
  if (providerToken !== undefined) await ensureProviderToken(db, providerToken, 'provider', new Date());
}

async function main(): Promise<void> {
  // Installed or a checkout: the hub finds its files beside itself (no checkout, no package.json needed).
  const repoRoot = hubInstallRoot();
  const parsed = parseCli(process.argv.slice(2), process.env, process.cwd(), repoRoot);
  if (!parsed.ok) {
    process.stderr.write(`hub: ${parsed.message}\n`);
    process.exitCode = EXIT_USAGE;
    return;
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const log = pino({ level: parsed.options.logLevel });
  try {
    await start(parsed.options, repoRoot, log);
  } catch (error) {
    if (error instanceof DataDirBusy || error instanceof SchemaBehind) {
      process.stderr.write(`hub: ${error.message}\n`);
      process.exitCode = EXIT_FAILURE;
      return;
    }
    if (error instanceof ConfigurationError) {
      process.stderr.write(`hub: ${error.message}\n`);
      process.exitCode = EXIT_USAGE;
      return;
    }
    log.fatal({ err: error }, 'hub failed to start');
    process.exitCode = EXIT_FAILURE;
  }
}

await main();
