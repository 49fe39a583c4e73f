import { parseArgs } from 'node:util';
import { CommandKind } from '../protocol/fleet.js';
import { CliError } from './files.js';
import { passphraseSource } from './key-file.js';
import { HubApi } from './hub-api.js';
import { diff, encryptKey, keygen, schema, show, sign, thumbprint, validate, type Io } from './offline.js';
import { command, enrollmentCode, promote, publish, releases, revoke, rollback, status } from './online.js';
import { deletions, retention } from './retention.js';
import { tenantCreate, tenantList, tokenIssue } from './tenants.js';

export const USAGE = `Usage: pop-provider <command> [options]   (npm run provider -- <command> ...)

Offline (your keys and files; the signing key's passphrase from --passphrase-file <file> or
POP_PROVIDER_KEY_PASSPHRASE, at least 12 characters):
  keygen --id <key-id> [--out <dir>]                 make an Ed25519 signing key pair, the private half encrypted
  encrypt-key <id.key.json>                          encrypt a key file made before keys were encrypted
  validate <fleet.json>                              check a fleet file; every problem with its path
  show <fleet.json> --terminal <id>                  merged settings of one terminal and where each comes from
  diff <old.json> <new.json> [--terminal <id>]       what changes for each terminal
  sign <fleet.json> --key <id.key.json> --version <n> --out <release.json> [--valid-days 30] [--trust <keys.json>]
       [--office-key <office-id>=<public.jwk.json> ...]   pin the office keys terminals may encrypt to
  thumbprint <public.jwk.json>                       RFC 7638 thumbprint of an office key (installation configs)
  schema                                             print the JSON Schema of fleet files

Against a hub (--hub or POP_HUB_URL, --token or POP_PROVIDER_TOKEN; --tenant <ARS> or POP_TENANT
names the municipality when the token runs several):
  tenant-create <ARS> --name <text>                  a municipality on the hub (operator token)
  tenants                                            the municipalities this token runs
  token-issue --name <person> --tenants <ARS,ARS>    a named provider token for a person (operator token)
  publish <release.json> (--percent <n> | --terminals <a,b>)   upload and start a rollout
  promote <version> (--percent <n> | --terminals <a,b>)        widen (or, with --percent 0, halt) a rollout
  rollback --to <version> --key <id.key.json> [--valid-days 30] re-sign an old version as the newest, for all
  releases | status                                  list releases / terminals and alerts
  enroll-code --terminal <id> --name <text> [--ttl-minutes 60]
  revoke --terminal <id>
  command --terminal <id> --kind <reload|restart|wipe|collect_logs> [--ttl-seconds 900]
  retention [--office <id> | --form <id>] [--days <n> | --remove]   list, set or remove retention periods
  deletions [--limit 200]                            the log of applications deleted after their period`;

const OPTIONS = {
  id: { type: 'string' },
  out: { type: 'string' },
  terminal: { type: 'string' },
  terminals: { type: 'string' },
  key: { type: 'string' },
  version: { type: 'string' },
  'valid-days': { type: 'string' },
  trust: { type: 'string' },
  'office-key': { type: 'string', multiple: true },
  percent: { type: 'string' },
  to: { type: 'string' },
  hub: { type: 'string' },
  token: { type: 'string' },
  tenant: { type: 'string' },
  tenants: { type: 'string' },
  name: { type: 'string' },
  kind: { type: 'string' },
  'ttl-minutes': { type: 'string' },
  'ttl-seconds': { type: 'string' },
  'passphrase-file': { type: 'string' },
  office: { type: 'string' },
  form: { type: 'string' },
  days: { type: 'string' },
  remove: { type: 'boolean' },
  limit: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs one command; returns the exit code. Output goes through `io`, so tests can read it. */
export async function runCli(
  argv: string[],
  io: Io & { err(line: string): void },
  env = process.env,
): Promise<number> {
  try {
    return await dispatch(argv, io, env);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`pop-provider: ${error.message}`);
      return error.exitCode;
    }
    throw error;
  }
}

