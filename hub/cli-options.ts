import { isAbsolute, join, resolve } from 'node:path';
import { DEFAULT_CALL_OPTIONS, type CallOptions } from './calls/options.js';
import {
  ALERT_FLAGS,
  ALERT_USAGE,
  AlertOptionError,
  parseAlertOptions,
  type AlertOptions,
} from './ops/alerts/options.js';
import { DEFAULT_KIOSK_ORIGINS } from './server.js';

export interface CliOptions {
  dataDir: string;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  staticDir: string;
  kioskOrigins: string[];
  logLevel: string;
  trustProxy: string | undefined;
  calls: CallOptions;
  /** Seeds an empty database with the demo municipality and accepts the demo's published logins. */
  demo: boolean;
  /** JSON file with the provider's public key(s); releases are checked against it. */
  providerKeysFile: string | undefined;
  /** Alert checks and where notices go (webhook, mail); no channel: alerts off. */
  alerts: AlertOptions;
  /** JSON file with the OpenID provider settings for clerk sign-in (docs/security/clerk-sign-in.md). */
  oidcConfigFile: string | undefined;
  /** Run pending migrations at start; off when `pop-hub migrate` is a step of its own. */
  migrate: boolean;
  /** After SIGTERM, how long /readyz says 503 before sockets are closed (one balancer check). */
  drainSeconds: number;
  /** The FIT-Connect sender: seconds between its passes, and between reads of a submission's event log. */
  fitConnect: { intervalSeconds: number; eventPollSeconds: number };
}

export type ParsedCli =
  { ok: true; help: true } | { ok: true; help: false; options: CliOptions } | { ok: false; message: string };

/** Each option by flag or by environment variable; a flag wins. */
const OPTIONS = {
  'data-dir': 'POP_DATA_DIR',
  port: 'POP_PORT',
  host: 'POP_HOST',
  'database-url': 'POP_DATABASE_URL',
  'static-dir': 'POP_STATIC_DIR',
  'kiosk-origins': 'POP_KIOSK_ORIGINS',
  'log-level': 'POP_LOG_LEVEL',
  'trust-proxy': 'POP_TRUST_PROXY',
  'turn-secret': 'POP_TURN_SECRET',
  'turn-urls': 'POP_TURN_URLS',
  'turn-ttl': 'POP_TURN_TTL',
  'turn-relay-only': 'POP_TURN_RELAY_ONLY',
  'call-queue-timeout': 'POP_CALL_QUEUE_TIMEOUT',
  'call-grace': 'POP_CALL_GRACE',
  'provider-keys': 'POP_PROVIDER_KEYS',
  'oidc-config': 'POP_OIDC_CONFIG',
  ...ALERT_FLAGS,
  'drain-seconds': 'POP_DRAIN_SECONDS',
  'fitconnect-interval': 'POP_FITCONNECT_INTERVAL',
  'fitconnect-event-poll': 'POP_FITCONNECT_EVENT_POLL',
} as const;
type OptionName = keyof typeof OPTIONS;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export const DEMO_ENV = 'POP_DEMO';
export const MIGRATE_ENV = 'POP_MIGRATE';
export const DEFAULT_DRAIN_SECONDS = 5;
export const DEFAULT_FITCONNECT_INTERVAL_SECONDS = 30;
export const DEFAULT_FITCONNECT_EVENT_POLL_SECONDS = 60;

