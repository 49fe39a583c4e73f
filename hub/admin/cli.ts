import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { AuditQuery } from '../../protocol/admin.js';
import { contract } from '../../protocol/routes/index.js';
import { AdminHub, CliError, EXIT, readJsonFile, readSecretFile } from './cli-hub.js';

export const USAGE = `Usage: pop-admin <command> [options]   (npm run admin -- <command> ...)

The hub: --hub <url> or POP_HUB_URL. Credentials: --username or POP_ADMIN_USERNAME, the password
from --password-file <file> or POP_ADMIN_PASSWORD; or a session saved by login --session-file.
  login [--session-file <file>]                     check the credentials (and keep the session in <file>)
  password --new-password-file <file>               choose your own password (needed after an invitation)
  municipality set --name <text>
  office list | office create <office.json> --key <office.public.jwk.json> | office update <id> <office.json>
  key add --office <id> <office.public.jwk.json>    the new key becomes current, the old one retired
  key remove --office <id> --kid <kid>              only a retired key no unfinished application needs
  clerk list | clerk invite <username> --name <text> --role clerk|admin [--offices a,b]
  clerk set <username> [--name <text>] [--role clerk|admin] [--offices a,b]
  clerk disable <username> | clerk enable <username> | clerk reset <username>
  category put <id> <category.json>                 name, icon, order of a start-page category
  service list | service put <id> <service.json> | service withdraw <id>
  form publish --service <id> <form.json>           FIM importer output or a JSON form
  form withdraw <form-id>
  audit list [--action a] [--actor a] [--target prefix] [--since iso] [--until iso]
  audit export [--format jsonl|csv] [--out <file>] (filters as for list)
The provider (--token or POP_PROVIDER_TOKEN):
  first-admin <username> --name <text> [--tenant <ARS>]  a municipality's first admin, with an initial
                                                    password (--tenant when the token runs several)

Exit codes: 0 done, 1 refused by the hub, 2 usage, 3 not logged in or not allowed, 4 hub unreachable.`;

