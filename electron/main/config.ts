import { join, resolve } from 'node:path';
import { parseKioskConfig, type KioskConfig } from '../../kiosk-config/schema.js';

/**
 * Where the terminal's config comes from, in order: the --config flag, the POP_KIOSK_CONFIG
 * variable, kiosk-config.json in the app's userData folder, and, in development only, the demo
 * config shipped in the repository. A packaged kiosk never falls back to the demo: a terminal
 * talking to the demo hub with the demo token would look like it works while it does not.
 */
export const CONFIG_FLAG = '--config';
export const CONFIG_ENV = 'POP_KIOSK_CONFIG';
export const USER_DATA_CONFIG_FILE = 'kiosk-config.json';

export type ConfigOrigin = 'flag' | 'env' | 'user-data' | 'demo';

export interface ConfigLocation {
  origin: ConfigOrigin;
  /** Absolute path of the file. */
  path: string;
}

export interface LocateConfigInput {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  userDataDir: string;
  demoConfigPath: string;
  isPackaged: boolean;
  fileExists: (path: string) => boolean;
}

export type LocatedConfig = { ok: true; location: ConfigLocation } | { ok: false; problem: string };

/** `undefined`: the flag is absent; `null`: it is present without a value. */
function configFlagValue(argv: readonly string[]): string | null | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === CONFIG_FLAG) {
      const next = argv[i + 1];
      return next === undefined || next.startsWith('--') ? null : next;
    }
    if (arg?.startsWith(`${CONFIG_FLAG}=`)) {
      const value = arg.slice(CONFIG_FLAG.length + 1);
      return value === '' ? null : value;
    }
  }
  return undefined;
}

export function locateKioskConfig(input: LocateConfigInput): LocatedConfig {
  const flag = configFlagValue(input.argv);
  if (flag === null) return { ok: false, problem: `${CONFIG_FLAG} was given without a file path` };
  if (flag !== undefined) return { ok: true, location: { origin: 'flag', path: resolve(input.cwd, flag) } };

  const fromEnv = input.env[CONFIG_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    return { ok: true, location: { origin: 'env', path: resolve(input.cwd, fromEnv) } };
  }

  const userDataPath = join(input.userDataDir, USER_DATA_CONFIG_FILE);
  if (input.fileExists(userDataPath) || input.isPackaged) {
    return { ok: true, location: { origin: 'user-data', path: userDataPath } };
  }
  return { ok: true, location: { origin: 'demo', path: input.demoConfigPath } };
}

export type ParsedConfigText = { ok: true; config: KioskConfig } | { ok: false; problems: string[] };

/**
 * Where JSON.parse stopped, as line and column. V8's own message quotes the text around the
 * error, and the error page is on a public screen: a quoted terminalToken must never appear there.
 */
function jsonErrorPosition(text: string, error: unknown): string {
  const match = error instanceof Error ? /position (\d+)/.exec(error.message) : null;
  if (match?.[1] === undefined) return '';
  const offset = Number(match[1]);
  const before = text.slice(0, offset).split('\n');
  return ` (line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1})`;
}

/** Parses the text of a config file; every problem is a "path: sentence" without secret values. */
export function parseKioskConfigText(text: string): ParsedConfigText {
  // Windows editors like to write a byte-order mark, which JSON.parse rejects.
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(withoutBom);
  } catch (error) {
    return { ok: false, problems: [`(file): not valid JSON${jsonErrorPosition(withoutBom, error)}`] };
  }
  const parsed = parseKioskConfig(json);
  if (!parsed.ok) return parsed;
  const shellProblems = electronShellProblems(parsed.config);
  return shellProblems.length === 0 ? parsed : { ok: false, problems: shellProblems };
}

function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    /^127(\.\d{1,3}){3}$/.test(hostname)
  );
}

/**
 * What the schema allows but this shell cannot run. The page lives on a secure origin (app://,
 * required for the camera), and Chromium blocks its requests to plain-http hosts as mixed
 * content; only loopback addresses are exempt. The browser kiosk, served by the hub itself, has
 * no such limit, so this check belongs here and not in the shared schema.
 */
export function electronShellProblems(config: KioskConfig): string[] {
  const hub = new URL(config.hubUrl);
  if (hub.protocol === 'http:' && !isLoopbackHost(hub.hostname)) {
    return [
      `hubUrl: the Electron kiosk cannot reach a plain-http hub at ${hub.host}; use https (plain http works only for localhost)`,
    ];
  }
  return [];
}

export type KioskConfigLoad =
  | { ok: true; config: KioskConfig; location: ConfigLocation }
  | { ok: false; location: ConfigLocation | null; problems: string[] };

function readFailure(location: ConfigLocation, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return location.origin === 'user-data'
        ? `no config file at ${location.path}; put the terminal's config there or start with ${CONFIG_FLAG} <file>`
        : `no config file at ${location.path} (from ${location.origin === 'flag' ? CONFIG_FLAG : location.origin === 'env' ? CONFIG_ENV : 'the demo'})`;
    case 'EACCES':
    case 'EPERM':
      return `the kiosk user may not read ${location.path}`;
    case 'EISDIR':
      return `${location.path} is a folder, not a config file`;
    default:
      return `cannot read ${location.path} (${code ?? 'unknown error'})`;
  }
}

/** Reads and checks the config; never throws, so a broken config becomes an error page, not a crash. */
export async function loadKioskConfig(
  located: LocatedConfig,
  readText: (path: string) => Promise<string>,
): Promise<KioskConfigLoad> {
  if (!located.ok) return { ok: false, location: null, problems: [located.problem] };
  const { location } = located;
  let text: string;
  try {
    text = await readText(location.path);
  } catch (error) {
    return { ok: false, location, problems: [readFailure(location, error)] };
  }
  const parsed = parseKioskConfigText(text);
  return parsed.ok
    ? { ok: true, config: parsed.config, location }
    : { ok: false, location, problems: parsed.problems };
}

/** One log line that says where the config came from and why it failed, without its secrets. */
export function describeConfigLoad(load: KioskConfigLoad): string {
  const subject =
    load.location === null ? 'kiosk config' : `kiosk config ${load.location.path} (${load.location.origin})`;
  // The origin only: a hub URL may carry credentials in its userinfo.
  if (load.ok) {
    return `${subject} loaded: terminal ${load.config.terminalId}, hub ${new URL(load.config.hubUrl).origin}`;
  }
  return `${subject} is unusable, showing the error page: ${load.problems.join('; ')}`;
}