export const USAGE = `Usage: node dist/hub/main.js [options]
  --demo                    POP_DEMO=1         the demo municipality Lindenau with its published logins
  --data-dir <dir>          POP_DATA_DIR       folder of the SQLite database (default ./.data/hub)
  --port <n>                POP_PORT           port, 0 for a free one (default 8080)
  --host <host>             POP_HOST           interface to listen on (default 127.0.0.1)
  --database-url <url>      POP_DATABASE_URL   postgres://... to use PostgreSQL instead of SQLite
  --static-dir <dir>        POP_STATIC_DIR     built kiosk and clerk console (default dist/renderer)
  --kiosk-origins <a,b>     POP_KIOSK_ORIGINS  origins allowed to call the terminal API (default app://kiosk)
  --log-level <level>       POP_LOG_LEVEL      ${LOG_LEVELS.join(', ')} (default info)
  --trust-proxy <a,b>       POP_TRUST_PROXY    addresses of TLS-terminating proxies to believe (default none)
  --turn-secret <secret>    POP_TURN_SECRET    coturn static-auth-secret for short-lived TURN credentials
  --turn-urls <a,b>         POP_TURN_URLS      turn:/turns:/stun: URLs handed to video peers (default none)
  --turn-ttl <seconds>      POP_TURN_TTL       lifetime of a TURN credential (default ${DEFAULT_CALL_OPTIONS.turnTtlSeconds})
  --turn-relay-only <bool>  POP_TURN_RELAY_ONLY  force media through TURN (iceTransportPolicy relay; default false)
  --call-queue-timeout <s>  POP_CALL_QUEUE_TIMEOUT  a waiting call ends unanswered after this (default ${DEFAULT_CALL_OPTIONS.queueTimeoutSeconds})
  --call-grace <s>          POP_CALL_GRACE     a vanished call side may come back within this (default ${DEFAULT_CALL_OPTIONS.graceSeconds})
  --provider-keys <file>    POP_PROVIDER_KEYS  the provider's public key file(s) (*.pub.json or a list); without it no release is published
  --oidc-config <file>      POP_OIDC_CONFIG    OpenID provider settings for clerk sign-in (JSON; default: local accounts only)
  --no-migrate              POP_MIGRATE=off    do not migrate at start (run \`pop-hub migrate\` first); refuse to start if the schema is behind
  --drain-seconds <s>       POP_DRAIN_SECONDS  after SIGTERM, answer /readyz 503 this long before closing sockets (default ${DEFAULT_DRAIN_SECONDS})
  --fitconnect-interval <s> POP_FITCONNECT_INTERVAL  seconds between the FIT-Connect sender's passes (default ${DEFAULT_FITCONNECT_INTERVAL_SECONDS})
  --fitconnect-event-poll <s>  POP_FITCONNECT_EVENT_POLL  seconds between reads of a sent application's event log (default ${DEFAULT_FITCONNECT_EVENT_POLL_SECONDS})
${ALERT_USAGE}`;

class OptionError extends Error {}

function isOptionName(name: string): name is OptionName {
  return Object.hasOwn(OPTIONS, name);
}

interface Argv {
  values: Partial<Record<OptionName, string>>;
  demo: boolean;
  noMigrate: boolean;
}

function readArgv(argv: readonly string[]): Argv | 'help' {
  const values: Partial<Record<OptionName, string>> = {};
  let demo = false;
  let noMigrate = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--demo') {
      demo = true;
      continue;
    }
    if (arg === '--no-migrate') {
      noMigrate = true;
      continue;
    }
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    const name = match?.[1];
    if (!match || name === undefined || !isOptionName(name)) {
      throw new OptionError(`unknown option ${JSON.stringify(arg)} (see --help)`);
    }
    let value = match[2];
    if (value === undefined) {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new OptionError(`--${name} needs a value`);
      i++;
    }
    values[name] = value;
  }
  return { values, demo, noMigrate };
}

function parseDemoEnv(text: string | undefined): boolean {
  if (text === undefined || text === '' || text === '0' || text === 'false') return false;
  if (text === '1' || text === 'true') return true;
  throw new OptionError(`${DEMO_ENV} must be 1 or 0 (true or false), got ${JSON.stringify(text)}`);
}

function parseMigrateEnv(text: string | undefined): boolean {
  if (text === undefined || text === '' || text === 'on' || text === '1' || text === 'true') return true;
  if (text === 'off' || text === '0' || text === 'false') return false;
  throw new OptionError(`${MIGRATE_ENV} must be on or off, got ${JSON.stringify(text)}`);
}

function parseDrainSeconds(text: string | undefined): number {
  if (text === undefined) return DEFAULT_DRAIN_SECONDS;
  const value = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  if (!(value >= 0 && value <= 600))
    throw new OptionError('drain-seconds must be a number of seconds from 0 to 600');
  return value;
}

function parsePort(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 0 && port <= 65535))
    throw new OptionError(`port must be a number from 0 to 65535, got ${JSON.stringify(text)}`);
  return port;
}

function parseSeconds(name: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  const value = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
  if (!(value >= 1 && value <= max))
    throw new OptionError(`${name} must be a number of seconds from 1 to ${max}`);
  return value;
}

function parseTurnUrls(text: string | undefined): string[] {
  const urls = (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const url of urls) {
    if (!/^(stun|turns?):[\w.[\]:-]+(\?transport=(udp|tcp))?$/.test(url)) {
      throw new OptionError(
        `turn-urls: ${JSON.stringify(url)} is not like turn:host:3478 or turns:host:443?transport=tcp`,
      );
    }
  }
  return urls;
}

