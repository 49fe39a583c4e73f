import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser } from '@playwright/test';
import type { FormDefinition } from '../../protocol/forms.js';
import { postgresSchema } from '../../hub/testing/hub-cli.js';
import { kioskUrl } from '../../scripts/kiosk-url.js';
import { Provider } from '../support/fleet.js';
import { removeDataDir, REPO_ROOT, startHub, type HubProcess } from '../support/hub-process.js';
import { KioskPage } from '../support/kiosk-page.js';

/**
 * Two municipalities on one hub, each set up with the documented commands only (pop-provider,
 * pop-admin, office-keygen): the same service and form ids in both, a terminal of each sends an
 * application, and each clerk reads their own municipality's application and never the other's.
 * On SQLite, and on PostgreSQL when POP_TEST_POSTGRES_URL names a server.
 */
const OPERATOR_TOKEN = 'operator-token-of-the-it-service-0123456789';

interface Municipality {
  ars: string;
  name: string;
  office: string;
  terminal: string;
  admin: string;
  clerk: string;
  citizen: string;
}

const MUNICIPALITIES: Municipality[] = [
  {
    ars: '146270010010',
    name: 'Neustadt',
    office: 'rathaus-neustadt',
    terminal: 'neustadt-1',
    admin: 'ada',
    clerk: 'paul',
    citizen: 'Krause',
  },
  {
    ars: '146270020020',
    name: 'Altdorf',
    office: 'rathaus-altdorf',
    terminal: 'altdorf-1',
    admin: 'berta',
    clerk: 'olga',
    citizen: 'Lehmann',
  },
];

const dir = mkdtempSync(join(tmpdir(), 'pop-two-'));
const file = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
};

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  expect(result.status, `${script} ${args.join(' ')}\n${result.stderr}`).toBe(0);
  return result.stdout.trim();
}