async function dispatch(argv: string[], io: Io, env: NodeJS.ProcessEnv): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${USAGE}`, 2);
  }
  const { values: v, positionals } = parsed;
  const [name, ...args] = positionals;
  if (v.help || !name) {
    io.out(USAGE);
    return 0;
  }
  const need = (value: string | undefined, what: string): string => {
    if (!value) throw new CliError(`${name} needs ${what}.\n${USAGE}`, 2);
    return value;
  };
  const int = (value: string | undefined, what: string, fallback?: number): number => {
    if (value === undefined && fallback !== undefined) return fallback;
    const n = Number(need(value, what));
    if (!Number.isInteger(n) || n < 0)
      throw new CliError(`${what} must be a whole number, not "${value}".`, 2);
    return n;
  };
  const hub = () =>
    new HubApi(
      need(v.hub ?? env['POP_HUB_URL'], '--hub <url> (or POP_HUB_URL)'),
      need(v.token ?? env['POP_PROVIDER_TOKEN'], '--token <provider token> (or POP_PROVIDER_TOKEN)'),
      v.tenant ?? env['POP_TENANT'],
    );
  const rolloutArgs = () => {
    const rollout = {
      percent: v.percent === undefined ? undefined : int(v.percent, '--percent'),
      terminals: v.terminals
        ?.split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    };
    if (rollout.percent !== undefined && rollout.percent > 100)
      throw new CliError('--percent must be 0 to 100.', 2);
    if (rollout.percent === undefined && !rollout.terminals?.length)
      throw new CliError(`${name} needs --percent <n> or --terminals <a,b>.`, 2);
    return rollout;
  };

  const passphrase = passphraseSource(v['passphrase-file'], env);

  switch (name) {
    case 'encrypt-key':
      await encryptKey(need(args[0], 'a key file'), passphrase, io);
      return 0;
    case 'keygen':
      await keygen(need(v.id, '--id <key-id>'), v.out ?? '.', passphrase, io);
      return 0;
    case 'validate':
      await validate(need(args[0], 'a fleet file'), io);
      return 0;
    case 'show':
      await show(need(args[0], 'a fleet file'), need(v.terminal, '--terminal <id>'), io);
      return 0;
    case 'diff':
      await diff(need(args[0], 'the old fleet file'), need(args[1], 'the new fleet file'), v.terminal, io);
      return 0;
    case 'sign':
      await sign(
        {
          fleetPath: need(args[0], 'a fleet file'),
          keyPath: need(v.key, '--key <id.key.json>'),
          version: int(v.version, '--version'),
          validDays: int(v['valid-days'], '--valid-days', 30),
          outPath: need(v.out, '--out <release.json>'),
          trustPath: v.trust,
          officeKeys: v['office-key'],
          passphrase,
        },
        io,
      );
      return 0;
    case 'thumbprint':
      await thumbprint(need(args[0], 'a public JWK file'), io);
      return 0;
    case 'schema':
      schema(io);
      return 0;
    case 'publish':
      await publish(hub(), need(args[0], 'a release file'), rolloutArgs(), io);
      return 0;
    case 'promote':
      await promote(hub(), int(args[0], 'the version to promote'), rolloutArgs(), io);
      return 0;
    case 'rollback':
      await rollback(
        hub(),
        {
          to: int(v.to, '--to <version>'),
          keyPath: need(v.key, '--key'),
          validDays: int(v['valid-days'], '--valid-days', 30),
          passphrase,
        },
        io,
      );
      return 0;
    case 'releases':
      await releases(hub(), io);
      return 0;
    case 'status':
      await status(hub(), io);
      return 0;
    case 'enroll-code':
      await enrollmentCode(
        hub(),
        need(v.terminal, '--terminal'),
        need(v.name, '--name'),
        int(v['ttl-minutes'], '--ttl-minutes', 60),
        io,
      );
      return 0;
    case 'revoke':
      await revoke(hub(), need(v.terminal, '--terminal'), io);
      return 0;
    case 'command': {
      const kind = CommandKind.safeParse(v.kind);
      if (!kind.success) throw new CliError(`--kind must be one of ${CommandKind.options.join(', ')}.`, 2);
      await command(
        hub(),
        need(v.terminal, '--terminal'),
        kind.data,
        int(v['ttl-seconds'], '--ttl-seconds', 900),
        io,
      );
      return 0;
    }
    case 'retention': {
      if (v.days !== undefined && v.remove)
        throw new CliError('retention takes --days or --remove, not both.', 2);
      const days = v.remove ? null : v.days === undefined ? undefined : int(v.days, '--days');
      await retention(hub(), { office: v.office, form: v.form }, days, io);
      return 0;
    }
    case 'tenant-create':
      await tenantCreate(hub(), need(args[0], 'the ARS of the municipality'), need(v.name, '--name'), io);
      return 0;
    case 'tenants':
      await tenantList(hub(), io);
      return 0;
    case 'token-issue':
      await tokenIssue(
        hub(),
        need(v.name, '--name'),
        (v.tenants ?? '')
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
        io,
      );
      return 0;
    case 'deletions':
      await deletions(hub(), int(v.limit, '--limit', 200), io);
      return 0;
    default:
      throw new CliError(`Unknown command "${name}".\n${USAGE}`, 2);
  }
}