function parseCallOptions(value: (name: OptionName) => string | undefined): CallOptions {
  const turnUrls = parseTurnUrls(value('turn-urls'));
  const turnSecret = value('turn-secret');
  if (turnUrls.some((u) => u.startsWith('turn')) && !turnSecret)
    throw new OptionError('turn-urls with turn: or turns: need --turn-secret (coturn static-auth-secret)');
  const relayOnly = value('turn-relay-only') ?? 'false';
  if (relayOnly !== 'true' && relayOnly !== 'false')
    throw new OptionError('turn-relay-only must be true or false');
  const d = DEFAULT_CALL_OPTIONS;
  return {
    turnUrls,
    turnSecret,
    turnTtlSeconds: parseSeconds('turn-ttl', value('turn-ttl'), d.turnTtlSeconds, 86_400),
    relayOnly: relayOnly === 'true',
    queueTimeoutSeconds: parseSeconds(
      'call-queue-timeout',
      value('call-queue-timeout'),
      d.queueTimeoutSeconds,
      86_400,
    ),
    graceSeconds: parseSeconds('call-grace', value('call-grace'), d.graceSeconds, 3600),
  };
}

function parseDatabaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new OptionError('database-url must be a URL like postgres://user:password@host:5432/database');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new OptionError(`database-url must start with postgres:// or postgresql://, got ${url.protocol}//`);
  }
  return text;
}

/** An origin is scheme://host[:port] and nothing more; app://kiosk is the shell's own scheme. */
export function parseOrigins(text: string): string[] {
  const origins: string[] = [];
  for (const item of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    let url: URL | undefined;
    try {
      url = new URL(item);
    } catch {
      url = undefined;
    }
    const bare =
      url && url.host !== '' && (url.pathname === '' || url.pathname === '/') && !url.search && !url.hash;
    if (!url || !bare || url.username || url.password) {
      throw new OptionError(
        `kiosk-origins: ${JSON.stringify(item)} is not an origin like app://kiosk or https://host:port`,
      );
    }
    origins.push(`${url.protocol}//${url.host}`.toLowerCase());
  }
  return origins;
}

export function parseCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  repoRoot: string,
): ParsedCli {
  try {
    const parsedArgv = readArgv(argv);
    if (parsedArgv === 'help') return { ok: true, help: true };
    const flags = parsedArgv.values;
    const demo = parsedArgv.demo || parseDemoEnv(env[DEMO_ENV]);
    // An empty variable counts as unset, as shells and compose files often leave them so.
    const value = (name: OptionName) => flags[name] ?? (env[OPTIONS[name]] || undefined);
    const path = (text: string) => (isAbsolute(text) ? text : resolve(cwd, text));

    const host = value('host') ?? '127.0.0.1';
    if (!/^[\w.:[\]-]+$/.test(host))
      throw new OptionError(`host ${JSON.stringify(host)} is not a host name or address`);
    const logLevel = value('log-level') ?? 'info';
    if (!LOG_LEVELS.includes(logLevel))
      throw new OptionError(`log-level must be one of ${LOG_LEVELS.join(', ')}`);
    const databaseUrl = value('database-url');
    const origins = value('kiosk-origins');
    const trustProxy = value('trust-proxy');
    if (trustProxy !== undefined && !/^[\w.:/]+(,\s*[\w.:/]+)*$/.test(trustProxy)) {
      throw new OptionError('trust-proxy must be a comma list of addresses, like 127.0.0.1,10.0.0.0/8');
    }

    return {
      ok: true,
      help: false,
      options: {
        dataDir: path(value('data-dir') || join('.data', 'hub')),
        port: parsePort(value('port') ?? '8080'),
        host,
        databaseUrl: databaseUrl ? parseDatabaseUrl(databaseUrl) : undefined,
        staticDir: path(value('static-dir') || join(repoRoot, 'dist', 'renderer')),
        kioskOrigins: origins === undefined ? [...DEFAULT_KIOSK_ORIGINS] : parseOrigins(origins),
        logLevel,
        trustProxy,
        calls: parseCallOptions(value),
        demo,
        providerKeysFile:
          value('provider-keys') === undefined ? undefined : path(value('provider-keys') ?? ''),
        alerts: parseAlertOptions(value),
        oidcConfigFile: value('oidc-config') === undefined ? undefined : path(value('oidc-config') ?? ''),
        migrate: !parsedArgv.noMigrate && parseMigrateEnv(env[MIGRATE_ENV]),
        drainSeconds: parseDrainSeconds(value('drain-seconds')),
        fitConnect: {
          intervalSeconds: parseSeconds(
            'fitconnect-interval',
            value('fitconnect-interval'),
            DEFAULT_FITCONNECT_INTERVAL_SECONDS,
            3600,
          ),
          eventPollSeconds: parseSeconds(
            'fitconnect-event-poll',
            value('fitconnect-event-poll'),
            DEFAULT_FITCONNECT_EVENT_POLL_SECONDS,
            86_400,
          ),
        },
      },
    };
  } catch (error) {
    if (error instanceof OptionError || error instanceof AlertOptionError)
      return { ok: false, message: error.message };
    throw error;
  }
}