const formOf = (m: Municipality): FormDefinition => ({
  id: 'hund-anmelden',
  version: 1,
  title: { de: `Hund anmelden in ${m.name}` },
  description: { de: 'Anmeldung eines Hundes zur Hundesteuer' },
  officeId: m.office,
  schema: {
    type: 'object',
    properties: { familyName: { type: 'string', minLength: 1, maxLength: 100 } },
    required: ['familyName'],
    additionalProperties: false,
  },
  ui: {
    steps: [{ id: 'angaben', title: { de: 'Angaben' }, fields: ['familyName'] }],
    fields: { familyName: { label: { de: 'Familienname' }, widget: 'text' } },
  },
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const postgresUrl = process.env['POP_TEST_POSTGRES_URL'];
const dialects = ['SQLite', ...(postgresUrl ? ['PostgreSQL'] : [])];

for (const dialect of dialects)
  test.describe(`two municipalities on one hub (${dialect})`, () => {
    let hub: HubProcess;
    let dropSchema: (() => Promise<void>) | undefined;
    test.beforeAll(async () => {
      const env: Record<string, string> = { POP_PROVIDER_TOKEN: OPERATOR_TOKEN };
      if (dialect === 'PostgreSQL' && postgresUrl) {
        const schema = await postgresSchema(postgresUrl);
        dropSchema = schema.drop;
        env['POP_DATABASE_URL'] = schema.url;
      }
      hub = await startHub({ demo: false, env });
    });
    test.afterAll(async () => {
      await hub.stop();
      removeDataDir(hub.dataDir);
      await dropSchema?.();
    });

    function setUp(m: Municipality): { clerkPassword: string } {
      const provider = { POP_HUB_URL: hub.url, POP_PROVIDER_TOKEN: OPERATOR_TOKEN, POP_TENANT: m.ars };
      const admin = (args: string[], env: Record<string, string>) =>
        run('hub/admin/cli-main.ts', args, { POP_HUB_URL: hub.url, ...env });
      run('provider-cli/main.ts', ['tenant-create', m.ars, '--name', `Gemeinde ${m.name}`], provider);
      const first = JSON.parse(admin(['first-admin', m.admin, '--name', m.admin], provider)) as {
        initialPassword: string;
      };
      const own = `${m.admin} eigenes Passwort 2026`;
      admin(['password', '--new-password-file', file(`${m.admin}-pw`, `${own}\n`)], {
        POP_ADMIN_USERNAME: m.admin,
        POP_ADMIN_PASSWORD: first.initialPassword,
      });
      const as = { POP_ADMIN_USERNAME: m.admin, POP_ADMIN_PASSWORD: own };
      admin(['municipality', 'set', '--name', m.name], as);
      run('scripts/office-keygen.ts', [m.office, dir]);
      const office = file(`${m.office}.json`, {
        id: m.office,
        name: { de: `Rathaus ${m.name}` },
        address: { street: 'Markt 1', postalCode: '04109', city: m.name },
        phone: '0341 1234',
        email: `rathaus@${m.name.toLowerCase()}.example`,
        openingHours: [{ day: 'tue', from: '08:00', to: '12:00' }],
        videoHours: [],
      });
      admin(['office', 'create', office, '--key', join(dir, `${m.office}.public.jwk.json`)], as);
      admin(
        ['category', 'put', 'tiere', file('category.json', { name: { de: 'Tiere' }, icon: '🐕', order: 1 })],
        as,
      );
      const service = file(`service-${m.office}.json`, {
        leikaKey: '99097001000000',
        name: { de: 'Hund anmelden' },
        shortText: { de: `Einen Hund in ${m.name} anmelden.` },
        longText: { de: `Wer in ${m.name} einen Hund hält, meldet ihn an.` },
        requiredDocuments: [],
        prerequisites: [],
        fees: [],
        processingTime: { de: 'Etwa eine Woche' },
        legalBasis: [],
        officeId: m.office,
        categoryId: 'tiere',
        lifeSituationIds: [],
        keywords: ['Hundesteuer'],
        formId: null,
      });
      // The same service and form ids in both municipalities.
      admin(['service', 'put', 'hund', service], as);
      admin(['form', 'publish', '--service', 'hund', file(`form-${m.office}.json`, formOf(m))], as);
      const invited = JSON.parse(
        admin(['clerk', 'invite', m.clerk, '--name', m.clerk, '--role', 'clerk', '--offices', m.office], as),
      ) as { initialPassword: string };
      const clerkPassword = `${m.clerk} eigenes Passwort 26`;
      admin(['password', '--new-password-file', file(`${m.clerk}-pw`, `${clerkPassword}\n`)], {
        POP_ADMIN_USERNAME: m.clerk,
        POP_ADMIN_PASSWORD: invited.initialPassword,
      });
      return { clerkPassword };
    }

    async function apply(browser: Browser, m: Municipality, provider: Provider): Promise<string> {
      const env = { POP_HUB_URL: hub.url, POP_PROVIDER_TOKEN: OPERATOR_TOKEN, POP_TENANT: m.ars };
      const enrolled = run(
        'provider-cli/main.ts',
        ['enroll-code', '--terminal', m.terminal, '--name', `Terminal ${m.name}`],
        env,
      );
      const code = /: (\S+) \(single use/.exec(enrolled)?.[1] ?? '';
      const thumbprint =
        run('provider-cli/main.ts', ['thumbprint', join(dir, `${m.office}.public.jwk.json`)])
          .split(/\s+/)
          .pop() ?? '';
      const installation = {
        schemaVersion: 1,
        terminalId: m.terminal,
        siteName: `Bibliothek ${m.name}`,
        hubUrl: hub.url,
        locales: ['de'],
        defaultLocale: 'de',
        idleTimeoutSeconds: 120,
        idleWarningSeconds: 20,
        contentRefreshSeconds: 300,
        officeKeys: { [m.office]: [thumbprint] },
        attract: { title: { de: `Ihr Rathaus ${m.name}` }, subtitle: { de: 'Anträge stellen' } },
        fleet: { providerKeys: provider.pinnedKeys, heartbeatSeconds: 30, enrollmentCode: code },
      };
      const context = await browser.newContext();
      const page = await context.newPage();
      const kiosk = new KioskPage(page);
      await page.goto(kioskUrl(hub.url, installation));
      await kiosk.startInGerman();
      await kiosk.search('Hundesteuer');
      await kiosk.openService('Hund anmelden');
      // The terminal shows its own municipality's service text, never the other one's.
      await expect(page.getByText(`Einen Hund in ${m.name} anmelden.`).first()).toBeVisible();
      await kiosk.startForm();
      await kiosk.fillForm(formOf(m), { familyName: m.citizen });
      const trackingCode = await kiosk.submit();
      await context.close();
      return trackingCode;
    }

    test('each clerk reads only their own municipality’s application', async ({ browser }) => {
      test.setTimeout(480_000);
      const passwords = MUNICIPALITIES.map(setUp);
      const provider = await Provider.create(hub.url);
      const codes: string[] = [];
      for (const m of MUNICIPALITIES) codes.push(await apply(browser, m, provider));

      for (const [index, m] of MUNICIPALITIES.entries()) {
        const other = MUNICIPALITIES[1 - index];
        const context = await browser.newContext();
        const clerk = await context.newPage();
        await clerk.goto(`${hub.url}/clerk/`);
        await clerk.getByLabel('Benutzername').fill(m.clerk);
        await clerk.getByLabel('Passwort').fill(passwords[index]?.clerkPassword ?? '');
        await clerk.getByRole('button', { name: 'Anmelden' }).click();
        const table = clerk.getByRole('table', { name: 'Eingegangene Anträge' });
        await expect(table.getByRole('link', { name: codes[index] ?? '' })).toBeVisible();
        await expect(table.getByRole('link', { name: codes[1 - index] ?? '' })).toHaveCount(0);
        await table.getByRole('link', { name: codes[index] ?? '' }).click();
        await clerk
          .getByLabel('Schlüsseldatei (JWK)')
          .setInputFiles(join(dir, `${m.office}.private.jwk.json`));
        await clerk.getByLabel('Passphrase', { exact: true }).fill('lange geheime Passphrase');
        await clerk.getByLabel('Passphrase wiederholen').fill('lange geheime Passphrase');
        await clerk.getByRole('button', { name: 'Schlüssel importieren' }).click();
        await expect(clerk.getByText(m.citizen, { exact: true })).toBeVisible();
        await expect(clerk.getByText(other?.citizen ?? '', { exact: true })).toHaveCount(0);
        await context.close();
      }
    });
  });