const OPTIONS = {
  hub: { type: 'string' },
  username: { type: 'string' },
  'password-file': { type: 'string' },
  'new-password-file': { type: 'string' },
  'session-file': { type: 'string' },
  token: { type: 'string' },
  tenant: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  offices: { type: 'string' },
  office: { type: 'string' },
  key: { type: 'string' },
  kid: { type: 'string' },
  service: { type: 'string' },
  action: { type: 'string' },
  actor: { type: 'string' },
  target: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

/** Runs one command; returns the exit code. Output goes through `io`, so tests can read it. */
export async function runAdminCli(
  argv: string[],
  io: Io,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  try {
    return await dispatch(argv, io, env);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`pop-admin: ${error.message}`);
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
    throw new CliError((error as Error).message, EXIT.usage);
  }
  const { values: v, positionals } = parsed;
  const [group, ...rest] = positionals;
  if (v.help || !group) {
    io.out(USAGE);
    return EXIT.ok;
  }
  const command = ['login', 'password', 'first-admin'].includes(group)
    ? group
    : `${group} ${rest.shift() ?? ''}`.trim();
  const need = (value: string | undefined, what: string): string => {
    if (!value) throw new CliError(`${command} needs ${what}`, EXIT.usage);
    return value;
  };
  const hubUrl = need(v.hub ?? env['POP_HUB_URL'], '--hub <url> (or POP_HUB_URL)');
  const list = (text: string | undefined) =>
    text
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const print = (value: unknown) => io.out(JSON.stringify(value, null, 2));

  if (command === 'first-admin') {
    const hub = new AdminHub(
      hubUrl,
      need(v.token ?? env['POP_PROVIDER_TOKEN'], '--token (or POP_PROVIDER_TOKEN)'),
    );
    const tenant = v.tenant ?? env['POP_TENANT'];
    const invitation = await hub.call(contract.adminProvider.createAdmin, {
      ...(tenant === undefined ? {} : { query: { tenant } }),
      body: { username: need(rest[0], 'a username'), displayName: need(v.name, '--name') },
    });
    print(invitation);
    return EXIT.ok;
  }

  const hub = new AdminHub(hubUrl);
  const sessionFile = v['session-file'] ?? env['POP_ADMIN_SESSION_FILE'];
  const username = v.username ?? env['POP_ADMIN_USERNAME'];
  const password = async () =>
    v['password-file']
      ? await readSecretFile(v['password-file'], '--password-file')
      : env['POP_ADMIN_PASSWORD'];
  // Credentials win over a saved session; login always uses them.
  const pass = await password();
  if (username && pass) await hub.login(username, pass);
  else if (command === 'login' || !sessionFile || !(await hub.useSessionFile(sessionFile)))
    throw new CliError(
      'not logged in: give --username and POP_ADMIN_PASSWORD (or --password-file), or a --session-file from login',
      EXIT.auth,
    );

  const routes = contract.admin;
  const body = async (path: string | undefined, what: string) =>
    (await readJsonFile(need(path, what), what)) as never;
  const auditQuery = (): Partial<AuditQuery> => ({
    ...(v.action ? { action: v.action } : {}),
    ...(v.actor ? { actor: v.actor } : {}),
    ...(v.target ? { target: v.target } : {}),
    ...(v.since ? { since: v.since } : {}),
    ...(v.until ? { until: v.until } : {}),
  });

  switch (command) {
    case 'login': {
      const account = await hub.call(contract.account.account, {});
      if (sessionFile) await hub.saveSessionFile(sessionFile);
      io.out(`logged in as ${account.username} (${account.role})`);
      if (account.mustChangePassword)
        io.out('choose your own password now: pop-admin password --new-password-file <file>');
      return EXIT.ok;
    }
    case 'password': {
      const current = need(pass, 'the current password (POP_ADMIN_PASSWORD or --password-file)');
      const next = await readSecretFile(
        need(v['new-password-file'], '--new-password-file <file>'),
        '--new-password-file',
      );
      await hub.call(contract.account.changePassword, {
        body: { currentPassword: current, newPassword: next },
      });
      io.out('password changed');
      return EXIT.ok;
    }
    case 'municipality set':
      print(await hub.call(routes.setMunicipality, { body: { name: need(v.name, '--name') } }));
      return EXIT.ok;
    case 'office list':
      print(await hub.call(routes.offices, {}));
      return EXIT.ok;
    case 'office create': {
      const office = (await body(rest[0], 'an office file')) as object;
      const jwk = await body(v.key, '--key <office.public.jwk.json>');
      print(await hub.call(routes.createOffice, { body: { ...office, encryptionKey: { jwk } } as never }));
      return EXIT.ok;
    }
    case 'office update':
      print(
        await hub.call(routes.updateOffice, {
          params: { officeId: need(rest[0], 'an office id') },
          body: await body(rest[1], 'an office file'),
        }),
      );
      return EXIT.ok;
    case 'key add': {
      const office = await hub.call(routes.addOfficeKey, {
        params: { officeId: need(v.office, '--office <id>') },
        body: { jwk: await body(rest[0], 'a public key file') },
      });
      io.out(
        `current key of ${office.id}: ${office.encryptionKeys.find((k) => k.status === 'current')?.kid ?? '?'}`,
      );
      return EXIT.ok;
    }
    case 'key remove':
      await hub.call(routes.removeOfficeKey, {
        params: { officeId: need(v.office, '--office <id>'), kid: need(v.kid, '--kid <kid>') },
      });
      io.out(`key ${v.kid ?? ''} removed`);
      return EXIT.ok;
    case 'clerk list':
      print(await hub.call(routes.clerks, {}));
      return EXIT.ok;
    case 'clerk invite':
      print(
        await hub.call(routes.inviteClerk, {
          body: {
            username: need(rest[0], 'a username'),
            displayName: need(v.name, '--name'),
            role: need(v.role, '--role clerk|admin') as 'clerk',
            officeIds: list(v.offices) ?? [],
          },
        }),
      );
      return EXIT.ok;
    case 'clerk set':
      print(
        await hub.call(routes.updateClerk, {
          params: { username: need(rest[0], 'a username') },
          body: {
            ...(v.name ? { displayName: v.name } : {}),
            ...(v.role ? { role: v.role as 'clerk' } : {}),
            ...(v.offices !== undefined ? { officeIds: list(v.offices) ?? [] } : {}),
          },
        }),
      );
      return EXIT.ok;
    case 'clerk disable':
    case 'clerk enable': {
      const route = command === 'clerk disable' ? routes.disableClerk : routes.enableClerk;
      const account = await hub.call(route, { params: { username: need(rest[0], 'a username') } });
      io.out(`${account.username} ${account.disabled ? 'disabled: their sessions have ended' : 'enabled'}`);
      return EXIT.ok;
    }
    case 'clerk reset':
      print(await hub.call(routes.resetClerkPassword, { params: { username: need(rest[0], 'a username') } }));
      return EXIT.ok;
    case 'category put':
      print(
        await hub.call(routes.putCategory, {
          params: { categoryId: need(rest[0], 'a category id') },
          body: await body(rest[1], 'a category file'),
        }),
      );
      return EXIT.ok;
    case 'service list':
      print(await hub.call(routes.services, {}));
      return EXIT.ok;
    case 'service put':
      print(
        await hub.call(routes.putService, {
          params: { serviceId: need(rest[0], 'a service id') },
          body: await body(rest[1], 'a service file'),
        }),
      );
      return EXIT.ok;
    case 'service withdraw':
      await hub.call(routes.withdrawService, { params: { serviceId: need(rest[0], 'a service id') } });
      io.out(`service ${rest[0] ?? ''} withdrawn`);
      return EXIT.ok;
    case 'form publish': {
      const published = await hub.call(routes.publishForm, {
        params: { serviceId: need(v.service, '--service <id>') },
        body: await body(rest[0], 'a form file'),
      });
      io.out(`form ${published.id} version ${published.version} published for ${published.serviceId}`);
      return EXIT.ok;
    }
    case 'form withdraw':
      await hub.call(routes.withdrawForm, { params: { formId: need(rest[0], 'a form id') } });
      io.out(`form ${rest[0] ?? ''} withdrawn`);
      return EXIT.ok;
    case 'audit list':
      print(await hub.call(routes.audit, { query: auditQuery() }));
      return EXIT.ok;
    case 'audit export': {
      const format = v.format ?? 'jsonl';
      if (format !== 'jsonl' && format !== 'csv')
        throw new CliError('--format must be jsonl or csv', EXIT.usage);
      const route = format === 'csv' ? routes.auditCsv : routes.auditJsonLines;
      const text = await hub.text(route, { query: auditQuery() });
      if (v.out) await writeFile(v.out, text);
      else io.out(text.replace(/\r?\n$/, ''));
      return EXIT.ok;
    }
    default:
      throw new CliError(`unknown command "${command}" (pop-admin --help lists them)`, EXIT.usage);
  }
}
